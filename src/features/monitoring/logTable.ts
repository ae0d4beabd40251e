// Where an endpoint's request-response log is, read from its
// predictRequestResponseLoggingConfig as Vertex documents it: `bq://project` alone means the
// dataset `logging_<display name>_<endpoint id>` and the table `request_response_logging`.
import * as l10n from '@vscode/l10n';
export interface LogTableRef {
  readonly projectId: string;
  readonly datasetId: string;
  readonly tableId: string;
}

interface RawEndpoint {
  name?: string | null;
  displayName?: string | null;
  predictRequestResponseLoggingConfig?: { enabled?: boolean | null; bigqueryDestination?: { outputUri?: string | null } | null } | null;
}

/** The log table, or undefined when logging is off (or has no BigQuery destination). */
export function logTableOf(endpoint: RawEndpoint): LogTableRef | undefined {
  const config = endpoint.predictRequestResponseLoggingConfig;
  if (!config?.enabled) return undefined;
  const match = /^bq:\/\/([^.]+)(?:\.([^.]+))?(?:\.([^.]+))?$/.exec(config.bigqueryDestination?.outputUri ?? '');
  if (!match) return undefined;
  const id = String(endpoint.name ?? '').split('/').pop() ?? '';
  const displayName = String(endpoint.displayName ?? '').replace(/[^A-Za-z0-9_]/g, '_');
  return { projectId: match[1], datasetId: match[2] ?? `logging_${displayName}_${id}`, tableId: match[3] ?? 'request_response_logging' };
}

export function logTableText(t: LogTableRef): string {
  return `${t.projectId}.${t.datasetId}.${t.tableId}`;
}

/** The SQL with its table placeholder filled in; identifiers are checked, since they cannot be query parameters. */
export function withLogTable(sql: string, t: LogTableRef): string {
  const ok = /^[A-Za-z0-9_-]+$/.test(t.projectId) && /^\w+$/.test(t.datasetId) && /^[\w-]+$/.test(t.tableId);
  if (!ok) throw new Error(l10n.t('The log table {0} has a name BigQuery does not accept.', logTableText(t)));
  return sql.replaceAll('__LOG_TABLE__', logTableText(t));
}
