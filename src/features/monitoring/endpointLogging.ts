// An endpoint as the Monitoring panel needs it: its deployed models and where its
// request-response log is; and turning logging on (into `bq://<project>`, so Vertex names
// the dataset) when it is off.
import type { MonitoringTarget } from './protocol';
import type { ClientPool } from '../../vertex/clients';
import { logTableOf, logTableText, type LogTableRef } from './logTable';

export interface MonitoredEndpoint {
  readonly target: MonitoringTarget;
  readonly table?: LogTableRef;
}

const regionOf = (endpoint: string) => endpoint.split('/')[3];

export async function monitoredEndpoint(pool: ClientPool, endpoint: string, signal?: AbortSignal): Promise<MonitoredEndpoint> {
  const client = await pool.get('EndpointServiceClient', regionOf(endpoint));
  const [raw] = await client.getEndpoint({ name: endpoint }, { timeout: 30_000 });
  signal?.throwIfAborted();
  const table = logTableOf(raw);
  return {
    table,
    target: {
      endpoint: String(raw.name),
      displayName: String(raw.displayName ?? ''),
      deployedModels: (raw.deployedModels ?? []).map((d) => ({ id: String(d.id), displayName: String(d.displayName ?? d.id) })),
      logTable: table && logTableText(table),
    },
  };
}

/** Turns request-response logging on for every request, into a dataset Vertex creates in the pool's project. */
export async function enableLogging(pool: ClientPool, endpoint: string): Promise<void> {
  const client = await pool.get('EndpointServiceClient', regionOf(endpoint));
  await client.updateEndpoint(
    {
      endpoint: { name: endpoint, predictRequestResponseLoggingConfig: { enabled: true, samplingRate: 1, bigqueryDestination: { outputUri: `bq://${pool.connection.project}` } } },
      updateMask: { paths: ['predict_request_response_logging_config'] },
    },
    { timeout: 30_000 },
  );
}
