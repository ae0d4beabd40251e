// The instant clock-dependent tests run at: $VGO_TEST_NOW (an ISO time, set by the
// root's test/unit/chosenInstants.test.ts) or the wall clock. A pinned clock still advances in real
// time from that instant, so timeouts and operation delays behave as they do unpinned.
const pinned = process.env.VGO_TEST_NOW;
const pinnedMs = pinned ? Date.parse(pinned) : undefined;
if (pinnedMs !== undefined && Number.isNaN(pinnedMs)) throw new Error(`VGO_TEST_NOW=${pinned} is not a time: give an ISO time such as 2026-12-07T00:30:00Z.`);
const offsetMs = pinnedMs === undefined ? 0 : pinnedMs - Date.now();

/** Milliseconds since the epoch on the tests' clock. */
export const testNow = (): number => Date.now() + offsetMs;

/** The tests' clock as a Date: what the emulator's `now` option takes. */
export const testClock = (): Date => new Date(testNow());
