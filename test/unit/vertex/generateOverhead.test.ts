// What the extension adds to time-to-first-token: the official client read directly vs
// the same request through streamGenerate (client pool, guardStream, chunk parsing),
// interleaved against the same emulator. `npm run bench` records the figures.
import * as assert from 'node:assert/strict';
import { PredictionServiceClient } from '@google-cloud/aiplatform/build/src/v1/prediction_service_client';
import { ClientPool } from '../../../src/vertex/clients';
import { generateContentBody, streamGenerate } from '../../../src/vertex/generate';
import { recordBench } from '../../support/bench';
import { US_PARENT, useEmulator } from '@vertex-genai-ops/emulator/harness';

const FLASH = `${US_PARENT}/publishers/google/models/gemini-2.0-flash-001`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('vertex: time-to-first-token overhead', function () {
  this.timeout(60_000);
  const h = useEmulator({ tokenDelayMs: 0 });

  it('adds under 10 ms to time to first token compared with the client alone (median of 30)', async () => {
    const client = new PredictionServiceClient(h.clientOptions());
    const pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
    const request = { history: [], prompt: 'Tell me about the fox', params: { temperature: 0, maxOutputTokens: 8 } };
    const direct: number[] = [];
    const ours: number[] = [];
    try {
      const direct1 = async () => {
        const t = performance.now();
        let first: number | undefined;
        for await (const _chunk of client.streamGenerateContent({ model: FLASH, ...generateContentBody(request) })) first ??= performance.now() - t;
        return first!;
      };
      const ours1 = async () => {
        const t = performance.now();
        let first: number | undefined;
        await streamGenerate(pool, FLASH, request, { onText: () => (first ??= performance.now() - t) });
        return first!;
      };
      for (let i = 0; i < 31; i++) {
        // Alternating which goes first cancels out what the previous request leaves behind.
        const [a, b] = i % 2 ? [await direct1(), await ours1()] : [await ours1(), await direct1()].reverse();
        // The first round warms both clients up; it is not counted.
        if (i > 0) {
          direct.push(a);
          ours.push(b);
        }
      }
    } finally {
      await client.close();
      await pool.dispose();
    }
    const overhead = median(ours) - median(direct);
    recordBench({ ttftDirectMs: median(direct), ttftPlaygroundMs: median(ours), ttftOverheadMs: overhead });
    assert.ok(overhead < 10, `${overhead.toFixed(2)} ms overhead (direct ${median(direct).toFixed(2)} ms, ours ${median(ours).toFixed(2)} ms)`);
  });
});
