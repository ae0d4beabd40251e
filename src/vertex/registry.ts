// Model Registry changes through the official ModelServiceClient: upload or copy a
// version, aliases, labels, delete a version. No vscode.
import type { ClientPool } from './clients';
import { waitForOperation, type OperationHandle, type WaitOptions } from './lro';
import { resourceRegion } from './protoValues';
import { toModel } from './resources';
import { withRetry } from './retry';
import type { Model } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Lro = [OperationHandle<Raw>, ...unknown[]];

export interface UploadVersion {
  readonly region: string;
  /** A new version of this model; unset: a new model. */
  readonly parentModel?: string;
  readonly displayName: string;
  readonly artifactUri: string;
  readonly imageUri: string;
}

/** The UploadModelRequest body (also shown as the REST call before sending). */
export function uploadBody(upload: UploadVersion, project: string): Raw {
  return {
    parent: `projects/${project}/locations/${upload.region}`,
    ...(upload.parentModel ? { parentModel: upload.parentModel } : {}),
    model: { displayName: upload.displayName, artifactUri: upload.artifactUri, containerSpec: { imageUri: upload.imageUri } },
  };
}

/** Uploads and waits; returns the new version's name, `…/models/ID@N`. */
export async function uploadModelVersion(pool: ClientPool, upload: UploadVersion, wait: WaitOptions = {}): Promise<string> {
  const client = await pool.get('ModelServiceClient', upload.region);
  const [operation] = (await client.uploadModel(uploadBody(upload, pool.connection.project))) as unknown as Lro;
  const response = await waitForOperation(operation, wait);
  return `${String(response.model)}@${String(response.modelVersionId)}`;
}

/** Copies a version into another region as a new model and waits; returns `…/models/ID@N`. */
export async function copyModelVersion(pool: ClientPool, sourceVersion: string, region: string, wait: WaitOptions = {}): Promise<string> {
  const client = await pool.get('ModelServiceClient', region);
  const parent = `projects/${pool.connection.project}/locations/${region}`;
  const [operation] = (await client.copyModel({ parent, sourceModel: sourceVersion })) as unknown as Lro;
  const response = await waitForOperation(operation, wait);
  return `${String(response.model)}@${String(response.modelVersionId)}`;
}

export async function getModelVersion(pool: ClientPool, name: string, signal?: AbortSignal): Promise<Model> {
  return toModel(await getModelVersionRaw(pool, name, signal));
}

export async function getModelVersionRaw(pool: ClientPool, name: string, signal?: AbortSignal): Promise<Raw> {
  const client = await pool.get('ModelServiceClient', resourceRegion(name));
  return withRetry('GetModel', async ({ timeoutMs }) => (await client.getModel({ name }, { timeout: timeoutMs }))[0] as Raw, { signal });
}

/** Adds aliases (taking them from other versions) and removes `-alias` ones; returns the version. */
export async function mergeVersionAliases(pool: ClientPool, version: string, aliases: readonly string[]): Promise<Model> {
  const client = await pool.get('ModelServiceClient', resourceRegion(version));
  const [model] = await client.mergeVersionAliases({ name: version, versionAliases: [...aliases] });
  return toModel(model as Raw);
}

export async function setLabels(pool: ClientPool, version: string, labels: Record<string, string>): Promise<Model> {
  const client = await pool.get('ModelServiceClient', resourceRegion(version));
  const [model] = await client.updateModel({ model: { name: version, labels }, updateMask: { paths: ['labels'] } });
  return toModel(model as Raw);
}

export async function deleteModelVersion(pool: ClientPool, version: string, wait: WaitOptions = {}): Promise<void> {
  const client = await pool.get('ModelServiceClient', resourceRegion(version));
  const [operation] = (await client.deleteModelVersion({ name: version })) as unknown as Lro;
  await waitForOperation(operation, wait);
}
