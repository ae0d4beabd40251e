// Samples a monitoring job compares, read for real from the emulator's BigQuery: the
// baseline from a training table (`bq://project.dataset.table`), the target from the
// request-response logs of the monitored endpoints (each logged predict/explain
// instance is one row), in the job's time window. Undefined when the data is not in
// the emulator (then monitoringData.ts's generated samples stand in).
import { bigQueryOf, duckTable, tableKey } from '../bigquery/bigQueryState';
import type { EmulatorState } from '../context';
import { logConfigOf } from '../logging/logDestination';
import { duckString, quoteIdent } from '../sql/sqlTypes';
import type { JsonObject } from '../wireCodec';
import type { FieldSchema, Sample } from './monitoringData';

const HOUR = 3_600_000;
const UNITS: Record<string, number> = { h: HOUR, d: 24 * HOUR, w: 7 * 24 * HOUR };

/** Rows of a BigQuery table the emulator holds, one column per field. */
export async function tableSample(state: EmulatorState, input: JsonObject | undefined, fields: readonly FieldSchema[]): Promise<Sample | undefined> {
  const uri = (((input?.columnizedDataset as JsonObject | undefined)?.bigquerySource as JsonObject | undefined)?.tableUri as string | undefined) ?? '';
  const m = /^bq:\/\/([^.]+)\.([^.]+)\.([^.]+)$/.exec(uri);
  if (!m) return undefined;
  const bq = bigQueryOf(state);
  const meta = bq.tables.get(tableKey(m[1], m[2], m[3]));
  if (!meta) return undefined;
  const present = fields.filter((f) => meta.schema.some((c) => c.name === f.name));
  if (!present.length) return undefined;
  // Every job of a monitor reads the same baseline: read it once per table version.
  const key = `${uri}|${meta.numRows}|${meta.lastModifiedTime}|${present.map((f) => f.name).join(',')}`;
  const cache = baselines.get(state) ?? new Map<string, Promise<Sample>>();
  baselines.set(state, cache);
  let sample = cache.get(key);
  if (!sample) {
    sample = bq.run(async (db) => (await db.runAndReadAll(`SELECT ${present.map((f) => quoteIdent(f.name)).join(', ')} FROM ${duckTable(meta)}`)).getRowObjectsJson())
      .then((rows) => columns(rows as JsonObject[], fields));
    cache.set(key, sample);
  }
  return sample;
}

const baselines = new WeakMap<EmulatorState, Map<string, Promise<Sample>>>();

/** Logged instances of the endpoints in the input, within its time window (relative to `cutoff`). */
export async function endpointLogSample(state: EmulatorState, input: JsonObject | undefined, fields: readonly FieldSchema[], cutoff: Date): Promise<Sample | undefined> {
  const endpoints = ((input?.vertexEndpointLogs as JsonObject | undefined)?.endpoints as string[] | undefined) ?? [];
  if (!endpoints.length) return undefined;
  const { start, end } = timeWindow(input, cutoff);
  const bq = bigQueryOf(state);
  const instances: JsonObject[] = [];
  for (const requested of endpoints) {
    const name = state.names.canonical(requested, 'target_dataset.vertex_endpoint_logs.endpoints');
    const endpoint = state.store.get(name);
    const config = endpoint && logConfigOf(endpoint.data);
    const meta = config && bq.tables.get(tableKey(config.projectId, config.datasetId, config.tableId));
    if (!meta) continue;
    const sql = `SELECT request_payload FROM ${duckTable(meta)} WHERE endpoint = ${duckString(name)} AND api_method IN ('predict', 'explain')` +
      ` AND logging_time >= CAST(${duckString(start.toISOString())} AS TIMESTAMPTZ) AND logging_time < CAST(${duckString(end.toISOString())} AS TIMESTAMPTZ)`;
    const rows = await bq.run(async (db) => (await db.runAndReadAll(sql)).getRowObjectsJson());
    for (const row of rows as { request_payload?: string[] }[]) {
      for (const payload of row.request_payload ?? []) {
        try {
          const instance = JSON.parse(payload) as unknown;
          if (instance && typeof instance === 'object' && !Array.isArray(instance)) instances.push(instance as JsonObject);
        } catch {
          // A payload that is not a JSON object is not a row of features.
        }
      }
    }
  }
  return columns(instances, fields);
}

/** ModelMonitoringInput.time_interval, or time_offset {offset, window} back from the cut-off (default: the whole log up to it). */
export function timeWindow(input: JsonObject | undefined, cutoff: Date): { start: Date; end: Date } {
  const interval = input?.timeInterval as JsonObject | undefined;
  if (interval) return { start: new Date(String(interval.startTime ?? 0)), end: interval.endTime ? new Date(String(interval.endTime)) : cutoff };
  const offset = input?.timeOffset as JsonObject | undefined;
  const end = new Date(cutoff.getTime() - duration(offset?.offset));
  const window = duration(offset?.window);
  return { start: new Date(window ? end.getTime() - window : 0), end };
}

function duration(text: unknown): number {
  const m = /^(\d+)([hdw])$/i.exec(String(text ?? ''));
  return m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : 0;
}

function columns(rows: readonly JsonObject[], fields: readonly FieldSchema[]): Sample {
  const sample: Sample = {};
  for (const f of fields) sample[f.name] = rows.flatMap((r) => (r[f.name] === undefined || r[f.name] === null ? [] : [typeof r[f.name] === 'number' ? (r[f.name] as number) : String(r[f.name])]));
  return sample;
}
