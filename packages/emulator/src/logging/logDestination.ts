// Where an endpoint's request-response log goes, read from its
// predictRequestResponseLoggingConfig as Vertex reads it: `bq://project` alone means a
// dataset `logging_<display name>_<endpoint id>` (the display name made dataset-safe) and a
// table `request_response_logging`; `bq://project.dataset` names the dataset. Missing
// datasets and tables are created with Vertex's logging schema.
import type { EmulatorState } from '../context';
import { bigQueryOf, datasetKey, tableKey, type TableMeta } from '../bigquery/bigQueryState';
import type { JsonObject } from '../wireCodec';
import { REQUEST_LOG_SCHEMA } from './requestLogSchema';

export const DEFAULT_LOG_TABLE = 'request_response_logging';

export interface LogConfig {
  samplingRate: number;
  projectId: string;
  datasetId: string;
  tableId: string;
}

/** The endpoint's logging config, or undefined when logging is off or has no BigQuery destination. */
export function logConfigOf(endpoint: JsonObject): LogConfig | undefined {
  const config = endpoint.predictRequestResponseLoggingConfig as JsonObject | undefined;
  if (!config?.enabled) return undefined;
  const uri = String((config.bigqueryDestination as JsonObject | undefined)?.outputUri ?? '');
  const match = /^bq:\/\/([^.]+)(?:\.([^.]+))?(?:\.([^.]+))?$/.exec(uri);
  if (!match) return undefined;
  const endpointId = String(endpoint.name).split('/').pop();
  const displayName = String(endpoint.displayName ?? '').replace(/[^A-Za-z0-9_]/g, '_');
  // The proto documents (0, 1]; unset (0 on the wire) is read as "log everything".
  const rate = Number(config.samplingRate ?? 0);
  return {
    samplingRate: rate > 0 && rate <= 1 ? rate : 1,
    projectId: match[1],
    datasetId: match[2] ?? `logging_${displayName}_${endpointId}`,
    tableId: match[3] ?? DEFAULT_LOG_TABLE,
  };
}

/** The destination table, created (with its dataset) when missing; undefined when its schema is not the logging schema. */
export function logTable(state: EmulatorState, config: LogConfig): TableMeta | undefined {
  const bq = bigQueryOf(state);
  const { projectId, datasetId, tableId } = config;
  const time = state.now().getTime();
  // Queued like the rows (seedRows defers too), so schema, table and rows land in order.
  const write = (op: Parameters<typeof bq.defer>[0]) => bq.defer(op);
  if (!bq.datasets.has(datasetKey(projectId, datasetId))) {
    bq.addDataset({ projectId, datasetId, location: 'US', creationTime: time, lastModifiedTime: time, description: 'Vertex AI request-response logging.' }, write);
  }
  const existing = bq.tables.get(tableKey(projectId, datasetId, tableId));
  if (existing) {
    const same = existing.schema.length === REQUEST_LOG_SCHEMA.length && existing.schema.every((f, i) => f.name === REQUEST_LOG_SCHEMA[i].name);
    // Vertex stops logging into a table whose schema was changed; so does the emulator.
    return same ? existing : undefined;
  }
  const meta: TableMeta = { projectId, datasetId, tableId, schema: REQUEST_LOG_SCHEMA, creationTime: time, lastModifiedTime: time, numRows: 0, numBytes: 0 };
  bq.addTable(meta, write);
  return meta;
}
