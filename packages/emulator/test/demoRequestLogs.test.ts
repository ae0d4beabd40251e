// The demo's logged history is generated back from "now": what the monitoring tests and the
// demo's views need from it must hold whatever the weekday and hour the emulator starts at.
import * as assert from 'node:assert/strict';
import { DEMO_IDS, US } from '../src/seeds/demoIds';
import { requestLogRows } from '../src/seeds/demoRequestLogs';

const HOUR = 3_600_000;
const SUPPORT_BOT = `${US}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
// The classifier's score only fills churn payloads; counts and times do not depend on it.
const score = () => 0.5;

/** Rows of the v3 canary in the 24 hours before `queryAt` (monitoringQueries.test.ts's canary window). */
function canaryLastDay(rows: Record<string, unknown>[], queryAt: number): number {
  return rows.filter((r) => r.endpoint === SUPPORT_BOT && r.deployed_model_id === DEMO_IDS.deployedModels.supportBotV3 && Date.parse(String(r.logging_time)) >= queryAt - 24 * HOUR).length;
}

describe('demo request logs: the same guarantees at every hour of the week', function () {
  this.timeout(120_000);

  it('the v3 canary holds more than 10 rows in its last 24 hours for each of the 168 start hours of a week', () => {
    const monday = Date.parse('2026-11-30T00:00:00Z');
    const thin: string[] = [];
    let fewest = Infinity;
    for (let h = 0; h < 168; h++) {
      // Minutes past the hour, and the query ten minutes after the seed (a slow test setup).
      const seededAt = monday + h * HOUR + ((h * 7) % 60) * 60_000;
      const n = canaryLastDay(requestLogRows(new Date(seededAt), score), seededAt + 10 * 60_000);
      fewest = Math.min(fewest, n);
      if (n <= 10) thin.push(`${new Date(seededAt).toISOString()}: ${n}`);
    }
    assert.deepEqual(thin, [], `start hours whose canary day is too thin (fewest ${fewest})`);
  });

  it('is the same history for the same "now", and every row lies before it', () => {
    const now = new Date('2027-01-01T00:30:00Z');
    const a = requestLogRows(now, score);
    assert.deepEqual(requestLogRows(now, score), a);
    assert.ok(a.every((r) => String(r.logging_time) <= now.toISOString()));
    assert.ok(Date.parse(String(a[0].logging_time)) >= now.getTime() - 14 * 24 * HOUR);
  });

  it('keeps the weekly rhythm: a weekend day logs fewer support-bot requests than a weekday', () => {
    const rows = requestLogRows(new Date('2026-12-07T00:00:00Z'), score).filter((r) => r.endpoint === SUPPORT_BOT);
    const onDay = (day: string) => rows.filter((r) => String(r.logging_time).startsWith(day)).length;
    assert.ok(onDay('2026-12-06') < 0.8 * onDay('2026-12-03'), `Sunday ${onDay('2026-12-06')}, Thursday ${onDay('2026-12-03')}`);
  });
});
