// The one spec-file schema for the three launch kinds (`kind:` picks which): the shape
// each field must have. Values are then checked by the same rules as the flows.
import type { LaunchKind } from '../launch/launchTypes';

export type FieldType = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]' | 'labels' | ObjectSchema;
export interface FieldSpec {
  readonly type: FieldType;
  readonly optional?: boolean;
}
export interface ObjectSchema {
  readonly [key: string]: FieldSpec;
}

const req = (type: FieldType): FieldSpec => ({ type });
const opt = (type: FieldType): FieldSpec => ({ type, optional: true });

const GEMINI: ObjectSchema = {
  kind: req('string'),
  region: req('string'),
  baseModel: req('string'),
  training: req('string'),
  validation: opt('string'),
  bucket: opt('string'),
  epochs: opt('number'),
  learningRateMultiplier: opt('number'),
  adapterSize: opt('string'),
  displayName: req('string'),
  labels: opt('labels'),
};

const args = (swept: boolean): ObjectSchema => ({
  baseModel: req('string'),
  dataset: req('string'),
  loraRank: swept ? opt('number') : req('number'),
  loraAlpha: req('number'),
  loraDropout: req('number'),
  targetModules: req('string[]'),
  quantize4bit: req('boolean'),
  epochs: req('number'),
  learningRate: swept ? opt('number') : req('number'),
  batchSize: req('number'),
  outputDir: req('string'),
});

const MACHINE: ObjectSchema = {
  machineType: req('string'),
  acceleratorType: opt('string'),
  acceleratorCount: opt('number'),
  tpuTopology: opt('string'),
};

const custom = (swept: boolean): ObjectSchema => ({
  kind: req('string'),
  region: req('string'),
  displayName: req('string'),
  container: req('string'),
  args: req(args(swept)),
  machine: req(MACHINE),
  workerCount: opt('number'),
  spot: opt('boolean'),
  serviceAccount: opt('string'),
  labels: opt('labels'),
});

const STUDY: ObjectSchema = {
  learningRate: req({ min: req('number'), max: req('number') }),
  loraRanks: req('number[]'),
  metricId: req('string'),
  goal: req('string'),
  algorithm: opt('string'),
  maxTrials: req('number'),
  parallelTrials: req('number'),
};

export const SPEC_SCHEMAS: Record<LaunchKind, ObjectSchema> = {
  geminiTuning: GEMINI,
  customTuning: custom(false),
  hyperparameterTuning: { ...custom(true), study: req(STUDY) },
};
