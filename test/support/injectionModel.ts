// A tuned model whose answers are script and HTML injection payloads, made the way a
// user would make one: tuning data uploaded to the emulator's Cloud Storage, a Gemini
// supervised tuning job over REST, and the endpoint the finished job deploys. So the
// payload comes out of the real model path, not a canned answer.
export const INJECTION_PROMPT = 'Show me the status widget';
/** The model learns these answers; WINDOW_FLAG is what a successful injection would set. */
export const WINDOW_FLAG = 'pwned';
export const INJECTION_ANSWER = `Here it is: <script>window.${WINDOW_FLAG} = 1</script> <img src="x" onerror="window.${WINDOW_FLAG} = 2"> done`;

/** An answer whose elements try to stand in for the Playground's own controls (DOM clobbering);
 *  unquoted values, since the model's tokenizer re-spaces quotes (`id =" stop"`). */
export const CLOBBER_PROMPT = 'Show me the control panel';
export const CLOBBER_ANSWER = `Controls: <span id=stop>not stop</span> <button id=send>not send</button> <form name=getElementById><input name=prompt></form> <a id=transcript name=body>clobbered</a> and now the long part of the answer follows, word after word, about a wolf who met a lamb at a stream in the hills one summer morning, and the shepherd who watched them both from far away while his dog slept under an old oak tree near the gate of the farm.`;

export interface InjectionModel {
  readonly endpoint: string;
  readonly displayName: string;
}

export async function tuneInjectionModel(emulatorUrl: string, displayName = 'html-echo', prompt = INJECTION_PROMPT, answer = INJECTION_ANSWER): Promise<InjectionModel> {
  const auth = { Authorization: 'Bearer emulator' };
  const example = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: prompt }] }, { role: 'model', parts: [{ text: answer }] }] });
  const object = `injection/${displayName}.jsonl`;
  const upload = await fetch(`${emulatorUrl}/upload/storage/v1/b/genai-demo-tuning/o?uploadType=media&name=${encodeURIComponent(object)}`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/jsonl' },
    body: Array(12).fill(example).join('\n'),
  });
  if (!upload.ok) throw new Error(`upload failed: ${upload.status} ${await upload.text()}`);
  const created = await fetch(`${emulatorUrl}/v1/projects/genai-demo/locations/us-central1/tuningJobs`, {
    method: 'POST',
    headers: { ...auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ baseModel: 'gemini-2.0-flash-001', tunedModelDisplayName: displayName, supervisedTuningSpec: { trainingDatasetUri: `gs://genai-demo-tuning/${object}`, hyperParameters: { epochCount: 3 } } }),
  });
  const job = (await created.json()) as { name?: string };
  if (!created.ok || !job.name) throw new Error(`tuning job not created: ${JSON.stringify(job)}`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = (await (await fetch(`${emulatorUrl}/v1/${job.name}`, { headers: auth })).json()) as { state?: string; tunedModel?: { endpoint?: string }; error?: unknown };
    if (state.state === 'JOB_STATE_SUCCEEDED' && state.tunedModel?.endpoint) return { endpoint: state.tunedModel.endpoint, displayName };
    if (/FAILED|CANCELLED/.test(state.state ?? '') || Date.now() > deadline) throw new Error(`tuning did not succeed: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
