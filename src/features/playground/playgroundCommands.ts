// Playground commands: the panel, prompt files (Run / Compare), Send selection, batch runs.
import { appendFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { answered, type PickOption } from '../../ui/inputSeam';
import { PlaygroundPanel } from './playgroundPanel';
import type { PlaygroundTarget, PromptRequest } from './protocol';
import { AnswerDocument, fillVariables, parseBatchInput, parsePromptFile, resolveTarget, runBatch, variablesIn, type BatchSummary } from '../prompts/api';
import { figuresLine } from '../../../webview-ui/playground/figures';
import { parseError } from '../../vertex/parseError';
import { listPlaygroundTargets } from '../../vertex/playgroundTargets';
import { runPrompt } from '../../vertex/runPrompt';
import { cancelledError } from '../../vertex/retry';
import { resourceNameFrom, type TreeNode } from '../trees/api';
import type { Endpoint } from '../../vertex/types';
import { withCancellableProgress } from '../../ui/progress';

export interface BatchOptions {
  /** Skip the pickers (tests, scripts). */
  readonly target?: string;
  readonly output?: vscode.Uri;
  readonly signal?: AbortSignal;
}

function targetOptions(all: readonly PlaygroundTarget[]): PickOption<PlaygroundTarget>[] {
  return all.map((t) => ({ label: t.displayName, value: t, description: `${t.region} · ${t.kind}` }));
}

/** The endpoint a tree node stands for, if it is one. */
function endpointOf(node: unknown): Endpoint | undefined {
  const n = node as TreeNode | undefined;
  return n?.type === 'resource' && n.kind === 'endpoint' ? (n.value as Endpoint) : undefined;
}

export function playgroundCommands(ctx: FeatureContext): CommandHandlers {
  const regions = () => ctx.host.settings().regions;
  const deps = () => ({ extensionUri: ctx.host.context.extensionUri, workspaceState: ctx.host.context.workspaceState, pool: ctx.pool, regions, input: ctx.input });
  const targets = async () => {
    const list = await listPlaygroundTargets(await ctx.pool(), regions());
    if (!list.targets.length) throw new Error(list.error ?? vscode.l10n.t('There is nothing to prompt: no endpoint has a deployed model in the chosen regions.'));
    return list.targets;
  };

  const pickTarget = async (all: readonly PlaygroundTarget[], ref?: string): Promise<PlaygroundTarget> => {
    if (ref) {
      const found = resolveTarget(all, ref);
      if (!found) throw new Error(vscode.l10n.t('No target "{0}" in the chosen regions: use an endpoint name or id, or a publisher model id.', ref));
      return found;
    }
    const picked = await answered(ctx.input().pick({
      id: 'target', title: vscode.l10n.t('Playground target'), placeholder: vscode.l10n.t('Send to which endpoint or model?'), step: 1, totalSteps: 1, canGoBack: false,
      options: targetOptions(all),
    }));
    if (!picked) throw cancelledError(vscode.l10n.t('Choosing a target'));
    return picked[0];
  };

  /** Streams one request to each target into a side editor, with a cancellable progress notification. */
  const runInline = (title: string, chosen: readonly PlaygroundTarget[], request: PromptRequest) =>
    withCancellableProgress(vscode.l10n.t('Prompting {0}…', chosen.map((t) => t.displayName).join(', ')), async (signal) => {
      const doc = await AnswerDocument.open(title, chosen.map((t) => t.displayName));
      const pool = await ctx.pool();
      await Promise.all(chosen.map(async (target, i) => {
        try {
          const result = await runPrompt(pool, target, request, { signal, onText: (c, text) => c === 0 && doc.append(i, text) });
          await doc.finish(i, `<sub>${figuresLine({ id: '', target: target.name, status: 'done', candidates: result.candidates, figures: result.figures })}</sub>`, result.candidates[0]);
        } catch (error) {
          await doc.finish(i, signal.aborted ? vscode.l10n.t('_Stopped._') : `**${vscode.l10n.t('Error')}:** ${parseError(error).message}`);
        }
      }));
      return doc.document;
    });

  const promptFileRequest = async (uri: unknown) => {
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) throw new Error(vscode.l10n.t('Open a prompt file (*.prompt.md or *.prompt.yaml) first.'));
    const file = parsePromptFile(document.getText(), document.uri.path);
    if (file.errors.length) throw new Error(file.errors[0]);
    if (!file.prompt) throw new Error(vscode.l10n.t('The prompt file has no prompt text.'));
    const values = { ...file.variables };
    for (const name of variablesIn(file.prompt)) {
      if (values[name] !== undefined) continue;
      const value = await answered(ctx.input().text({
        id: `variable.${name}`, title: vscode.l10n.t('Value of {{{0}}}', name), step: 1, totalSteps: 1, canGoBack: false,
        prompt: vscode.l10n.t('The prompt uses {{{0}}} and the front matter gives no value.', name), value: '', validate: () => undefined,
      }));
      if (value === undefined) throw cancelledError(vscode.l10n.t('Filling in the variables'));
      values[name] = value;
    }
    const request: PromptRequest = { system: file.system, history: [], prompt: fillVariables(file.prompt, values), params: file.params };
    return { file, request, title: vscode.workspace.asRelativePath(document.uri) };
  };

  return {
    'vertexGenAi.openPlayground': async (node?: unknown) => {
      const endpoint = endpointOf(node);
      if (endpoint && !endpoint.deployedModels.length) {
        throw new Error(vscode.l10n.t('{0} has no deployed model, so nothing can answer there: deploy a model version to it first (Model Registry → Deploy Model Version…).', endpoint.displayName));
      }
      const name = typeof node === 'string' ? node : resourceNameFrom(node);
      return PlaygroundPanel.show(deps(), name && /\/(endpoints|models)\//.test(name) ? name : undefined);
    },
    'vertexGenAi.runPromptFile': async (uri?: unknown) => {
      const { file, request, title } = await promptFileRequest(uri);
      const all = await targets();
      return runInline(title, [await pickTarget(all, file.target)], request);
    },
    'vertexGenAi.comparePromptFile': async (uri?: unknown) => {
      const { file, request, title } = await promptFileRequest(uri);
      const all = await targets();
      let chosen: PlaygroundTarget[];
      if (file.compare.length > 1) chosen = await Promise.all(file.compare.map((ref) => pickTarget(all, ref)));
      else {
        const picked = await answered(ctx.input().pick({
          id: 'targets', title: vscode.l10n.t('Compare targets'), placeholder: vscode.l10n.t('Compare 2 to 4 targets'), step: 1, totalSteps: 1, canGoBack: false, canPickMany: true,
          options: targetOptions(all).map((o) => ({ ...o, picked: o.label === file.target })),
          validate: (values) => (values.length < 2 || values.length > 4 ? vscode.l10n.t('Compare takes 2 to 4 targets; {0} were chosen.', values.length) : undefined),
        }));
        if (!picked) throw cancelledError(vscode.l10n.t('Choosing targets'));
        chosen = [...picked];
      }
      return runInline(title, chosen, request);
    },
    'vertexGenAi.sendSelection': async (targetRef?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const text = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
      if (!text) throw new Error(vscode.l10n.t('Select the text to send first.'));
      const target = await pickTarget(await targets(), typeof targetRef === 'string' ? targetRef : undefined);
      return runInline(vscode.l10n.t('Selection → {0}', target.displayName), [target], { history: [], prompt: text, params: {} });
    },
    'vertexGenAi.runBatch': async (input?: unknown, options?: unknown) => batch(input, (options ?? {}) as BatchOptions),
  };

  async function batch(input: unknown, options: BatchOptions): Promise<BatchSummary | undefined> {
    const source = input instanceof vscode.Uri ? input : vscode.window.activeTextEditor?.document.uri.path.endsWith('.jsonl') ? vscode.window.activeTextEditor.document.uri : (await vscode.window.showOpenDialog({ filters: { JSONL: ['jsonl'] }, title: vscode.l10n.t('Prompts to run (JSONL)') }))?.[0];
    if (!source) return undefined;
    const items = parseBatchInput(new TextDecoder().decode(await vscode.workspace.fs.readFile(source)));
    const target = await pickTarget(await targets(), options.target);
    const output = options.output ?? (await vscode.window.showSaveDialog({ defaultUri: source.with({ path: source.path.replace(/\.jsonl$/, '') + '.results.jsonl' }), filters: { JSONL: ['jsonl'] }, title: vscode.l10n.t('Write the results to') }));
    if (!output) return undefined;
    const concurrency = vscode.workspace.getConfiguration('vertexGenAi').get<number>('playground.batchConcurrency', 4);
    const pool = await ctx.pool();
    const summary = await withCancellableProgress(vscode.l10n.t('Batch on {0}', target.displayName), (signal, progress) => {
      return runBatch(items, {
        concurrency,
        signal: options.signal ? AbortSignal.any([signal, options.signal]) : signal,
        target: target.name,
        run: (request, signal) => runPrompt(pool, target, request, { signal }),
        write: (line) => appendFile(output.fsPath, line, 'utf8'),
        onProgress: (done, total) => progress.report({ increment: 100 / total, message: vscode.l10n.t('{0} of {1}', done, total) }),
      });
    });
    const message = summary.cancelled
      ? vscode.l10n.t('Batch cancelled: {0} of {1} results written to {2}.', summary.succeeded + summary.failed, summary.total, vscode.workspace.asRelativePath(output))
      : vscode.l10n.t('Batch done: {0} answered, {1} failed, in {2}.', summary.succeeded, summary.failed, vscode.workspace.asRelativePath(output));
    void vscode.window.showInformationMessage(message, vscode.l10n.t('Open Results')).then(async (open) => {
      if (open) await vscode.window.showTextDocument(output);
    });
    return summary;
  }
}
