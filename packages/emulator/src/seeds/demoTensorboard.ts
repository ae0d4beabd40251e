// Demo TensorBoard: the us-central1 default TensorBoard, holding the loss and
// learning-rate curves of the demo's GPU and TPU custom jobs, and the loss curves of
// its Gemini tuning jobs (points computed on read).
import { attachTrainingCurves } from '../handlers/tensorboardRuns';
import type { JsonObject } from '../wireCodec';
import { attachTuningCurves } from '../handlers/tensorboardTuning';
import { EU, US } from './demoIds';
import type { SeedWriter } from './seedWriter';

export const DEMO_TENSORBOARD = `${US}/tensorboards/7364021958713573376`;

export function seedDemoTensorboard(w: SeedWriter): void {
  w.put('Tensorboard', DEMO_TENSORBOARD, {
    displayName: 'genai-demo-training',
    description: 'Default TensorBoard: training curves of custom jobs.',
    isDefault: true,
    blobStoragePathPrefix: 'cloud-ai-platform-6c2b1f0e-5a7d-4c1e-9f3b-demo',
    createTime: w.ago(200, 'd'),
    updateTime: w.ago(3, 'h'),
  });
  for (const job of w.state.store.list(US, 'customJobs')) attachTrainingCurves(w.state, job.data as JsonObject, String(job.data.createTime));
  // Tuning jobs' Experiments land in their region's default TensorBoard (created there if needed).
  for (const location of [US, EU]) for (const job of w.state.store.list(location, 'tuningJobs')) attachTuningCurves(w.state, job.data as JsonObject);
}
