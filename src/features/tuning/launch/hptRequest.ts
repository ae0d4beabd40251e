// Hyperparameter tuning around the custom job: a Vizier study over the learning rate
// (log scale) and the LoRA rank (discrete), with the trial spec of the custom launch.
import * as l10n from '@vscode/l10n';
import type { RestCall } from '../../../vertex/curlCommand';
import { vertexRestUrl } from '../../../vertex/connection';
import { shellFlag } from '../../../common/quote';
import { customProblems, gcloudWithConfig, jobSpec, labelsFlag, type SweptArg } from './customRequest';
import type { HptLaunch, LaunchProblem, StudyChoice } from './launchTypes';

const SWEPT: SweptArg[] = ['learning_rate', 'lora_rank'];

export function studySpec(study: StudyChoice): Record<string, unknown> {
  return {
    metrics: [{ metricId: study.metricId, goal: study.goal }],
    parameters: [
      { parameterId: 'learning_rate', doubleValueSpec: { minValue: study.learningRate.min, maxValue: study.learningRate.max }, scaleType: 'UNIT_LOG_SCALE' },
      { parameterId: 'lora_rank', discreteValueSpec: { values: [...study.loraRanks] }, scaleType: 'UNIT_LINEAR_SCALE' },
    ],
    ...(study.algorithm !== 'ALGORITHM_UNSPECIFIED' ? { algorithm: study.algorithm } : {}),
  };
}

export function hptJobBody(launch: HptLaunch): Record<string, unknown> {
  return {
    displayName: launch.displayName,
    studySpec: studySpec(launch.study),
    maxTrialCount: launch.study.maxTrials,
    parallelTrialCount: launch.study.parallelTrials,
    trialJobSpec: jobSpec(launch, SWEPT),
    ...(Object.keys(launch.labels).length ? { labels: { ...launch.labels } } : {}),
  };
}

export function learningRateRangeProblem(min: number, max: number): string | undefined {
  if (!(min > 0)) return l10n.t('A log-scale learning rate needs a minimum greater than 0, such as 1e-5.');
  if (!(max < 1)) return l10n.t('The learning rate maximum must be less than 1, such as 1e-3.');
  if (!(min < max)) return l10n.t('The minimum learning rate ({0}) must be less than the maximum ({1}).', min, max);
  return undefined;
}

export function loraRanksProblem(ranks: readonly number[]): string | undefined {
  if (!ranks.length) return l10n.t('List at least one LoRA rank, such as 8, 16, 32.');
  if (ranks.some((r) => !Number.isInteger(r) || r < 1 || r > 256)) return l10n.t('LoRA ranks must be whole numbers from 1 to 256.');
  if (new Set(ranks).size !== ranks.length) return l10n.t('Each LoRA rank may be listed once.');
  return undefined;
}

export function metricIdProblem(id: string): string | undefined {
  return /^[A-Za-z_][\w./-]{0,127}$/.test(id) ? undefined : l10n.t('Name the metric the trainer reports, such as eval_loss (letters, digits, _ . / -).');
}

export function trialCountsProblem(max: number, parallel: number): { path: string; message: string } | undefined {
  if (!(Number.isInteger(max) && max >= 1 && max <= 1000)) return { path: 'study.maxTrials', message: l10n.t('The maximum trial count must be a whole number from 1 to 1000.') };
  if (!(Number.isInteger(parallel) && parallel >= 1)) return { path: 'study.parallelTrials', message: l10n.t('The parallel trial count must be a whole number of at least 1.') };
  if (parallel > max) return { path: 'study.parallelTrials', message: l10n.t('Parallel trials ({0}) cannot exceed the maximum trial count ({1}).', parallel, max) };
  return undefined;
}

export function hptProblems(launch: HptLaunch): LaunchProblem[] {
  const { study } = launch;
  const problems: LaunchProblem[] = customProblems(launch, SWEPT);
  const add = (path: string, message: string | undefined) => message && problems.push({ path, message });
  add('study.learningRate', learningRateRangeProblem(study.learningRate.min, study.learningRate.max));
  add('study.loraRanks', loraRanksProblem(study.loraRanks));
  add('study.metricId', metricIdProblem(study.metricId));
  if (study.goal !== 'MAXIMIZE' && study.goal !== 'MINIMIZE') add('study.goal', l10n.t('The goal must be MAXIMIZE or MINIMIZE.'));
  if (!['ALGORITHM_UNSPECIFIED', 'RANDOM_SEARCH', 'GRID_SEARCH'].includes(study.algorithm)) add('study.algorithm', l10n.t('The algorithm must be ALGORITHM_UNSPECIFIED (Bayesian), RANDOM_SEARCH or GRID_SEARCH.'));
  // Vizier's grid search walks discrete values only; the learning rate is a DOUBLE.
  if (study.algorithm === 'GRID_SEARCH') add('study.algorithm', l10n.t('Grid search cannot sweep the learning rate (a continuous DOUBLE parameter); choose random search or the default (Bayesian) search.'));
  const counts = trialCountsProblem(study.maxTrials, study.parallelTrials);
  if (counts) problems.push(counts);
  return problems;
}

export function hptRestCall(project: string, launch: HptLaunch): RestCall {
  return { method: 'POST', url: vertexRestUrl(launch.region, `projects/${project}/locations/${launch.region}/hyperparameterTuningJobs`), body: hptJobBody(launch) };
}

export function hptGcloud(launch: HptLaunch): string {
  const body = hptJobBody(launch);
  return gcloudWithConfig('hp-tuning-job.yaml', { studySpec: body.studySpec, trialJobSpec: body.trialJobSpec }, [
    'gcloud ai hp-tuning-jobs create',
    shellFlag('region', launch.region),
    shellFlag('display-name', launch.displayName),
    shellFlag('max-trial-count', launch.study.maxTrials),
    shellFlag('parallel-trial-count', launch.study.parallelTrials),
    '--config=hp-tuning-job.yaml',
    ...labelsFlag(launch.labels),
  ]);
}
