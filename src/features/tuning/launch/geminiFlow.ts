// The Gemini supervised tuning flow: region, base model, training/validation data (a
// gs:// URI, or a local JSONL that is linted now and uploaded after the review), the
// hyperparameters the model takes, names and labels, then the review.
import * as l10n from '@vscode/l10n';
import { basename } from 'node:path';
import type { PickOption } from '../../../ui/inputSeam';
import type { PickStep, Step, TextStep } from '../../../ui/multiStepFlow';
import { ADAPTER_SIZES, type AdapterSize } from '@vertex-genai-ops/catalog/tunableModels';
import { gcsObjectProblem } from './fieldRules';
import { adapterSizeLabel, datasetProblem, epochsProblem, geminiProblems, geminiRestCall, isLocal, multiplierProblem, TUNABLE_MODELS, uploadTarget } from './geminiRequest';
import type { LaunchEnv, LintSummary } from './launchEnv';
import type { GeminiLaunch } from './launchTypes';
import { displayNameStep, labelsStep, launchReview, numberStep, regionStep, type Confirmable } from './stepKit';
import { formatLabels } from '../../../common/labels';

type Slot = 'training' | 'validation';
type Source = { kind: 'gcs' } | { kind: 'none' } | { kind: 'browse' } | { kind: 'file'; path: string };

export type GeminiState = Confirmable<GeminiLaunch> & {
  /** Whether a data slot is typed as a gs:// URI (else a local file or nothing). */
  readonly typed?: Partial<Record<Slot, boolean>>;
  /** Lint warnings of the local files, shown in the review. */
  readonly warnings?: Partial<Record<Slot, number>>;
};

export function newGeminiLaunch(region: string): GeminiState {
  return { kind: 'geminiTuning', region, baseModel: TUNABLE_MODELS[0], training: '', displayName: '', labels: {} };
}

const MAX_SHOWN_ERRORS = 3;

export function lintMessage(path: string, lint: LintSummary): string | undefined {
  if (lint.refused) return lint.refused;
  if (!lint.errors.length) return undefined;
  const more = lint.errors.length > MAX_SHOWN_ERRORS ? l10n.t(' (+{0} more)', lint.errors.length - MAX_SHOWN_ERRORS) : '';
  return l10n.t('{0} has {1} error(s), fix them first: {2}{3}', basename(path), lint.errors.length, lint.errors.slice(0, MAX_SHOWN_ERRORS).join('; '), more);
}

function dataSteps(env: LaunchEnv, slot: Slot): [PickStep<GeminiState, Source>, TextStep<GeminiState>] {
  const what = slot === 'training' ? l10n.t('The training data') : l10n.t('The validation data');
  const lints = new Map<string, LintSummary>();
  let browsed: string | undefined;
  const check = async (path: string) => {
    const lint = await env.lint(path);
    lints.set(path, lint);
    return lintMessage(path, lint);
  };
  const source: PickStep<GeminiState, Source> = {
    kind: 'pick',
    id: `${slot}Source`,
    title: slot === 'training' ? l10n.t('Training data') : l10n.t('Validation data — optional'),
    placeholder: () => l10n.t('A JSONL file in Cloud Storage, or a local one (linted now, uploaded after the review)'),
    options: async (s) => {
      const current = s[slot];
      const files = await env.localJsonl();
      const options: PickOption<Source>[] = [
        ...(slot === 'validation' ? [{ label: l10n.t('$(circle-slash) None'), value: { kind: 'none' } as Source }] : []),
        { label: l10n.t('$(cloud) Cloud Storage URI…'), description: current?.startsWith('gs://') ? current : undefined, value: { kind: 'gcs' } },
        ...files.map((path): PickOption<Source> => ({ label: l10n.t('$(file) {0}', basename(path)), description: path, value: { kind: 'file', path }, picked: path === current })),
        { label: l10n.t('$(folder-opened) Browse…'), value: { kind: 'browse' } },
      ];
      return options;
    },
    validate: async ([choice]) => {
      if (choice?.kind === 'file') return check(choice.path);
      if (choice?.kind !== 'browse') return undefined;
      browsed = await env.browseJsonl();
      if (!browsed) return l10n.t('No file chosen: pick a JSONL file, or another source.');
      return datasetProblem(browsed, what) ?? check(browsed);
    },
    apply: (s, [choice]) => {
      const typed = { ...s.typed, [slot]: choice.kind === 'gcs' };
      if (choice.kind === 'gcs') return { ...s, typed, [slot]: s[slot]?.startsWith('gs://') ? s[slot] : '' };
      if (choice.kind === 'none') return { ...s, typed, validation: undefined };
      const path = choice.kind === 'file' ? choice.path : browsed!;
      return { ...s, typed, [slot]: path, warnings: { ...s.warnings, [slot]: lints.get(path)?.warnings.length ?? 0 } };
    },
  };
  const uri: TextStep<GeminiState> = {
    kind: 'text',
    id: `${slot}Uri`,
    title: slot === 'training' ? l10n.t('Training data URI') : l10n.t('Validation data URI'),
    skip: (s) => !s.typed?.[slot],
    placeholder: 'gs://my-bucket/tuning/train.jsonl',
    value: (s) => s[slot] ?? '',
    validate: (t) => gcsObjectProblem(t.trim(), what) ?? datasetProblem(t.trim(), what),
    // The object must exist and lint clean before the launch goes on (checked when the URI is accepted).
    check: (t) => check(t.trim()),
    apply: (s, t) => ({ ...s, [slot]: t.trim(), warnings: { ...s.warnings, [slot]: lints.get(t.trim())?.warnings.length ?? 0 } }),
  };
  return [source, uri];
}

export function geminiSteps(env: LaunchEnv): Step<GeminiState>[] {
  return [
    regionStep<GeminiState>(env),
    {
      kind: 'pick',
      id: 'baseModel',
      title: l10n.t('Base model'),
      placeholder: () => l10n.t('Gemini models that take supervised tuning'),
      options: () => TUNABLE_MODELS.map((id) => ({ label: id, description: l10n.t('adapter sizes {0}', ADAPTER_SIZES[id].map(adapterSizeLabel).join(', ')), value: id })),
      selected: (s) => [s.baseModel],
      // An adapter size the new model does not take goes back to the default.
      apply: (s, [baseModel]) => ({ ...s, baseModel, adapterSize: s.adapterSize && ADAPTER_SIZES[baseModel].includes(s.adapterSize) ? s.adapterSize : undefined }),
    } satisfies PickStep<GeminiState, string>,
    ...dataSteps(env, 'training'),
    ...dataSteps(env, 'validation'),
    {
      kind: 'pick',
      id: 'bucket',
      title: l10n.t('Upload bucket'),
      skip: (s) => !isLocal(s.training) && !isLocal(s.validation),
      placeholder: () => l10n.t('The local JSONL files go to gs://BUCKET/tuning-data/ after the review'),
      options: async (s) => (await env.buckets()).map((b) => ({ label: `gs://${b}`, description: isLocal(s.training) ? `→ ${uploadTarget(`gs://${b}`, s.training)}` : undefined, value: `gs://${b}` })),
      selected: (s) => (s.bucket ? [s.bucket] : []),
      apply: (s, [bucket]) => ({ ...s, bucket }),
    } satisfies PickStep<GeminiState, string>,
    numberStep<GeminiState>({
      id: 'epochs',
      title: l10n.t('Epochs — optional'),
      prompt: l10n.t('Passes over the training data; leave empty for the value Vertex recommends for your data size'),
      optional: true,
      get: (s) => s.epochs,
      set: (s, epochs) => ({ ...s, epochs }),
      problem: epochsProblem,
    }),
    numberStep<GeminiState>({
      id: 'learningRateMultiplier',
      title: l10n.t('Learning-rate multiplier — optional'),
      prompt: l10n.t('Scales the recommended learning rate; leave empty for 1.0'),
      optional: true,
      get: (s) => s.learningRateMultiplier,
      set: (s, learningRateMultiplier) => ({ ...s, learningRateMultiplier }),
      problem: multiplierProblem,
    }),
    {
      kind: 'pick',
      id: 'adapterSize',
      title: l10n.t('Adapter size: LoRA rank'),
      placeholder: (s) => l10n.t('The adapter sizes {0} takes', s.baseModel),
      options: (s) => [
        { label: l10n.t('Default'), description: l10n.t('Vertex chooses'), value: undefined },
        ...ADAPTER_SIZES[s.baseModel].map((size) => ({ label: adapterSizeLabel(size), description: size, value: size as AdapterSize | undefined })),
      ],
      selected: (s) => [s.adapterSize],
      apply: (s, [adapterSize]) => ({ ...s, adapterSize }),
    } satisfies PickStep<GeminiState, AdapterSize | undefined>,
    displayNameStep<GeminiState>(l10n.t('Tuned model display name')),
    labelsStep<GeminiState>(),
    launchReview<GeminiState>({
      env,
      title: l10n.t('Review Gemini supervised tuning'),
      confirmLabel: l10n.t('Start tuning'),
      fields: (s) => [
        { label: l10n.t('Region'), value: s.region, step: 'region' },
        { label: l10n.t('Base model'), value: s.baseModel, step: 'baseModel' },
        { label: l10n.t('Training data'), value: dataLabel(s, 'training'), step: 'trainingSource' },
        { label: l10n.t('Validation data'), value: dataLabel(s, 'validation'), step: 'validationSource' },
        ...(isLocal(s.training) || isLocal(s.validation) ? [{ label: l10n.t('Upload bucket'), value: s.bucket ?? l10n.t('(choose one)'), step: 'bucket' }] : []),
        { label: l10n.t('Epochs'), value: s.epochs === undefined ? 'recommended' : String(s.epochs), step: 'epochs' },
        { label: l10n.t('Learning-rate multiplier'), value: s.learningRateMultiplier === undefined ? '1.0' : String(s.learningRateMultiplier), step: 'learningRateMultiplier' },
        { label: l10n.t('Adapter size'), value: s.adapterSize ? adapterSizeLabel(s.adapterSize) : 'default', step: 'adapterSize' },
        { label: l10n.t('Tuned model display name'), value: s.displayName, step: 'displayName' },
        { label: l10n.t('Labels'), value: formatLabels(s.labels) || 'none', step: 'labels' },
      ],
      problems: geminiProblems,
      rest: (s) => geminiRestCall(env.project, s),
      launch: geminiLaunchOf,
    }),
  ];
}

function dataLabel(s: GeminiState, slot: Slot): string {
  const path = s[slot];
  if (!path) return slot === 'validation' ? 'none' : l10n.t('(required)');
  if (!isLocal(path)) return path;
  const warnings = s.warnings?.[slot] ?? 0;
  return `${basename(path)} (local, uploaded on start${warnings ? `; ${warnings} lint warning(s)` : ''})`;
}

/** The launch without flow bookkeeping. */
export function geminiLaunchOf(s: GeminiState): GeminiLaunch {
  const { typed: _t, warnings: _w, confirmed: _c, ...launch } = s;
  return launch;
}
