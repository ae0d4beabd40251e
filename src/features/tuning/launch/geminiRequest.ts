// Gemini supervised tuning: the launch → the TuningJob request Vertex takes, and every
// check Google would make, phrased for the user and made before anything is sent.
import * as l10n from '@vscode/l10n';
import { basename } from 'node:path';
import { ADAPTER_RANK, ADAPTER_SIZES, MAX_EPOCHS, MAX_LEARNING_RATE_MULTIPLIER } from '@vertex-genai-ops/catalog/tunableModels';
import type { RestCall } from '../../../vertex/curlCommand';
import { vertexRestUrl } from '../../../vertex/connection';
import { displayNameProblem, gcsLocationProblem, gcsObjectProblem } from './fieldRules';
import { labelProblem } from '../../../common/labels';
import type { GeminiLaunch, LaunchProblem } from './launchTypes';

export const TUNABLE_MODELS = Object.keys(ADAPTER_SIZES);

export function isLocal(path: string | undefined): path is string {
  return Boolean(path) && !path!.startsWith('gs://');
}

/** Where a local file goes in the chosen bucket. */
export function uploadTarget(bucket: string, localPath: string): string {
  return `${bucket.replace(/\/+$/, '')}/tuning-data/${basename(localPath)}`;
}

/** The dataset URI the request carries: local files as their upload target. */
export function datasetUri(launch: GeminiLaunch, path: string): string {
  return isLocal(path) && launch.bucket ? uploadTarget(launch.bucket, path) : path;
}

export function adapterSizeLabel(size: string): string {
  const rank = ADAPTER_RANK[size as keyof typeof ADAPTER_RANK];
  return rank ? `${rank}` : size;
}

export function geminiProblems(launch: GeminiLaunch): LaunchProblem[] {
  const problems: LaunchProblem[] = [];
  const add = (path: string, message: string | undefined) => message && problems.push({ path, message });
  const sizes = ADAPTER_SIZES[launch.baseModel];
  if (!sizes) add('baseModel', l10n.t('"{0}" cannot be tuned; tunable base models: {1}.', launch.baseModel, TUNABLE_MODELS.join(', ')));
  add('training', datasetProblem(launch.training, l10n.t('The training data')));
  if (launch.validation) add('validation', datasetProblem(launch.validation, l10n.t('The validation data')));
  if (isLocal(launch.training) || isLocal(launch.validation)) {
    add('bucket', launch.bucket ? gcsLocationProblem(launch.bucket, l10n.t('The upload bucket')) : l10n.t('Choose a bucket to upload the local JSONL files to.'));
  }
  if (launch.epochs !== undefined) add('epochs', epochsProblem(String(launch.epochs)));
  if (launch.learningRateMultiplier !== undefined) add('learningRateMultiplier', multiplierProblem(String(launch.learningRateMultiplier)));
  if (launch.adapterSize && sizes && !sizes.includes(launch.adapterSize)) {
    add('adapterSize', l10n.t('{0} takes adapter sizes {1}; {2} is not one of them.', launch.baseModel, sizes.map(adapterSizeLabel).join(', '), adapterSizeLabel(launch.adapterSize)));
  }
  add('displayName', displayNameProblem(launch.displayName));
  for (const [key, value] of Object.entries(launch.labels)) add(`labels.${key}`, labelProblem(key, value));
  return problems;
}

export function datasetProblem(path: string, what: string): string | undefined {
  if (!path) return l10n.t('{0} is required.', what);
  if (path.startsWith('gs://')) return gcsObjectProblem(path, what) ?? (/\.jsonl$/i.test(path) ? undefined : l10n.t('{0} must be a JSONL file (ending in .jsonl).', what));
  return /\.jsonl$/i.test(path) ? undefined : l10n.t('{0} must be a JSONL file (ending in .jsonl).', what);
}

export function epochsProblem(text: string): string | undefined {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isInteger(n) || n < 1 || n > MAX_EPOCHS) return l10n.t('Epochs must be a whole number from 1 to {0}.', MAX_EPOCHS);
  return undefined;
}

export function multiplierProblem(text: string): string | undefined {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isFinite(n) || n <= 0 || n > MAX_LEARNING_RATE_MULTIPLIER) {
    return l10n.t('The learning-rate multiplier must be a number greater than 0 and at most {0}, such as 1.0.', MAX_LEARNING_RATE_MULTIPLIER);
  }
  return undefined;
}

/** The TuningJob body (REST JSON, enums by name). */
export function tuningJobBody(launch: GeminiLaunch): Record<string, unknown> {
  const hyperParameters: Record<string, unknown> = {};
  if (launch.epochs !== undefined) hyperParameters.epochCount = String(launch.epochs);
  if (launch.learningRateMultiplier !== undefined) hyperParameters.learningRateMultiplier = launch.learningRateMultiplier;
  if (launch.adapterSize) hyperParameters.adapterSize = launch.adapterSize;
  return {
    baseModel: launch.baseModel,
    tunedModelDisplayName: launch.displayName,
    supervisedTuningSpec: {
      trainingDatasetUri: datasetUri(launch, launch.training),
      ...(launch.validation ? { validationDatasetUri: datasetUri(launch, launch.validation) } : {}),
      ...(Object.keys(hyperParameters).length ? { hyperParameters } : {}),
    },
    ...(Object.keys(launch.labels).length ? { labels: { ...launch.labels } } : {}),
  };
}

/** The launch that would send this TuningJob again (REST JSON): what *Clone with changes…* starts from. */
export function geminiLaunchFromJob(job: Record<string, any>, region: string): GeminiLaunch { // eslint-disable-line @typescript-eslint/no-explicit-any
  const spec = job.supervisedTuningSpec ?? {};
  const hp = spec.hyperParameters ?? {};
  const name = String(job.tunedModelDisplayName || job.displayName || 'tuned-model');
  return {
    kind: 'geminiTuning',
    region,
    baseModel: String(job.baseModel ?? ''),
    training: String(spec.trainingDatasetUri ?? ''),
    ...(spec.validationDatasetUri ? { validation: String(spec.validationDatasetUri) } : {}),
    ...(hp.epochCount !== undefined ? { epochs: Number(hp.epochCount) } : {}),
    ...(hp.learningRateMultiplier !== undefined ? { learningRateMultiplier: Number(hp.learningRateMultiplier) } : {}),
    ...(hp.adapterSize && hp.adapterSize !== 'ADAPTER_SIZE_UNSPECIFIED' ? { adapterSize: hp.adapterSize } : {}),
    displayName: `${name.slice(0, 120)}-clone`,
    labels: { ...(job.labels ?? {}) },
  };
}

export function geminiRestCall(project: string, launch: GeminiLaunch): RestCall {
  return { method: 'POST', url: vertexRestUrl(launch.region, `projects/${project}/locations/${launch.region}/tuningJobs`), body: tuningJobBody(launch) };
}
