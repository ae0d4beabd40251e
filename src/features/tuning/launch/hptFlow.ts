// Hyperparameter tuning: the custom job's steps (without the learning rate and LoRA
// rank, which the study sweeps), then the study: ranges, metric, goal, trials, algorithm.
import * as l10n from '@vscode/l10n';
import type { PickStep, Step, TextStep } from '../../../ui/multiStepFlow';
import { hptGcloud, hptProblems, hptRestCall, learningRateRangeProblem, loraRanksProblem, metricIdProblem, trialCountsProblem } from './hptRequest';
import type { LaunchEnv } from './launchEnv';
import type { HptLaunch, SearchAlgorithm } from './launchTypes';
import { customLaunchOf, newCustomLaunch, trialReviewFields, trialSteps } from './customFlow';
import { launchReview, numberStep, type Confirmable } from './stepKit';

export type HptState = Confirmable<HptLaunch> & { readonly ownImage?: boolean };

export function newHptLaunch(region: string): HptState {
  return {
    ...newCustomLaunch(region),
    kind: 'hyperparameterTuning',
    study: { learningRate: { min: 1e-5, max: 1e-3 }, loraRanks: [8, 16, 32], metricId: 'eval_loss', goal: 'MINIMIZE', algorithm: 'ALGORITHM_UNSPECIFIED', maxTrials: 8, parallelTrials: 2 },
  };
}

const ALGORITHMS: { label: string; description: string; value: SearchAlgorithm }[] = [
  { label: l10n.t('Bayesian (Vertex default)'), description: l10n.t('ALGORITHM_UNSPECIFIED: learns from finished trials'), value: 'ALGORITHM_UNSPECIFIED' },
  { label: l10n.t('Random search'), description: 'RANDOM_SEARCH', value: 'RANDOM_SEARCH' },
  { label: l10n.t('Grid search'), description: l10n.t('GRID_SEARCH: discrete and integer parameters only'), value: 'GRID_SEARCH' },
];

function parseNumbers(text: string): number[] {
  return text.split(/[,\s]+/).filter(Boolean).map(Number);
}

export function hptSteps(env: LaunchEnv): Step<HptState>[] {
  const studyStep = (patch: (s: HptState, t: string) => HptState['study']) => (s: HptState, t: string): HptState => ({ ...s, study: patch(s, t) });
  return [
    ...trialSteps<HptState>(env),
    {
      kind: 'text',
      id: 'study.learningRate',
      title: l10n.t('Learning rate range, log scale'),
      prompt: () => l10n.t('Minimum and maximum, such as 1e-5, 1e-3: trials draw from this range on a log scale'),
      value: (s) => `${s.study.learningRate.min}, ${s.study.learningRate.max}`,
      validate: (t) => {
        const values = parseNumbers(t);
        if (values.length !== 2 || values.some((v) => !Number.isFinite(v))) return l10n.t('Enter two numbers, the minimum and the maximum, such as 1e-5, 1e-3.');
        return learningRateRangeProblem(values[0], values[1]);
      },
      apply: studyStep((s, t) => {
        const [min, max] = parseNumbers(t);
        return { ...s.study, learningRate: { min, max } };
      }),
    } satisfies TextStep<HptState>,
    {
      kind: 'text',
      id: 'study.loraRanks',
      title: l10n.t('LoRA ranks to try, discrete'),
      prompt: () => l10n.t('Values separated by commas, such as 8, 16, 32'),
      value: (s) => s.study.loraRanks.join(', '),
      validate: (t) => {
        const values = parseNumbers(t);
        return values.some((v) => !Number.isFinite(v)) ? l10n.t('LoRA ranks must be whole numbers, such as 8, 16, 32.') : loraRanksProblem(values);
      },
      apply: studyStep((s, t) => ({ ...s.study, loraRanks: parseNumbers(t) })),
    } satisfies TextStep<HptState>,
    {
      kind: 'text',
      id: 'study.metricId',
      title: l10n.t('Metric'),
      prompt: () => l10n.t('The metric your trainer reports (hypertune), such as eval_loss'),
      value: (s) => s.study.metricId,
      validate: (t) => metricIdProblem(t.trim()),
      apply: studyStep((s, t) => ({ ...s.study, metricId: t.trim() })),
    } satisfies TextStep<HptState>,
    {
      kind: 'pick',
      id: 'study.goal',
      title: l10n.t('Goal'),
      options: () => [
        { label: l10n.t('Minimize'), description: l10n.t('losses, error rates'), value: 'MINIMIZE' as const },
        { label: l10n.t('Maximize'), description: l10n.t('accuracy, BLEU, ROUGE'), value: 'MAXIMIZE' as const },
      ],
      selected: (s) => [s.study.goal],
      apply: (s, [goal]) => ({ ...s, study: { ...s.study, goal } }),
    } satisfies PickStep<HptState, 'MINIMIZE' | 'MAXIMIZE'>,
    {
      kind: 'pick',
      id: 'study.algorithm',
      title: l10n.t('Search algorithm'),
      options: () => ALGORITHMS,
      selected: (s) => [s.study.algorithm],
      validate: ([algorithm]) => (algorithm === 'GRID_SEARCH' ? l10n.t('Grid search cannot sweep the learning rate (a continuous DOUBLE parameter); choose random search or the default (Bayesian) search.') : undefined),
      apply: (s, [algorithm]) => ({ ...s, study: { ...s.study, algorithm } }),
    } satisfies PickStep<HptState, SearchAlgorithm>,
    numberStep<HptState>({
      id: 'study.maxTrials',
      title: l10n.t('Maximum trials'),
      prompt: l10n.t('How many trials the study runs in all (1–1000)'),
      get: (s) => s.study.maxTrials,
      set: (s, maxTrials) => ({ ...s, study: { ...s.study, maxTrials: maxTrials ?? 0 } }),
      problem: (t) => trialCountsProblem(Number(t), 1)?.message,
    }),
    numberStep<HptState>({
      id: 'study.parallelTrials',
      title: l10n.t('Parallel trials'),
      prompt: l10n.t('Trials that run at once (each takes the machine above; at most the maximum trials)'),
      get: (s) => s.study.parallelTrials,
      set: (s, parallelTrials) => ({ ...s, study: { ...s.study, parallelTrials: parallelTrials ?? 0 } }),
      problem: (t, s) => trialCountsProblem(s.study.maxTrials, Number(t))?.message,
    }),
    launchReview<HptState>({
      env,
      title: l10n.t('Review hyperparameter tuning job'),
      confirmLabel: l10n.t('Start hyperparameter tuning'),
      fields: (s) => [
        ...trialReviewFields(s),
        { label: l10n.t('Learning rate (log scale)'), value: `${s.study.learningRate.min} … ${s.study.learningRate.max}`, step: 'study.learningRate' },
        { label: l10n.t('LoRA ranks'), value: s.study.loraRanks.join(', '), step: 'study.loraRanks' },
        { label: l10n.t('Metric'), value: `${s.study.goal === 'MINIMIZE' ? 'minimize' : 'maximize'} ${s.study.metricId}`, step: 'study.metricId' },
        { label: l10n.t('Algorithm'), value: ALGORITHMS.find((a) => a.value === s.study.algorithm)?.label ?? s.study.algorithm, step: 'study.algorithm' },
        { label: l10n.t('Trials'), value: l10n.t('{0}, {1} at a time', s.study.maxTrials, s.study.parallelTrials), step: 'study.maxTrials' },
      ],
      problems: hptProblems,
      rest: (s) => hptRestCall(env.project, s),
      gcloud: hptGcloud,
      launch: customLaunchOf,
    }),
  ];
}
