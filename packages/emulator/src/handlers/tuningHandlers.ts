// GenAiTuningService: CreateTuningJob validates like Vertex and starts a job that
// really trains (tuningRunner.ts); CancelTuningJob goes through CANCELLING. Get and
// List are the generic handlers.
import type { MethodCall, MethodHandler } from '../context';
import { timestamp } from '../timestamp';
import { failedPrecondition, invalidFields, notFound, type FieldViolation } from '../googleError';
import { ADAPTER_SIZES, MAX_EPOCHS, MAX_LEARNING_RATE_MULTIPLIER, type AdapterSize } from '@vertex-genai-ops/catalog/tunableModels';
import { PUBLISHER_LANGUAGE_MODELS } from '../models/modelRegistry';
import { baseModelId } from '../models/tuneFromJob';
import { snakeCase } from '../protoSchema';
import type { JsonObject } from '../wireCodec';
import { assertParentExists, respond } from './generic';
import { missingRequired, stripOutputOnly } from './resourceFields';
import { cancelTuningJob, startTuningJob } from './tuningRunner';
import { refusesCancel } from '@vertex-genai-ops/catalog/jobStates';

export const tuningHandlers: Record<string, MethodHandler> = {
  'GenAiTuningService.CreateTuningJob': (call) => {
    const { state, request } = call;
    const parent = state.names.canonical(String(request.parent), 'parent');
    assertParentExists(state, parent);
    const typeName = tuningJobType(call);
    const job = stripOutputOnly(state.schema, typeName, (request.tuningJob as JsonObject | undefined) ?? {});
    validate(call, job);
    const id = state.ids.next();
    const name = `${parent}/tuningJobs/${id}`;
    const now = timestamp(state.now());
    const data: JsonObject = {
      ...job,
      name,
      state: 'JOB_STATE_PENDING',
      createTime: now,
      updateTime: now,
      experiment: `${parent}/metadataStores/default/contexts/tuning-experiment-${id}`,
    };
    state.store.put(name, `google.cloud.aiplatform.v1.TuningJob`, data);
    startTuningJob(state, name);
    return respond(call, typeName, data);
  },
  'GenAiTuningService.CancelTuningJob': (call) => {
    const { state } = call;
    const name = state.names.canonical(String(call.request.name), 'name');
    const job = state.store.get(name);
    if (!job) throw notFound('TuningJob', name);
    const current = String(job.data.state);
    if (refusesCancel('tuning', current)) throw failedPrecondition(`TuningJob \`${name}\` is in state ${current} and cannot be cancelled.`);
    cancelTuningJob(state, name);
    return { body: {} };
  },
};

function validate(call: MethodCall, job: JsonObject): void {
  const violations: FieldViolation[] = missingRequired(call.state.schema, tuningJobType(call), job, 'tuning_job');
  const base = job.baseModel === undefined ? undefined : String(job.baseModel);
  const supported = Object.keys(PUBLISHER_LANGUAGE_MODELS);
  if (!base && !job.preTunedModel) violations.push({ field: 'tuning_job.base_model', description: 'Required field is not set.' });
  else if (base && !supported.includes(baseModelId(base))) {
    violations.push({ field: 'tuning_job.base_model', description: `Base model ${base} is not supported for supervised tuning. Supported base models: ${supported.join(', ')}.` });
  } else if (job.preTunedModel) {
    violations.push({ field: 'tuning_job.pre_tuned_model', description: 'Continuous tuning from a pre-tuned model is not supported by the emulator.' });
  }
  const spec = job.supervisedTuningSpec as JsonObject | undefined;
  if (!spec) {
    violations.push({ field: 'tuning_job.supervised_tuning_spec', description: 'Required field is not set.' });
    throw invalidFields(violations);
  }
  for (const key of ['trainingDatasetUri', 'validationDatasetUri']) {
    const uri = spec[key];
    if (typeof uri === 'string' && uri && !/^gs:\/\/[^/]+\/.+/.test(uri)) {
      violations.push({ field: `tuning_job.supervised_tuning_spec.${snakeCase(key)}`, description: `${uri} is not a Cloud Storage URI; use gs://bucket/path/file.jsonl.` });
    }
  }
  const hyper = (spec.hyperParameters as JsonObject | undefined) ?? {};
  const epochs = hyper.epochCount === undefined ? undefined : Number(hyper.epochCount);
  if (epochs !== undefined && !(Number.isInteger(epochs) && epochs >= 1 && epochs <= MAX_EPOCHS)) {
    violations.push({ field: 'tuning_job.supervised_tuning_spec.hyper_parameters.epoch_count', description: `The epoch count must be between 1 and ${MAX_EPOCHS}, got ${String(hyper.epochCount)}.` });
  }
  const multiplier = hyper.learningRateMultiplier === undefined ? undefined : Number(hyper.learningRateMultiplier);
  if (multiplier !== undefined && !(multiplier > 0 && multiplier <= MAX_LEARNING_RATE_MULTIPLIER)) {
    violations.push({
      field: 'tuning_job.supervised_tuning_spec.hyper_parameters.learning_rate_multiplier',
      description: `The learning rate multiplier must be greater than 0 and at most ${MAX_LEARNING_RATE_MULTIPLIER}, got ${String(hyper.learningRateMultiplier)}.`,
    });
  }
  const adapter = hyper.adapterSize as AdapterSize | 'ADAPTER_SIZE_UNSPECIFIED' | undefined;
  if (adapter && adapter !== 'ADAPTER_SIZE_UNSPECIFIED' && base && !(ADAPTER_SIZES[baseModelId(base)] ?? []).includes(adapter)) {
    violations.push({ field: 'tuning_job.supervised_tuning_spec.hyper_parameters.adapter_size', description: 'The adapter size is not supported for this base model.' });
  }
  if (violations.length) throw invalidFields(violations);
}

function tuningJobType(call: MethodCall): string {
  return `google.cloud.aiplatform.${call.route.method.version}.TuningJob`;
}
