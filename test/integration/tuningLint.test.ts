import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { recordBench } from '../support/bench';
import { loadedModules, waitFor } from './helpers';

const line = (q: string, a: string, role = 'model') =>
  JSON.stringify({ contents: [{ role: 'user', parts: [{ text: q }] }, { role, parts: [{ text: a }] }] });

function workspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder');
  const dir = join(folder.uri.fsPath, 'tuning-lint');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return vscode.Uri.file(join(dir, name));
}

const HEAVY = /@google-cloud|google-gax|[\\/]dist[\\/](aiplatform|bigquery|storage|features)\.js$/;
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Vertex GenAI');
const describeDiagnostic = (d: vscode.Diagnostic) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)}`;

describe('tuning lint in the editor', function () {
  this.timeout(120_000);
  const roleLine = line('How do I reset my password?', 'Open Settings.', 'assistant');
  const text = [line('Hi', 'Hello!'), roleLine, '{"contents": [', line('Hi', 'Hello!')].join('\n') + '\n';

  it('shows diagnostics with exact ranges when a tuning JSONL file opens, loading only the linter', async () => {
    const heavyBefore = loadedModules(HEAVY);
    const uri = workspaceFile('support_train.jsonl', text);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitFor('tuning diagnostics', () => (ours(uri).length === 3 ? ours(uri) : undefined));
    const role = roleLine.indexOf('"assistant"');
    assert.deepEqual(diagnostics.map(describeDiagnostic), [
      `1:${role}-1:${role + '"assistant"'.length} role`,
      '2:13-2:14 invalid-json',
      `3:0-3:${line('Hi', 'Hello!').length} duplicate`,
    ]);
    assert.deepEqual(
      diagnostics.map((d) => d.severity),
      [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning],
    );
    assert.match(diagnostics[2].message, /Duplicate of the example on line 1\./);
    assert.equal(loadedModules(/[\\/]dist[\\/]tuning\.js$/).length, 1, 'the linter chunk is not loaded');
    // Earlier suites may have loaded the features; opening a tuning file must add none.
    assert.deepEqual(loadedModules(HEAVY), heavyBefore);
  });

  it('applies a quick fix through the code action provider, and its diagnostic goes away', async () => {
    const uri = workspaceFile('support_train.jsonl', text);
    const document = await vscode.workspace.openTextDocument(uri);
    const role = await waitFor('the role diagnostic', () => ours(uri).find((d) => d.code === 'role'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, role.range);
    const fix = actions.find((a) => a.title === 'Change the role to "model"');
    assert.ok(fix?.edit, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(1).text, line('How do I reset my password?', 'Open Settings.'));
    await waitFor('the role diagnostic to go away', () => (ours(uri).length === 2 ? true : undefined));
    assert.deepEqual(ours(uri).map((d) => d.code), ['invalid-json', 'duplicate']);

    const duplicate = ours(uri).find((d) => d.code === 'duplicate')!;
    const [remove] = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, duplicate.range);
    assert.equal(remove?.title, 'Remove the duplicate example');
    assert.ok(await vscode.workspace.applyEdit(remove.edit!));
    await waitFor('only the invalid JSON to remain', () => (ours(uri).length === 1 ? true : undefined));
    assert.equal(document.lineCount, 4, 'the duplicate line was not removed with its line break');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('leaves JSONL files outside vertexGenAi.tuning.files alone', async () => {
    const other = workspaceFile('events.jsonl', '{"not": "tuning data"}\n');
    const train = workspaceFile('more_train.jsonl', '[1]\n');
    await vscode.workspace.openTextDocument(other);
    await vscode.workspace.openTextDocument(train);
    await waitFor('diagnostics on the training file', () => (ours(train).length === 1 ? true : undefined));
    assert.deepEqual(ours(other), []);
  });

  it('lints a 100,000-line file while the extension host stays responsive, and re-lints one edited line fast', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => line(`Question number ${i}?`, `Answer number ${i}.`));
    lines[99_990] = line('Last question?', 'Last answer.', 'bot');
    const uri = workspaceFile('big_train.jsonl', lines.join('\n'));
    const document = await vscode.workspace.openTextDocument(uri);

    // The longest gap between timer ticks in the extension host while it lints.
    let last = performance.now();
    let worstGap = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    let fullLintMs: number;
    try {
      await vscode.window.showTextDocument(document);
      await waitFor('diagnostics on the big file', () => (ours(uri).some((d) => d.code === 'role') ? true : undefined), 90_000);
      fullLintMs = performance.now() - started;
    } finally {
      clearInterval(probe);
    }
    assert.deepEqual(ours(uri).map(describeDiagnostic), [`99990:${lines[99_990].indexOf('"bot"')}-99990:${lines[99_990].indexOf('"bot"') + 5} role`]);
    // Generous for a 2-core machine shared by many processes: a frozen host would stall for seconds.
    assert.ok(worstGap < 1_000, `the extension host was blocked for ${worstGap.toFixed(0)} ms`);

    // From the edit being applied to its diagnostics (the 250 ms typing debounce included).
    const relinted = new Promise<number>((resolve) => {
      const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
        if (!e.uris.some((u) => u.toString() === uri.toString()) || ours(uri).length !== 2) return;
        subscription.dispose();
        resolve(performance.now());
      });
    });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, document.lineAt(5).range, line('Q5', 'A5', 'assistant'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const applied = performance.now();
    const relintMs = (await Promise.race([relinted, new Promise<number>((r) => setTimeout(() => r(NaN), 30_000))])) - applied;
    assert.ok(relintMs < 5_000, `the edited line took ${relintMs} ms to be linted`);
    assert.deepEqual(ours(uri).map((d) => `${d.range.start.line} ${String(d.code)}`), ['5 role', '99990 role']);
    recordBench({ tuningOpenToDiagnosticsMs: fullLintMs, tuningEditToDiagnosticsMs: relintMs, tuningWorstGapMs: worstGap });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
