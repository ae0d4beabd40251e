// The Playground panel: prompt deployed endpoints and publisher models, stream the
// answers, compare targets side by side. One panel, reused; its conversation lives in
// workspaceState (PlaygroundHistory) so it survives reloads and restarts.
import * as vscode from 'vscode';
import type { HostMessage, PlaygroundProtocol, PlaygroundTarget, PromptRequest, WebviewMessage } from './protocol';
import type { ClientPool } from '../../vertex/clients';
import { clientEndpoint } from '../../vertex/connection';
import { parseError } from '../../vertex/parseError';
import { listPlaygroundTargets } from '../../vertex/playgroundTargets';
import { runPrompt } from '../../vertex/runPrompt';
import { requestCode, type CodeLanguage } from './playgroundCode';
import { conversationJson, conversationMarkdown, evalCaseLine } from './playgroundExport';
import { PlaygroundHistory } from './playgroundHistory';
import { HostedPanel, PanelHost } from '../../ui/panelHost';
import { answered, type InputSeam } from '../../ui/inputSeam';

export interface PlaygroundDeps {
  readonly extensionUri: vscode.Uri;
  readonly workspaceState: vscode.Memento;
  readonly pool: () => Promise<ClientPool>;
  readonly regions: () => readonly string[];
  /** Where the panel asks its questions (the request's language, opening a link). */
  readonly input: () => InputSeam;
}

const EVAL_FILE_KEY = 'vertexGenAi.playground.evalFile';

export class PlaygroundPanel extends HostedPanel<PlaygroundProtocol> {
  static readonly viewType = 'vertexGenAi.playground';
  private readonly running = new Map<string, AbortController>();
  private readonly history: PlaygroundHistory;
  private targets: PlaygroundTarget[] = [];

  static show(deps: PlaygroundDeps, target?: string): PlaygroundPanel {
    return PanelHost.show<PlaygroundProtocol, PlaygroundPanel>(
      { viewType: PlaygroundPanel.viewType, title: vscode.l10n.t('Playground'), entry: 'playground', extensionUri: deps.extensionUri },
      (host) => new PlaygroundPanel(host, deps, target),
      (existing) => {
        if (target) existing.select(target);
      },
    );
  }

  private constructor(
    host: PanelHost<PlaygroundProtocol>,
    private readonly deps: PlaygroundDeps,
    private selected: string | undefined,
  ) {
    super(host);
    this.history = new PlaygroundHistory(deps.workspaceState);
  }

  protected override closed(): void {
    for (const c of this.running.values()) c.abort();
  }

  select(target: string): void {
    this.selected = target;
    void this.sendTargets();
  }

  /** The conversation as stored (tests read it). */
  conversation() {
    return this.history.conversation();
  }

  /** Resolves when every answer under way has ended and the history is written. */
  async settled(): Promise<void> {
    while (this.running.size) await new Promise((r) => setTimeout(r, 20));
    await this.history.flushed();
  }

  protected async receive(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post({ type: 'restore', conversation: this.history.conversation() });
        return this.sendTargets();
      case 'send':
        this.history.apply({ type: 'sent', turn: message.turn });
        await Promise.all(message.turn.answers.map((a, i) => this.run(a.id, a.target, message.requests[i])));
        return;
      case 'retry':
        this.history.apply({ type: 'retrying', id: message.id }, false);
        return this.run(message.id, message.target, message.request);
      case 'stop':
        for (const c of this.running.values()) c.abort();
        return;
      case 'clear':
        this.history.apply({ type: 'cleared' });
        return;
      case 'export':
        return this.export(message.format);
      case 'saveEvalCase':
        return this.saveEvalCase(message.turnId, message.answerId);
      case 'copyAsCode':
        return this.copyAsCode(message.target, message.request);
      case 'openLink':
        return openLink(this.deps.input(), message.href);
    }
  }

  protected override post(message: HostMessage): void {
    this.history.apply(message, message.type === 'answer' || message.type === 'answerError');
    super.post(message);
  }

  private async sendTargets(): Promise<void> {
    try {
      const { targets, error } = await listPlaygroundTargets(await this.deps.pool(), this.deps.regions());
      this.targets = targets;
      this.post({ type: 'targets', targets, selected: this.selected, error });
    } catch (error) {
      this.post({ type: 'targets', targets: [], error: parseError(error).message });
    }
  }

  private async run(id: string, name: string, request: PromptRequest | undefined): Promise<void> {
    const target = this.targets.find((t) => t.name === name);
    if (!target || !request) {
      this.post({ type: 'answerError', id, message: vscode.l10n.t('{0} is not in the target list any more; refresh the Playground.', name) });
      return;
    }
    const abort = new AbortController();
    this.running.set(id, abort);
    let sent = 0;
    try {
      const result = await runPrompt(await this.deps.pool(), target, request, {
        signal: abort.signal,
        onText: (candidate, text) => {
          sent++;
          this.post({ type: 'delta', id, candidate, text });
        },
      });
      this.post({ type: 'answer', id, candidates: result.candidates, figures: result.figures, sent });
    } catch (error) {
      const stopped = abort.signal.aborted;
      this.post({ type: 'answerError', id, stopped, message: stopped ? vscode.l10n.t('Stopped.') : parseError(error).message });
    } finally {
      this.running.delete(id);
    }
  }

  private label(name: string): string {
    return this.targets.find((t) => t.name === name)?.displayName ?? name;
  }

  private async export(format: 'markdown' | 'json'): Promise<void> {
    const conversation = this.history.conversation();
    const content = format === 'json' ? conversationJson(conversation) : conversationMarkdown(conversation, (n) => this.label(n));
    const document = await vscode.workspace.openTextDocument({ language: format, content });
    await vscode.window.showTextDocument(document, { preview: false });
  }

  private async saveEvalCase(turnId: string, answerId: string): Promise<void> {
    const turn = this.history.conversation().turns.find((t) => t.id === turnId);
    const answer = turn?.answers.find((a) => a.id === answerId);
    if (!turn || !answer || answer.status !== 'done') return;
    const file = await evalFile(this.deps.workspaceState);
    if (!file) return;
    await appendLine(file, evalCaseLine(turn, answer));
    vscode.window.setStatusBarMessage(vscode.l10n.t('Saved as an eval case in {0}', vscode.workspace.asRelativePath(file)), 4000);
  }

  private async copyAsCode(name: string, request: PromptRequest): Promise<void> {
    const target = this.targets.find((t) => t.name === name);
    if (!target) return;
    const languages: { label: string; value: CodeLanguage }[] = [
      { label: 'curl', value: 'curl' },
      { label: vscode.l10n.t('Python (google-cloud-aiplatform)'), value: 'python' },
      { label: vscode.l10n.t('TypeScript (@google-cloud/aiplatform)'), value: 'typescript' },
    ];
    const [language] = (await answered(this.deps.input().pick({
      id: 'language', title: vscode.l10n.t('Copy as code'), placeholder: vscode.l10n.t('Copy the request as…'), step: 1, totalSteps: 1, canGoBack: false, options: languages,
    }))) ?? [];
    const picked = languages.find((l) => l.value === language);
    if (!picked) return;
    const pool = await this.deps.pool();
    const e = clientEndpoint(pool.connection, target.region);
    const code = requestCode(picked.value, target, request, { baseUrl: `${e.protocol}://${e.apiEndpoint}${e.port === 443 ? '' : `:${e.port}`}`, emulator: pool.connection.backend === 'emulator' });
    await vscode.env.clipboard.writeText(code);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the request as {0}', picked.label), 4000);
  }
}

/** The JSONL file eval cases go to: picked once, then remembered per workspace. */
async function evalFile(memento: vscode.Memento): Promise<vscode.Uri | undefined> {
  const remembered = memento.get<string>(EVAL_FILE_KEY);
  if (remembered) return vscode.Uri.parse(remembered);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save eval cases to'),
    defaultUri: folder && vscode.Uri.joinPath(folder, 'eval-cases.jsonl'),
    filters: { JSONL: ['jsonl'] },
  });
  if (picked) await memento.update(EVAL_FILE_KEY, picked.toString());
  return picked;
}

export async function appendLine(file: vscode.Uri, line: string): Promise<void> {
  let existing: Uint8Array = new Uint8Array();
  try {
    existing = await vscode.workspace.fs.readFile(file);
  } catch {
    // A new file.
  }
  const prefix = existing.length && existing[existing.length - 1] !== 0x0a ? '\n' : '';
  await vscode.workspace.fs.writeFile(file, new Uint8Array(Buffer.concat([existing, Buffer.from(prefix + line)])));
}

/** Links in model output open only after the person has seen the address and agreed. */
async function openLink(input: InputSeam, href: string): Promise<void> {
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(href, true);
  } catch {
    return;
  }
  if (!['http', 'https', 'mailto'].includes(uri.scheme)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The model\'s link {0} was not opened: only web and mail links open.', href));
    return;
  }
  const open = vscode.l10n.t('Open Link');
  if (await input.confirm({ message: vscode.l10n.t('Open a link from the model\'s answer?'), detail: href, action: open })) await vscode.env.openExternal(uri);
}
