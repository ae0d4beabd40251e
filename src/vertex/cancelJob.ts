// Cancels a tuning, custom or hyperparameter tuning job. Not retried: a cancel is
// not a read, and the job's state tells whether it took. No vscode.
import type { ClientPool } from './clients';
import { jobKindOf } from './jobDetails';
import { resourceRegion } from './protoValues';

export async function cancelJob(pool: ClientPool, name: string): Promise<void> {
  const region = resourceRegion(name);
  switch (jobKindOf(name)) {
    case 'tuning':
      await (await pool.get('GenAiTuningServiceClient', region)).cancelTuningJob({ name });
      return;
    case 'custom':
      await (await pool.get('JobServiceClient', region)).cancelCustomJob({ name });
      return;
    case 'hyperparameterTuning':
      await (await pool.get('JobServiceClient', region)).cancelHyperparameterTuningJob({ name });
      return;
    default:
      throw new Error(`${name} is not a job that can be cancelled.`);
  }
}
