// The Playground host in a real VS Code extension host, against an emulator this test
// starts (so it can read the emulator's request log): the streaming message flow, Stop,
// compare, history across a reload, prompt-file CodeLens, batch with cancel.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { DEMO_IDS } from '@vertex-genai-ops/emulator/seeds/demoIds';
import type { PlaygroundPanel } from '../../src/features/playground/playgroundPanel';
import type { GenerationParams, HostMessage } from '../../src/features/playground/protocol';
import type { BatchSummary } from '../../src/features/prompts/batchRun';
import { initialState, newTurn, reduce, requestFor, type PlaygroundState } from '../../webview-ui/playground/state';
import { extension, useEmulator, waitFor } from './helpers';

const US = 'projects/123456789012/locations/us-central1';
const SUPPORT_BOT = `${US}/endpoints/${DEMO_IDS.endpoints.supportBotProd}`;
const GEMMA = `${US}/endpoints/${DEMO_IDS.endpoints.gemmaLoraGpu}`;
const FLASH = 'projects/genai-demo/locations/us-central1/publishers/google/models/gemini-2.0-flash-001';

describe('playground in VS Code', function () {
  this.timeout(90_000);
  const log: string[] = [];
  let panel: PlaygroundPanel;
  let messages: readonly HostMessage[] = [];
  let state: PlaygroundState = initialState;
  let seen = 0;
  /** The webview's state: every host message so far goes through the webview's reducer. */
  const webview = (): PlaygroundState => {
    for (; seen < messages.length; seen++) state = reduce(state, messages[seen]);
    return state;
  };

  after(() => panel?.dispose());
  useEmulator({ seed: 'demo', tokenDelayMs: 15, log: (line) => log.push(line) });

  /** Opens the panel and plays the webview's part: every host message goes through the webview's reducer. */
  async function open(target?: string): Promise<void> {
    panel = (await vscode.commands.executeCommand('vertexGenAi.openPlayground', target)) as PlaygroundPanel;
    assert.ok(panel, 'the command returns the panel');
    messages = panel.probe.posted;
    state = initialState;
    seen = 0;
    await panel.probe.receive({ type: 'ready' });
  }

  /** Sends one prompt to the selected targets as the webview does; resolves when all answers ended. */
  async function send(prompt: string, targets: string[], params: GenerationParams = {}) {
    state = { ...webview(), selected: targets };
    const turn = newTurn(state, `t${Date.now()}`, prompt, 'You are a support assistant.', params, Date.now());
    state = reduce(state, { type: 'sent', turn });
    const sending = panel.probe.receive({ type: 'send', turn, requests: turn.answers.map((a) => requestFor(state, turn, a)) });
    return { turn, sending };
  }

  it('streams an answer as many delta messages, then the answer with its figures', async () => {
    await open(SUPPORT_BOT);
    const targets = messages.find((m) => m.type === 'targets');
    assert.ok(targets?.type === 'targets');
    assert.equal(targets.selected, SUPPORT_BOT);
    assert.deepEqual(
      [SUPPORT_BOT, GEMMA].map((n) => targets.targets.find((t) => t.name === n)?.kind),
      ['gemini', 'openChat'],
    );
    const { turn, sending } = await send('How do I reset my password?', [SUPPORT_BOT], { temperature: 0, maxOutputTokens: 30 });
    await sending;
    const id = turn.answers[0].id;
    const deltas = messages.filter((m) => m.type === 'delta' && m.id === id);
    const answer = messages.find((m) => m.type === 'answer' && m.id === id);
    assert.ok(deltas.length > 5, `${deltas.length} deltas`);
    assert.ok(answer?.type === 'answer');
    assert.equal(deltas.map((d) => (d.type === 'delta' ? d.text : '')).join(''), answer.candidates[0], 'the pieces make the answer');
    assert.ok(messages.indexOf(deltas[0]) < messages.indexOf(answer), 'pieces come first');
    const f = answer.figures;
    assert.ok(f.ttftMs! > 0 && f.ttftMs! < f.totalMs && f.tokensPerSecond! > 0 && f.outputTokens! > 0);
    assert.equal(f.safety?.length, 4);
    assert.equal(webview().turns.at(-1)?.answers[0].status, 'done');
  });

  it('Stop cancels the request: the answer ends as stopped and the emulator sees the connection close', async () => {
    log.length = 0;
    const { turn, sending } = await send('Tell me a very long fable about the wolf and the lamb', [FLASH], { maxOutputTokens: 4000 });
    await waitFor('a few pieces', () => messages.filter((m) => m.type === 'delta' && m.id === turn.answers[0].id).length >= 3);
    await panel.probe.receive({ type: 'stop' });
    await sending;
    const ended = messages.find((m) => m.type === 'answerError' && m.id === turn.answers[0].id);
    assert.ok(ended?.type === 'answerError' && ended.stopped, JSON.stringify(ended));
    await waitFor('the emulator to log the hang-up', () => log.some((l) => /:streamGenerateContent 499 /.test(l)), 5_000);
    assert.equal(webview().turns.at(-1)?.answers[0].status, 'stopped');
  });

  it('compares one prompt on three targets of different kinds, with figures per column', async () => {
    const { turn, sending } = await send('Tell me about the fox', [SUPPORT_BOT, GEMMA, FLASH], { temperature: 0, maxOutputTokens: 12 });
    await sending;
    const answers = turn.answers.map((a) => messages.find((m) => m.type === 'answer' && m.id === a.id));
    assert.ok(answers.every((a) => a?.type === 'answer' && a.candidates[0].length > 0 && a.figures.totalMs > 0), JSON.stringify(answers));
    assert.deepEqual(webview().turns.at(-1)?.answers.map((a) => a.status), ['done', 'done', 'done']);
  });

  it('keeps the conversation across a reload: a new panel restores it from workspaceState', async () => {
    await panel.settled();
    const before = panel.conversation().turns.map((t) => [t.prompt, t.answers.map((a) => a.status)]);
    assert.ok(before.length >= 3);
    panel.dispose();
    await open();
    const restored = messages.find((m) => m.type === 'restore');
    assert.ok(restored?.type === 'restore');
    assert.deepEqual(restored.conversation.turns.map((t) => [t.prompt, t.answers.map((a) => a.status)]), before);
    assert.deepEqual(webview().turns.map((t) => t.prompt), before.map(([p]) => p), 'the webview shows it again');
    // The next prompt continues the restored conversation with that target.
    const turn = newTurn({ ...webview(), selected: [SUPPORT_BOT] }, 'next', 'And then?', undefined, {}, 0);
    const request = requestFor(reduce(webview(), { type: 'sent', turn }), turn, turn.answers[0]);
    assert.equal(request.history[0].text, 'How do I reset my password?');
  });

  it('exports the conversation as JSON and Markdown in new editors', async () => {
    await panel.probe.receive({ type: 'export', format: 'json' });
    const json = JSON.parse(vscode.window.activeTextEditor!.document.getText());
    assert.deepEqual(json.turns.map((t: { prompt: string }) => t.prompt), panel.conversation().turns.map((t) => t.prompt));
    await panel.probe.receive({ type: 'export', format: 'markdown' });
    const markdown = vscode.window.activeTextEditor!.document;
    assert.equal(markdown.languageId, 'markdown');
    assert.match(markdown.getText(), /## Prompt\n\nHow do I reset my password\?\n\n### support-bot-prod\n\n[\s\S]+?\n\n<sub>first token \d+ ms/);
  });

  it('sends the selected text to an endpoint and streams the answer beside it', async () => {
    const document = await vscode.workspace.openTextDocument({ content: 'Notes\nTell me about the crow and the pitcher\nmore notes' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(1, 0, 1, 40);
    const answer = (await vscode.commands.executeCommand('vertexGenAi.sendSelection', 'gemini-2.0-flash-001')) as vscode.TextDocument;
    assert.match(answer.getText(), /^# Selection → gemini-2\.0-flash-001\n\n<!-- gemini-2\.0-flash-001 -->\n\n[\s\S]+?\n\n<sub>first token \d+ ms · total \d+ ms/);
  });

  it('gives prompt files Run and Compare CodeLens, and streams the answer into a side editor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vgo-prompts-'));
    const file = join(dir, 'refund.prompt.md');
    writeFileSync(file, '---\ntarget: support-bot-prod\ncompare: [support-bot-prod, gemini-2.0-flash-001]\nparameters:\n  temperature: 0\n  maxOutputTokens: 10\nvariables:\n  item: kettle\n---\nHow do I return my {{item}}?\n');
    const uri = vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri);
    const lenses = await waitFor('CodeLens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return found?.length ? found : undefined;
    });
    assert.deepEqual(lenses.map((l) => l.command?.title), ['$(play) Run on support-bot-prod', '$(split-horizontal) Compare 2 targets']);
    const answer = (await vscode.commands.executeCommand('vertexGenAi.comparePromptFile', uri)) as vscode.TextDocument;
    const text = answer.getText();
    assert.match(text, /## support-bot-prod\n\n[\s\S]+?\n\n<sub>first token \d+ ms · total \d+ ms/);
    assert.match(text, /## gemini-2.0-flash-001\n\n[\s\S]+?\n\n<sub>first token/);
  });

  it('runs a JSONL batch with a concurrency limit; cancelled halfway, the file holds exactly the finished results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vgo-batch-'));
    const input = join(dir, 'prompts.jsonl');
    const output = join(dir, 'prompts.results.jsonl');
    writeFileSync(input, Array.from({ length: 20 }, (_, i) => JSON.stringify({ id: i, prompt: `Tell me about the fox number ${i}`, parameters: { maxOutputTokens: 20 } })).join('\n'));
    const abort = new AbortController();
    const lines = () => {
      try {
        return readFileSync(output, 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    };
    const running = vscode.commands.executeCommand('vertexGenAi.runBatch', vscode.Uri.file(input), { target: 'gemini-2.0-flash-001', output: vscode.Uri.file(output), signal: abort.signal }) as Thenable<BatchSummary>;
    await waitFor('three results', () => lines().length >= 3);
    abort.abort();
    const summary = await running;
    assert.equal(summary.cancelled, true);
    const written = lines().map((l) => JSON.parse(l));
    assert.equal(written.length, summary.succeeded + summary.failed);
    assert.ok(written.length < 20, `${written.length} of 20 written before the cancel took effect`);
    assert.ok(written.every((r) => typeof r.answer === 'string' && r.answer.length > 0 && r.finishReason), JSON.stringify(written));
    assert.equal(new Set(written.map((r) => r.id)).size, written.length, 'no result twice');
  });

  it('an endpoint with nothing deployed: no Playground action on its row, and the command says why in one sentence', async () => {
    const api = await extension().activate();
    const tree = api.tree('vertexGenAi.endpoints');
    const nodes = await waitFor('the endpoints', async () => {
      const list = (await tree.getChildren()) ?? [];
      return list.length ? list : undefined;
    });
    const items = await Promise.all(nodes.map(async (node) => ({ node, item: await tree.getTreeItem(node) })));
    const empty = items.find((r) => r.item.label === 'staging-sandbox');
    const served = items.find((r) => r.item.label === 'support-bot-prod');
    assert.ok(empty && served, items.map((r) => String(r.item.label)).join(', '));
    // package.json offers Open in Playground (inline and in the menu) on `viewItem == vertexGenAi.endpoint` only.
    assert.equal(empty.item.contextValue, 'vertexGenAi.endpoint.empty');
    assert.equal(served.item.contextValue, 'vertexGenAi.endpoint');
    const menus = (extension().packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } }).contributes.menus['view/item/context'];
    assert.ok(menus.filter((m) => m.command === 'vertexGenAi.openPlayground').every((m) => /viewItem == vertexGenAi\.endpoint$/.test(m.when)));

    const errors = async () => api.shownErrors();
    const before = (await errors()).length;
    panel?.dispose();
    // Earlier tests' panels may still be closing: count Playground tabs rather than expect none.
    const playgroundTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label.startsWith('Playground')).length;
    const tabsBefore = playgroundTabs();
    // The command resolves when the error message is dismissed: not awaited.
    void vscode.commands.executeCommand('vertexGenAi.openPlayground', empty.node);
    const shown = await waitFor('the error message', async () => (await errors()).slice(before)[0]);
    assert.ok(playgroundTabs() <= tabsBefore, 'no panel opens');
    assert.equal(shown, 'staging-sandbox has no deployed model, so nothing can answer there: deploy a model version to it first (Model Registry → Deploy Model Version…).');
  });
});
