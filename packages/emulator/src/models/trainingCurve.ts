// Training curves of tuning jobs, for TensorBoard-style views: the loss after each
// epoch, measured on the job's training (and validation) examples.
import type { EmulatorState } from '../context';
import { tuningJobOf } from './modelBacking';
import { modelsOf } from './modelRegistry';
import { tuneFromJob } from './tuneFromJob';
import type { EpochLoss } from './tuningTrainer';

/**
 * The per-epoch losses of a tuning job or of the model version it produced
 * ("projects/…/tuningJobs/ID" or "projects/…/models/ID@N", project number form).
 * Undefined when the job has not trained (yet) or its data cannot be read.
 */
export function trainingCurve(state: EmulatorState, name: string): EpochLoss[] | undefined {
  const registry = modelsOf(state);
  const known = registry.curves.get(name);
  if (known) return known;
  const job = name.includes('/models/') ? tuningJobOf(state, name) : state.store.get(name);
  if (!job || !job.typeName.endsWith('.TuningJob') || job.data.state !== 'JOB_STATE_SUCCEEDED') return undefined;
  try {
    const { losses } = tuneFromJob(state, job.data);
    registry.curves.set(String(job.data.name), losses);
    registry.curves.set(String((job.data.tunedModel as { model?: string } | undefined)?.model), losses);
    return losses;
  } catch {
    return undefined;
  }
}
