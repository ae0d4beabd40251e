// What every webview panel stands on: one panel per key (revealed when asked again), the
// HTML shell (strict CSP, nonce'd script, only the extension's own built files), typed
// messages both ways with requests paired to their responses (src/common/ipc.ts), the
// panel's listeners disposed with it, and the one probe integration tests use.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { IpcChannel, type HostSide, type IpcAnswers, type IpcEnvelope, type IpcProtocol } from '../common/ipc';
import type { ClientPool } from '../vertex/clients';
import type { InputSeam } from './inputSeam';

export interface PanelOptions {
  readonly viewType: string;
  /** One panel per key (an endpoint, a job, a table); none: one panel of this type. */
  readonly key?: string;
  /** The tab's title. */
  readonly title: string;
  /** The HTML document's title, when not the tab's. */
  readonly documentTitle?: string;
  /** The webview app: dist/webview/<entry>.js and .css. */
  readonly entry: string;
  readonly extensionUri: vscode.Uri;
}

/** What a panel does with what its webview sends. */
export interface PanelHandlers<P extends IpcProtocol> {
  /** A command from the webview (or from a test playing it); resolves when handled. */
  command(message: P['commands']): Promise<void> | void;
  /** Answers to the webview's requests. */
  readonly requests?: IpcAnswers<P['requests']>;
  /** Runs once as the panel closes: stop timers, abort work under way. */
  disposed?(): void;
}

type Answered<R extends IpcProtocol['requests']> = {
  [K in keyof R]: { readonly method: K; readonly params: R[K]['params'] } & ({ readonly response: R[K]['response'] } | { readonly error: string });
}[keyof R];

/** How integration tests watch a panel and play its webview. */
export interface PanelProbe<P extends IpcProtocol> {
  /** The notifications the host posted, oldest first (the latest ones). */
  readonly posted: readonly P['notifications'][];
  /** The commands the webview sent, oldest first (the latest ones). */
  readonly received: readonly P['commands'][];
  /** The webview's requests the host answered, oldest first (the latest ones). */
  readonly answered: readonly Answered<P['requests']>[];
  /** Handles a command as if the webview sent it; resolves when handled. */
  receive(command: P['commands']): Promise<void>;
  /** Asks the host as the webview would; resolves with the answer. */
  request<K extends keyof P['requests'] & string>(method: K, params: P['requests'][K]['params']): Promise<P['requests'][K]['response']>;
}

/** A probe keeps this many of each kind: enough for any test, bounded for a panel open all day. */
const PROBE_KEEPS = 1000;

const open = new Map<string, { readonly host: PanelHost<IpcProtocol>; readonly owner: unknown }>();

export class PanelHost<P extends IpcProtocol> implements vscode.Disposable {
  /** The panel of this type and key, revealed, if one is open; else the one `create` makes. */
  static show<P extends IpcProtocol, T>(options: PanelOptions, create: (host: PanelHost<P>) => T, revealed?: (existing: T) => void): T {
    const key = `${options.viewType}\n${options.key ?? ''}`;
    const existing = open.get(key);
    if (existing) {
      existing.host.panel.reveal();
      revealed?.(existing.owner as T);
      return existing.owner as T;
    }
    const host = new PanelHost<P>(options, () => open.delete(key));
    const owner = create(host);
    open.set(key, { host: host as unknown as PanelHost<IpcProtocol>, owner });
    return owner;
  }

  readonly probe: PanelProbe<P>;
  private readonly panel: vscode.WebviewPanel;
  private readonly channel: IpcChannel<HostSide<P>>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly posted: P['notifications'][] = [];
  private readonly received: P['commands'][] = [];
  private readonly answered: Answered<P['requests']>[] = [];
  private handlers: PanelHandlers<P> | undefined;
  private disposed = false;

  private constructor(options: PanelOptions, private readonly closed: () => void) {
    this.panel = vscode.window.createWebviewPanel(options.viewType, options.title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(options.extensionUri, 'dist', 'webview')],
    });
    this.panel.webview.html = html(this.panel.webview, options.extensionUri, options.entry, options.documentTitle ?? options.title);
    this.channel = new IpcChannel<HostSide<P>>((envelope) => void this.panel.webview.postMessage(envelope));
    this.channel.onMessage = (message) => this.handlers?.command(message);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((envelope: IpcEnvelope) => {
        if (envelope.kind === 'message') keep(this.received, envelope.message as P['commands']);
        return this.channel.receive(envelope);
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    this.probe = {
      posted: this.posted,
      received: this.received,
      answered: this.answered,
      receive: async (command) => {
        keep(this.received, command);
        await this.handlers?.command(command);
      },
      request: (method, params) => {
        const answer = (this.channel.answers as IpcAnswers<P['requests']>)[method];
        return Promise.resolve(answer(params));
      },
    };
  }

  /** Installs what handles the webview's commands and answers its requests. */
  serve(handlers: PanelHandlers<P>): void {
    this.handlers = handlers;
    const answers: Record<string, (params: unknown) => Promise<unknown>> = {};
    for (const [method, answer] of Object.entries((handlers.requests ?? {}) as Record<string, (params: unknown) => unknown>)) {
      answers[method] = async (params) => {
        try {
          const response = await answer(params);
          keep(this.answered, { method, params, response } as Answered<P['requests']>);
          return response;
        } catch (error) {
          keep(this.answered, { method, params, error: error instanceof Error ? error.message : String(error) } as Answered<P['requests']>);
          throw error;
        }
      };
    }
    this.channel.answers = answers as IpcAnswers<P['requests']>;
  }

  post(message: P['notifications']): void {
    keep(this.posted, message);
    this.channel.post(message);
  }

  /** Asks the webview; its answer, or a rejection after `timeoutMs` or when the panel closes. */
  request<K extends keyof P['hostRequests'] & string>(method: K, params: P['hostRequests'][K]['params'], timeoutMs?: number): Promise<P['hostRequests'][K]['response']> {
    return this.channel.request(method, params, timeoutMs);
  }

  get title(): string {
    return this.panel.title;
  }

  set title(title: string) {
    this.panel.title = title;
  }

  get visible(): boolean {
    return this.panel.visible;
  }

  /** The panel was shown, hidden or moved; the listener goes with the panel. */
  onDidChangeViewState(listener: () => void): void {
    this.disposables.push(this.panel.onDidChangeViewState(listener));
  }

  /** Closes the panel: its work is stopped, its listeners disposed, waiting requests rejected. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.closed();
    this.channel.close();
    this.handlers?.disposed?.();
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

/** A panel's controller: handles its webview's commands, posts to it, closes with it. */
/** What a panel that lists across the chosen regions and asks questions needs from its feature. */
export interface PanelDeps {
  readonly extensionUri: vscode.Uri;
  readonly pool: () => Promise<ClientPool>;
  readonly input: () => InputSeam;
  readonly regions: () => readonly string[];
}

export abstract class HostedPanel<P extends IpcProtocol> implements vscode.Disposable {
  readonly probe: PanelProbe<P>;

  protected constructor(
    protected readonly host: PanelHost<P>,
    requests?: IpcAnswers<P['requests']>,
  ) {
    this.probe = host.probe;
    host.serve({
      command: (message) => this.receive(message),
      requests,
      disposed: () => {
        this.operation?.abort();
        this.closed();
      },
    });
  }

  private operation: AbortController | undefined;

  /** Starts the panel's one cancellable operation, cancelling the one before; closing the panel cancels it too. */
  protected beginOperation(): AbortController {
    this.operation?.abort();
    return (this.operation = new AbortController());
  }

  /** The webview's Cancel: stops the operation under way. */
  protected cancelOperation(): void {
    this.operation?.abort();
  }

  /** A command from the webview (or from a test playing it). */
  protected abstract receive(message: P['commands']): Promise<void>;

  /** The panel is closing: stop what is under way. */
  protected closed(): void {}

  protected post(message: P['notifications']): void {
    this.host.post(message);
  }

  dispose(): void {
    this.host.dispose();
  }
}

function keep<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > PROBE_KEEPS) list.shift();
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri, entry: string, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', file));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset(`${entry}.css`)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<div id="app"></div>
${l10nBlock()}<script nonce="${nonce}" src="${asset(`${entry}.js`)}"></script>
</body>
</html>`;
}

// The translated strings for webview-ui/shared/l10n.ts: a data block (never executed, so
// outside the CSP), `<` escaped so no string can close it. Nothing in English.
function l10nBlock(): string {
  const bundle = vscode.l10n.bundle;
  return bundle ? `<script type="application/json" data-l10n>${JSON.stringify(bundle).replace(/</g, '\\u003c')}</script>\n` : '';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
