// genai_demo_data.web_events: one million synthetic rows, for paging and preview at
// scale. DuckDB generates them from range() in one statement (about 0.2 s, when
// BigQuery data is first read), so the emulator starts as fast as without them.
import type { DuckDBConnection } from '@duckdb/node-api';
import { duckTable, type TableMeta } from '../bigquery/bigQueryState';
import type { FieldSchema } from '../sql/sqlTypes';
import { duckString } from '../sql/sqlTypes';

export const WEB_EVENTS_ROWS = 1_000_000;
/** One event every 7 seconds, the last one at the seed's time. */
const SPACING_S = 7;

export const WEB_EVENTS_SCHEMA: FieldSchema[] = [
  { name: 'event_id', type: 'INTEGER', mode: 'REQUIRED', description: 'Row number, from 0.' },
  { name: 'event_time', type: 'TIMESTAMP', mode: 'NULLABLE' },
  { name: 'channel', type: 'STRING', mode: 'NULLABLE', description: 'web, ios, android or api.' },
  { name: 'latency_ms', type: 'FLOAT', mode: 'NULLABLE' },
  { name: 'user_id', type: 'STRING', mode: 'NULLABLE', description: 'NULL for anonymous traffic (every 97th event).' },
];

/** The rows as a pure function of the row number, so any page can be checked. */
export function webEvent(i: number, now: Date): Record<string, unknown> {
  return {
    event_id: i,
    event_time: new Date(now.getTime() - (WEB_EVENTS_ROWS - 1 - i) * SPACING_S * 1000).toISOString(),
    channel: ['web', 'ios', 'android', 'api'][(i * 7919) % 4],
    latency_ms: ((i * 2654435761) % 100000) / 100,
    user_id: i % 97 === 0 ? null : `user-${(i * 31) % 50000}`,
  };
}

export function generateWebEvents(meta: TableMeta, now: Date): (db: DuckDBConnection) => Promise<unknown> {
  const first = new Date(now.getTime() - (WEB_EVENTS_ROWS - 1) * SPACING_S * 1000).toISOString();
  meta.numRows += WEB_EVENTS_ROWS;
  meta.numBytes += WEB_EVENTS_ROWS * 40;
  return (db) =>
    db.run(`INSERT INTO ${duckTable(meta)}
      SELECT i, ${duckString(first)}::TIMESTAMPTZ + to_seconds(i * ${SPACING_S}),
        (['web', 'ios', 'android', 'api'])[1 + (i * 7919) % 4],
        ((i * 2654435761) % 100000) / 100.0,
        CASE WHEN i % 97 = 0 THEN NULL ELSE 'user-' || ((i * 31) % 50000) END
      FROM range(${WEB_EVENTS_ROWS}) t(i)`);
}
