// First-page listings of the four resource kinds, mapped into domain types.
import type { ClientPool } from './clients';
import { acceleratorName } from './enums';
import { toPage } from './paging';
import { cancelOnAbort, withRetry, type RetryOptions } from './retry';
import { enumName, labelsOf, resourceId, resourceRegion, toDate, toNumber } from './protoValues';
import { SHORT_JOB_STATE } from '@vertex-genai-ops/catalog/jobStates';
import { JOB_STATES, type Dataset, type DatasetKind, type Endpoint, type JobState, type Model, type Page, type TuningJob } from './types';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ListOptions extends Pick<RetryOptions, 'signal' | 'deadlineMs'> {
  readonly region: string;
  readonly pageSize?: number;
  readonly pageToken?: string;
  /** AIP-160 list filter, e.g. `labels.team="nlp"`. */
  readonly filter?: string;
}

export type ListCall = (request: object, options: object) => Promise<unknown[]>;

/** One page of a List method, retried on transient errors (lists are safe to repeat). */
export function listPage<T>(method: string, list: ListCall, pool: ClientPool, options: ListOptions, map: (raw: Raw) => T): Promise<Page<T>> {
  const request = { parent: `projects/${pool.connection.project}/locations/${options.region}`, pageSize: options.pageSize ?? 100, pageToken: options.pageToken ?? '', ...(options.filter ? { filter: options.filter } : {}) };
  return withRetry(
    method,
    async ({ timeoutMs, signal }) => toPage(await cancelOnAbort(list(request, { autoPaginate: false, timeout: timeoutMs }), signal), map),
    options,
  );
}

export async function listEndpoints(pool: ClientPool, options: ListOptions): Promise<Page<Endpoint>> {
  const client = await pool.get('EndpointServiceClient', options.region);
  return listPage('ListEndpoints', client.listEndpoints.bind(client) as ListCall, pool, options, toEndpoint);
}

export async function listModels(pool: ClientPool, options: ListOptions): Promise<Page<Model>> {
  const client = await pool.get('ModelServiceClient', options.region);
  return listPage('ListModels', client.listModels.bind(client) as ListCall, pool, options, toModel);
}

/** The versions of one model (`projects/…/models/ID`), each as a Model with its version id and aliases. */
export async function listModelVersions(pool: ClientPool, model: string, options: Omit<ListOptions, 'region'> = {}): Promise<Page<Model>> {
  const client = await pool.get('ModelServiceClient', resourceRegion(model));
  const request = { name: model, pageSize: options.pageSize ?? 100, pageToken: options.pageToken ?? '' };
  return withRetry(
    'ListModelVersions',
    async ({ timeoutMs, signal }) => toPage(await cancelOnAbort(client.listModelVersions(request, { autoPaginate: false, timeout: timeoutMs }), signal), toModel),
    options,
  );
}

export async function listTuningJobs(pool: ClientPool, options: ListOptions): Promise<Page<TuningJob>> {
  const client = await pool.get('GenAiTuningServiceClient', options.region);
  return listPage('ListTuningJobs', client.listTuningJobs.bind(client) as ListCall, pool, options, toTuningJob);
}

export async function listDatasets(pool: ClientPool, options: ListOptions): Promise<Page<Dataset>> {
  const client = await pool.get('DatasetServiceClient', options.region);
  return listPage('ListDatasets', client.listDatasets.bind(client) as ListCall, pool, options, toDataset);
}

export function base(raw: Raw) {
  const name = String(raw.name ?? '');
  return {
    name,
    id: resourceId(name),
    region: resourceRegion(name),
    displayName: String(raw.displayName || resourceId(name)),
    createTime: toDate(raw.createTime),
    labels: labelsOf(raw.labels),
  };
}

export function toEndpoint(raw: Raw): Endpoint {
  const split = (raw.trafficSplit ?? {}) as Record<string, unknown>;
  return {
    ...base(raw),
    deployedModels: ((raw.deployedModels ?? []) as Raw[]).map((d) => {
      const spec = (d.dedicatedResources?.machineSpec ?? {}) as Raw;
      return {
        id: String(d.id ?? ''),
        model: String(d.model ?? ''),
        modelVersionId: String(d.modelVersionId ?? ''),
        displayName: String(d.displayName || resourceId(String(d.model ?? ''))),
        machineType: spec.machineType || undefined,
        acceleratorType: acceleratorName(spec.acceleratorType),
        acceleratorCount: toNumber(spec.acceleratorCount),
        minReplicaCount: toNumber(d.dedicatedResources?.minReplicaCount),
        maxReplicaCount: toNumber(d.dedicatedResources?.maxReplicaCount),
        trafficPercent: toNumber(split[String(d.id)]) ?? 0,
      };
    }),
  };
}

export function toModel(raw: Raw): Model {
  return {
    ...base(raw),
    versionId: String(raw.versionId ?? ''),
    versionCreateTime: toDate(raw.versionCreateTime),
    versionAliases: [...((raw.versionAliases ?? []) as string[])],
    deployedTo: ((raw.deployedModels ?? []) as Raw[]).map((d) => String(d.endpoint ?? '')),
  };
}

export function toJobState(value: unknown): JobState {
  return SHORT_JOB_STATE[enumName(JOB_STATES, value)] ?? 'unknown';
}

export function toTuningJob(raw: Raw): TuningJob {
  const tuned = raw.tunedModel as Raw | undefined;
  return {
    ...base(raw),
    kind: 'tuning',
    displayName: String(raw.tunedModelDisplayName || resourceId(String(raw.name ?? ''))),
    state: toJobState(raw.state),
    baseModel: String(raw.baseModel ?? ''),
    tunedModelDisplayName: raw.tunedModelDisplayName || undefined,
    startTime: toDate(raw.startTime),
    endTime: toDate(raw.endTime),
    errorMessage: raw.error?.message || undefined,
    tunedModel: tuned?.model ? { model: String(tuned.model), endpoint: String(tuned.endpoint ?? '') } : undefined,
  };
}

const SCHEMA_KINDS: [RegExp, DatasetKind][] = [
  [/\/text_/, 'text'],
  [/\/multimodal_/, 'multimodal'],
  [/\/tabular_|\/tables_/, 'tabular'],
  [/\/image_/, 'image'],
  [/\/video_/, 'video'],
];

export function toDataset(raw: Raw): Dataset {
  const schema = String(raw.metadataSchemaUri ?? '');
  return {
    ...base(raw),
    kind: SCHEMA_KINDS.find(([re]) => re.test(schema))?.[1] ?? 'other',
    dataItemCount: toNumber(raw.dataItemCount),
  };
}
