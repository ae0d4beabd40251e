// Endpoint changes through the official EndpointServiceClient: create, deploy,
// undeploy, traffic split, delete. Every long-running one waits through
// waitForOperation (bounded, cancellable, with progress). No vscode.
import type { ClientPool } from './clients';
import { waitForOperation, type OperationHandle, type WaitOptions } from './lro';
import { resourceRegion } from './protoValues';
import { toEndpoint } from './resources';
import { withRetry } from './retry';
import type { Endpoint } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Lro = [OperationHandle<Raw>, ...unknown[]];

export type EndpointAccess = 'shared' | 'dedicated' | 'private';

export interface NewEndpoint {
  readonly displayName: string;
  readonly access: EndpointAccess;
  /** Request-response logging to BigQuery, so monitoring has data. */
  readonly logging?: { readonly samplingRate: number; readonly table: string };
}

/** The Endpoint message a new endpoint is created with. */
export function endpointBody(endpoint: NewEndpoint, project: string): Raw {
  return {
    displayName: endpoint.displayName,
    ...(endpoint.access === 'dedicated' ? { dedicatedEndpointEnabled: true } : {}),
    ...(endpoint.access === 'private' ? { privateServiceConnectConfig: { enablePrivateServiceConnect: true, projectAllowlist: [project] } } : {}),
    ...(endpoint.logging
      ? { predictRequestResponseLoggingConfig: { enabled: true, samplingRate: endpoint.logging.samplingRate, bigqueryDestination: { outputUri: endpoint.logging.table } } }
      : {}),
  };
}

export async function getEndpoint(pool: ClientPool, name: string, signal?: AbortSignal): Promise<Endpoint> {
  return toEndpoint(await getEndpointRaw(pool, name, signal));
}

/** The Endpoint message as the client returns it (deployed models keep their createTime). */
export async function getEndpointRaw(pool: ClientPool, name: string, signal?: AbortSignal): Promise<Raw> {
  const client = await pool.get('EndpointServiceClient', resourceRegion(name));
  return withRetry('GetEndpoint', async ({ timeoutMs }) => (await client.getEndpoint({ name }, { timeout: timeoutMs }))[0] as Raw, { signal });
}

/** Creates the endpoint and waits for it; returns its resource name. */
export async function createEndpoint(pool: ClientPool, region: string, endpoint: NewEndpoint, wait: WaitOptions = {}): Promise<string> {
  const client = await pool.get('EndpointServiceClient', region);
  const parent = `projects/${pool.connection.project}/locations/${region}`;
  const [operation] = (await client.createEndpoint({ parent, endpoint: endpointBody(endpoint, pool.connection.project) })) as unknown as Lro;
  const created = await waitForOperation(operation, wait);
  return String(created.name);
}

/**
 * Deploys and waits; `trafficSplit` may use "0" for the model being deployed.
 * Returns the new deployed model's id.
 */
export async function deployModel(pool: ClientPool, endpoint: string, deployedModel: Raw, trafficSplit: Record<string, number> | undefined, wait: WaitOptions = {}): Promise<string> {
  const client = await pool.get('EndpointServiceClient', resourceRegion(endpoint));
  const [operation] = (await client.deployModel({ endpoint, deployedModel, ...(trafficSplit ? { trafficSplit } : {}) })) as unknown as Lro;
  const response = await waitForOperation(operation, wait);
  return String(response.deployedModel?.id ?? '');
}

export async function undeployModel(pool: ClientPool, endpoint: string, deployedModelId: string, trafficSplit: Record<string, number> | undefined, wait: WaitOptions = {}): Promise<void> {
  const client = await pool.get('EndpointServiceClient', resourceRegion(endpoint));
  const [operation] = (await client.undeployModel({ endpoint, deployedModelId, ...(trafficSplit ? { trafficSplit } : {}) })) as unknown as Lro;
  await waitForOperation(operation, wait);
}

/** Replaces the endpoint's traffic split (UpdateEndpoint with update_mask traffic_split). */
export async function setTrafficSplit(pool: ClientPool, endpoint: string, trafficSplit: Record<string, number>): Promise<Endpoint> {
  const client = await pool.get('EndpointServiceClient', resourceRegion(endpoint));
  const [updated] = await client.updateEndpoint({ endpoint: { name: endpoint, trafficSplit }, updateMask: { paths: ['traffic_split'] } });
  return toEndpoint(updated as Raw);
}

export async function deleteEndpoint(pool: ClientPool, endpoint: string, wait: WaitOptions = {}): Promise<void> {
  const client = await pool.get('EndpointServiceClient', resourceRegion(endpoint));
  const [operation] = (await client.deleteEndpoint({ name: endpoint })) as unknown as Lro;
  await waitForOperation(operation, wait);
}
