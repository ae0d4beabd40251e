import * as assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExportOutcome } from '../../src/features/datasets/exportTuningCommand';
import type { RowPreviewPanel } from '../../src/features/datasets/rowPreviewPanel';
import type { PreviewCell } from '../../src/features/datasets/protocol';
import { recordBench } from '../support/bench';
import { extension, scriptInput, useSettings, waitFor } from './helpers';

const TABLE = (id: string) => `bq://genai-demo.genai_demo_data.${id}`;

async function preview(uri: string): Promise<RowPreviewPanel> {
  const panel = await vscode.commands.executeCommand<RowPreviewPanel | undefined>('vertexGenAi.previewRows', uri);
  assert.ok(panel, 'the command opened a panel');
  return panel;
}

/** The rows the webview asked for first, as the host answered them. */
async function firstRows(panel: RowPreviewPanel): Promise<{ rows: readonly (readonly PreviewCell[])[] }> {
  const answered = await waitFor('the first rows sent to the webview', () => panel.probe.answered.find((a) => a.method === 'rows' && a.params.start === 0), 30_000);
  assert.ok('response' in answered, JSON.stringify(answered));
  return { rows: answered.response };
}

describe('BigQuery row preview and tuning export', function () {
  this.timeout(90_000);
  let dir: string;
  useSettings({ backend: 'emulator' });
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vgo-export-it-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('previews a demo table: the webview gets the schema, then asks for and receives the first page', async () => {
    const panel = await preview(TABLE('tuning_examples'));
    const rows = await firstRows(panel);
    const table = panel.probe.posted.find((m) => m.type === 'table');
    assert.ok(table?.type === 'table');
    assert.equal(table.totalRows, 10);
    assert.deepEqual(
      table.columns.map((c) => `${c.name} ${c.type} ${c.mode}`),
      ['example_id STRING REQUIRED', 'system_instruction STRING NULLABLE', 'question STRING NULLABLE', 'answer STRING NULLABLE', 'tags STRING REPEATED', 'source RECORD NULLABLE'],
    );
    assert.equal(rows.rows.length, 10);
    assert.deepEqual(rows.rows[1], [
      'ex-02',
      'You are the support assistant of Northwind Outfitters. Answer briefly and kindly.',
      'How long does a refund take?',
      'Refunds reach your card within 5 business days of the return arriving at our warehouse.',
      '["returns","billing"]',
      '{"name":"faq","reviewed":true}',
    ]);
    assert.equal(rows.rows[2][1], null, 'NULL stays NULL');
    assert.equal(rows.rows[3][1], '', 'and an empty string stays empty');
    assert.equal(await preview(TABLE('tuning_examples')), panel, 'the same table reuses its panel');
  });

  it('opens the million-row table as fast as a small one (row preview bench)', async () => {
    // Warm: the emulator started and DuckDB opened (the first read generates the seed).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await firstRows(await preview(TABLE('support_conversations')));
    const times: Record<string, number[]> = { tuning_examples: [], web_events: [] };
    for (let round = 0; round < 3; round++) {
      for (const id of Object.keys(times)) {
        const panel = await preview(TABLE(id));
        const rows = await firstRows(panel);
        const table = panel.probe.posted.find((m) => m.type === 'table');
        assert.ok(table?.type === 'table' && table.totalRows === (id === 'web_events' ? 1_000_000 : 10));
        assert.ok(rows.rows.length <= 1000, 'only the rows in view are fetched');
        assert.equal(rows.rows[0][0], id === 'web_events' ? '0' : 'ex-01');
        times[id].push(panel.firstRowsMs!);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
    const [smallMs, bigMs] = [median(times.tuning_examples), median(times.web_events)];
    console.log(`row preview, command → first rows, median of 3: 1,000,000 rows ${bigMs.toFixed(0)} ms, 10 rows ${smallMs.toFixed(0)} ms`);
    recordBench({ previewBigMs: bigMs, previewSmallMs: smallMs });
    assert.ok(bigMs < Math.max(2 * smallMs, smallMs + 500), `1M rows: ${bigMs.toFixed(0)} ms, 10 rows: ${smallMs.toFixed(0)} ms`);
  });

  it('says in one sentence when a table does not exist, in the panel', async () => {
    const panel = await preview(TABLE('no_such_table'));
    const error = await waitFor('the error message', () => panel.probe.posted.find((m) => m.type === 'error'));
    assert.ok(error.type === 'error');
    assert.match(error.message, /no_such_table/);
  });

  it('exports a demo table to tuning JSONL from the palette, through the column mapping with Back', async () => {
    await extension().activate();
    const seam = await scriptInput([
      { expect: 'source', pick: 'genai_demo_data.tuning_examples' },
      { expect: 'prompt', pick: 'answer' },
      { expect: 'answer', back: true },
      { expect: 'prompt', pick: 'question' },
      { expect: 'answer', pick: 'answer' },
      { expect: 'system', pick: 'system_instruction' },
    ]);
    const file = join(dir, 'examples.jsonl');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('vertexGenAi.exportTuningJsonl', undefined, file);
    assert.ok(seam.finished, 'every scripted answer was used');
    assert.deepEqual(
      // No total at the source step: the query step after it is asked only for a query source.
      seam.transcript.map((t) => `${t.id} ${t.step}/${t.totalSteps} ${t.outcome}`),
      ['source 1/undefined value', 'prompt 2/4 value', 'answer 3/4 back', 'prompt 2/4 value', 'answer 3/4 value', 'system 4/4 value'],
    );
    assert.deepEqual(seam.transcript[4].shown, ['example_id', 'system_instruction', 'answer'], 'the prompt column is not offered as the answer');
    assert.equal(outcome.written, 8);
    assert.equal(outcome.skipped, 2);
    assert.deepEqual(outcome.check.problems, []);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 8);
    assert.equal(lines[0].contents[0].parts[0].text, 'Do you ship to Norway?');
    assert.match(lines[0].systemInstruction.parts[0].text, /Northwind/);
  });

  it('exports a query, refusing an empty and a wrong one with the reason before running it', async () => {
    const seam = await scriptInput([
      { expect: 'source', pick: 'Write a query…' },
      { expect: 'query', text: '  ' },
      { expect: 'query', text: 'SELECT promt FROM `genai-demo.genai_demo_data.support_conversations`' },
      { expect: 'query', text: "SELECT prompt, response FROM `genai-demo.genai_demo_data.support_conversations` WHERE topic = 'returns'" },
      { expect: 'prompt', pick: 'prompt' },
      { expect: 'answer', pick: 'response' },
      { expect: 'system', pick: '(none)' },
    ]);
    const file = join(dir, 'returns.jsonl');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('vertexGenAi.exportTuningJsonl', undefined, file);
    const rejected = seam.transcript.filter((t) => t.outcome === 'rejected').map((t) => t.rejected);
    assert.equal(rejected.length, 2);
    assert.equal(rejected[0], 'Write a query (BigQuery Standard SQL).');
    assert.match(rejected[1]!, /Unrecognized name: promt/);
    assert.ok(outcome.written >= 4 && outcome.skipped === 0, `written ${outcome.written}`);
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, outcome.written);
    assert.ok(lines.every((l) => l.systemInstruction === undefined));
  });

  it('copies a table as a bq:// URI', async () => {
    const uri = await vscode.commands.executeCommand('vertexGenAi.copyBigQueryUri', { contextValue: 'vertexGenAi.bqTable', value: { projectId: 'genai-demo', datasetId: 'genai_demo_data', tableId: 'web_events' } });
    assert.equal(uri, TABLE('web_events'));
    assert.equal(await vscode.env.clipboard.readText(), TABLE('web_events'));
  });
});
