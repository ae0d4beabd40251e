// Export to tuning JSONL: demo tables and queries read through the official BigQuery
// client from the emulator, written page by page, then read back and checked.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guessColumn, mappingProblem } from '../../../src/features/datasets/columnMapping';
import { writeTuningJsonl } from '../../../src/features/datasets/tuningJsonl';
import { validateTuningJsonl } from '../../../src/features/datasets/validateTuningJsonl';
import { ClientPool } from '../../../src/vertex/clients';
import { openTable, queryPages, tablePages, type RowPage } from '../../../src/vertex/bigqueryRows';
import { parseError } from '../../../src/vertex/parseError';
import { SUPPORT_CONVERSATIONS } from '@vertex-genai-ops/emulator/seeds/demoSupportChat';
import { rejection, trapUnhandledRejections, useEmulator } from '@vertex-genai-ops/emulator/harness';

const demo = (tableId: string) => ({ projectId: 'genai-demo', datasetId: 'genai_demo_data', tableId });
const lines = async (file: string) => (await readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));

describe('export to tuning JSONL (against the emulator)', function () {
  this.timeout(30_000);
  const h = useEmulator();
  let pool: ClientPool;
  let dir: string;
  trapUnhandledRejections();
  before(async () => {
    pool = new ClientPool({ backend: 'emulator', project: 'genai-demo', regions: ['us-central1'], emulatorUrl: h.emulator.url });
    dir = await mkdtemp(join(tmpdir(), 'vgo-export-'));
  });
  after(async () => {
    await pool.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one Gemini example per row, system instruction included when set, and skips rows without an answer', async () => {
    const file = join(dir, 'examples.jsonl');
    const progress: number[] = [];
    const result = await writeTuningJsonl(tablePages(pool, demo('tuning_examples'), { pageSize: 3 }), { prompt: 'question', answer: 'answer', system: 'system_instruction' }, file, {
      onProgress: (p) => progress.push(p.rowsRead),
    });
    assert.deepEqual(result, { written: 8, skipped: 2 });
    assert.deepEqual(progress, [3, 6, 9, 10], 'progress after each page');
    const examples = await lines(file);
    assert.equal(examples.length, 8);
    assert.deepEqual(examples[0], {
      systemInstruction: { parts: [{ text: 'You are the support assistant of Northwind Outfitters. Answer briefly and kindly.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Do you ship to Norway?' }] },
        { role: 'model', parts: [{ text: 'Yes, we ship to Norway in 3 to 5 business days; duties are included in the price.' }] },
      ],
    });
    assert.equal(examples[2].systemInstruction, undefined, 'a NULL system instruction is left out');
    assert.equal(examples[3].systemInstruction, undefined, 'an empty one too');
    assert.ok(!examples.some((e) => /password|gift cards/.test(e.contents[0].parts[0].text)), 'rows 6 (NULL answer) and 7 (empty answer) are skipped');
    assert.deepEqual(await validateTuningJsonl(file), { examples: 8, problems: [] });
    assert.ok(!existsSync(`${file}.partial`));
  });

  it('exports every support conversation turn from the table, matching the seed', async () => {
    const file = join(dir, 'support.jsonl');
    const table = await openTable(pool, demo('support_conversations'));
    const mapping = { prompt: guessColumn(table.columns, 'prompt')!, answer: guessColumn(table.columns, 'answer')! };
    assert.deepEqual(mapping, { prompt: 'prompt', answer: 'response' });
    const result = await writeTuningJsonl(tablePages(pool, demo('support_conversations')), mapping, file);
    const turns = SUPPORT_CONVERSATIONS.flatMap((c) => c.turns);
    assert.deepEqual(result, { written: turns.length, skipped: 0 });
    const examples = await lines(file);
    assert.deepEqual(examples.map((e) => e.contents[0].parts[0].text), turns.map((t) => t.user));
  });

  it('exports a query, and says in one sentence what is wrong with a bad one', async () => {
    const file = join(dir, 'query.jsonl');
    const sql = "SELECT prompt, response FROM `genai-demo.genai_demo_data.support_conversations` WHERE topic = 'billing'";
    const result = await writeTuningJsonl(queryPages(pool, sql), { prompt: 'prompt', answer: 'response' }, file);
    const billing = SUPPORT_CONVERSATIONS.filter((c) => c.topic === 'billing').flatMap((c) => c.turns).length;
    assert.deepEqual(result, { written: billing, skipped: 0 });
    const err = await rejection(writeTuningJsonl(queryPages(pool, 'SELECT promt FROM `genai-demo.genai_demo_data.support_conversations`'), { prompt: 'promt', answer: 'x' }, join(dir, 'bad.jsonl')));
    assert.match(parseError(err).message, /Unrecognized name: promt/);
    assert.ok(!existsSync(join(dir, 'bad.jsonl')) && !existsSync(join(dir, 'bad.jsonl.partial')), 'a failed export leaves no file');
  });

  it('removes the partial file when cancelled, leaving an existing file untouched', async () => {
    const file = join(dir, 'cancelled.jsonl');
    await writeFile(file, 'before\n');
    const controller = new AbortController();
    let pagesRead = 0;
    async function* pages(): AsyncGenerator<RowPage> {
      for await (const page of tablePages(pool, demo('web_events'), { pageSize: 500 })) {
        yield { ...page, rows: page.rows.map((r) => ({ prompt: `event ${String(r.event_id)}`, answer: String(r.channel) })) };
        if (++pagesRead === 3) controller.abort();
      }
    }
    const err = await rejection(writeTuningJsonl(pages(), { prompt: 'prompt', answer: 'answer' }, file, { signal: controller.signal }));
    assert.equal(parseError(err).code, 'CANCELLED');
    assert.equal(pagesRead, 3, 'stops reading at once');
    assert.equal(await readFile(file, 'utf8'), 'before\n');
    assert.ok(!existsSync(`${file}.partial`));
  });

  it('checks the mapping before anything is read', async () => {
    const { columns } = await openTable(pool, demo('tuning_examples'));
    assert.equal(mappingProblem(columns, { prompt: 'question', answer: 'answer', system: 'system_instruction' }), undefined);
    assert.equal(mappingProblem(columns, { prompt: 'question' }), 'Choose the answer column.');
    assert.equal(mappingProblem(columns, { prompt: 'question', answer: 'question' }), 'The prompt and the answer must be different columns (both are question).');
    assert.equal(mappingProblem(columns, { prompt: 'tags', answer: 'answer' }), 'The prompt column must hold text (a STRING that is not repeated); tags does not.');
    assert.equal(mappingProblem(columns, { prompt: 'question', answer: 'source' }), 'The answer column must hold text (a STRING that is not repeated); source does not.');
    assert.equal(mappingProblem(columns, { prompt: 'question', answer: 'answer', system: 'answer' }), 'The system instruction must be a column of its own (answer is already used).');
    assert.equal(mappingProblem(columns, { prompt: 'questions', answer: 'answer' }), 'There is no column questions.');
  });

  it('validation reports broken lines by number', async () => {
    const file = join(dir, 'broken.jsonl');
    const good = JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }, { role: 'model', parts: [{ text: 'hello' }] }] });
    const modelFirst = JSON.stringify({ contents: [{ role: 'model', parts: [{ text: 'a' }] }, { role: 'user', parts: [{ text: 'b' }] }] });
    await writeFile(file, [good, '{"contents": [', modelFirst, JSON.stringify({ messages: [] })].join('\n'));
    assert.deepEqual(await validateTuningJsonl(file), {
      examples: 1,
      problems: [
        { line: 2, message: 'not valid JSON' },
        { line: 3, message: "the first turn must be the user's" },
        { line: 4, message: 'unknown field "messages"' },
      ],
    });
  });
});
