// The demo's Cloud Storage: the support-chat tuning data in gs://genai-demo-tuning
// (Gemini supervised-tuning JSONL) and a dataset with a malformed line, for tuning
// validation errors.
import { storageOf } from '../storage/storageState';
import { DEMO_PROJECT } from './demoIds';
import { SUPPORT_CONVERSATIONS, SUPPORT_VALIDATION_COUNT, toTuningLine } from './demoSupportChat';
import type { SeedWriter } from './seedWriter';

export const DEMO_TUNING_BUCKET = 'genai-demo-tuning';

export function seedDemoStorage(w: SeedWriter): void {
  const storage = storageOf(w.state);
  const created = new Date(w.ago(45, 'd'));
  storage.addBucket({ name: DEMO_TUNING_BUCKET, projectNumber: DEMO_PROJECT.projectNumber, location: 'US-CENTRAL1', storageClass: 'STANDARD', timeCreated: created });
  const jsonl = (lines: string[]) => ({ data: Buffer.from(`${lines.join('\n')}\n`), contentType: 'application/jsonl' });
  const split = SUPPORT_CONVERSATIONS.length - SUPPORT_VALIDATION_COUNT;
  const at = new Date(w.ago(42, 'd'));
  storage.put(DEMO_TUNING_BUCKET, 'support-chat/train.jsonl', jsonl(SUPPORT_CONVERSATIONS.slice(0, split).map(toTuningLine)), at);
  storage.put(DEMO_TUNING_BUCKET, 'support-chat/validation.jsonl', jsonl(SUPPORT_CONVERSATIONS.slice(split).map(toTuningLine)), at);
  const good = SUPPORT_CONVERSATIONS.slice(0, 3).map(toTuningLine);
  // Line 3 is cut off mid-object, as a botched export leaves it.
  const bad = [good[0], good[1], good[2].slice(0, 80), toTuningLine(SUPPORT_CONVERSATIONS[3])];
  storage.put(DEMO_TUNING_BUCKET, 'bad/train.jsonl', jsonl(bad), new Date(w.ago(5, 'd')));
  // The data the demo's failed summarizer job names in its error: line 57 has no "contents",
  // line 212 has two model turns in a row.
  storage.addBucket({ name: 'genai-demo-data', projectNumber: DEMO_PROJECT.projectNumber, location: 'US-CENTRAL1', storageClass: 'STANDARD', timeCreated: created });
  const summaries = Array.from({ length: 240 }, (_, i) => toTuningLine(SUPPORT_CONVERSATIONS[i % SUPPORT_CONVERSATIONS.length]));
  summaries[56] = JSON.stringify({ systemInstruction: { parts: [{ text: 'Summarise the ticket in one sentence.' }] } });
  summaries[211] = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Summarise: the kettle leaks.' }] }, { role: 'model', parts: [{ text: 'A leaking kettle.' }] }, { role: 'model', parts: [{ text: 'Refund asked.' }] }] });
  storage.put('genai-demo-data', 'summaries/train.jsonl', jsonl(summaries), new Date(w.ago(4, 'd')));
}
