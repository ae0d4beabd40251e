// The suites whose answers depend on the clock or the time zone, run again in a fresh mocha
// at chosen instants (VGO_TEST_NOW, read by packages/emulator/test/testClock.ts) and time zones (TZ):
// a weekday's first half hour, a weekend, the new year, and the days US clocks change.
// (demoRequestLogs.test.ts replays every hour of a week itself.)
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// dist/test/unit/chosenInstants.test.js → the built suites beside it, and the emulator
// package's in packages/emulator/dist/test (esbuild.mjs builds both).
const unit = __dirname;
const root = resolve(unit, '..', '..', '..');
const SUITES = [
  'monitoring/monitoringQueries.test.js',
  'monitoring/chartSeries.test.js',
  '../../../packages/emulator/dist/test/sqlTranslate.test.js',
  '../../../packages/emulator/dist/test/traffic.test.js',
  '../../../packages/emulator/dist/test/logging.test.js',
  'drift/generativeDrift.test.js',
  'drift/monitoringFromLogs.test.js',
];

const INSTANTS = [
  { when: 'a Monday 00:30 UTC', now: '2026-12-07T00:30:00Z', tz: 'UTC' },
  { when: 'a Sunday afternoon in Kolkata', now: '2026-12-06T09:00:00Z', tz: 'Asia/Kolkata' },
  { when: '1 January UTC, still New Year\'s Eve in Los Angeles', now: '2027-01-01T00:10:00Z', tz: 'America/Los_Angeles' },
  { when: 'the day US clocks go forward, just after the change', now: '2026-03-08T10:30:00Z', tz: 'America/Los_Angeles' },
  { when: 'the day US clocks go back, seen from Kolkata', now: '2026-11-01T08:30:00Z', tz: 'Asia/Kolkata' },
];

describe('clock-dependent suites at chosen instants', function () {
  this.timeout(600_000);
  for (const { when, now, tz } of INSTANTS) {
    it(`${when} (${now}, TZ=${tz})`, () => {
      const { VGO_RESULTS_FILE: _ignored, ...env } = process.env; // the child must not overwrite this run's counts
      const r = spawnSync(process.execPath, [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', 'dot', '--timeout', '20000', ...SUITES.map((f) => join(unit, f))], {
        cwd: root,
        env: { ...env, TZ: tz, VGO_TEST_NOW: now },
        encoding: 'utf8',
      });
      const output = `${r.stdout}${r.stderr}`;
      assert.equal(r.status, 0, `mocha at ${now} with TZ=${tz} failed:\n${output.slice(-6000)}`);
      assert.match(output, /\d+ passing/);
      assert.doesNotMatch(output, /\d+ (failing|pending)/);
    });
  }
});
