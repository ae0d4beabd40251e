// Instances to explain from an endpoint's request-response log (its BigQuery table).
import { logTableOf, loggedRequestsSql, tableReference } from '../drift/api';
import { runQuery } from '../../vertex/bigquery';
import type { ClientPool } from '../../vertex/clients';
import { resourceRegion } from '../../vertex/protoValues';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function loggedInstances(pool: ClientPool, endpoint: string): Promise<{ time: string; instance: string }[]> {
  const client = await pool.get('EndpointServiceClient', resourceRegion(endpoint));
  const [raw] = (await client.getEndpoint({ name: endpoint })) as unknown as [Raw];
  const config = raw.predictRequestResponseLoggingConfig as Raw | undefined;
  const table = config?.enabled ? logTableOf(config, endpoint, String(raw.displayName ?? '')) : undefined;
  if (!table) return [];
  const sql = loggedRequestsSql.replaceAll('{{table}}', tableReference(table));
  const result = await runQuery(pool, sql, { params: { endpoint_id: endpoint.slice(endpoint.lastIndexOf('/') + 1) } });
  return result.items.flatMap((row) => {
    const time = String((row.logging_time as { value?: string } | undefined)?.value ?? row.logging_time);
    if (typeof row.instance === 'string' && row.instance) return [{ time, instance: JSON.stringify(JSON.parse(row.instance), null, 2) }];
    if (typeof row.prompt === 'string' && row.prompt) return [{ time, instance: JSON.stringify({ prompt: row.prompt }, null, 2) }];
    return [];
  });
}
