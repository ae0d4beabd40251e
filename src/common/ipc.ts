// Messages between a panel's host and its webview, the same on both sides (no vscode, no
// DOM). A protocol names four kinds, as GitLens' IPC does: commands (webview → host) and
// notifications (host → webview) are fire-and-forget `{ type }` messages; requests expect
// an answer: each carries an id, and its response carries the same id.

/** A question and the type of its answer. */
export interface IpcRequestType<Params = unknown, Response = unknown> {
  readonly params: Params;
  readonly response: Response;
}

export type IpcRequests = { readonly [method: string]: IpcRequestType };

/** What one panel and its webview say to each other. */
export interface IpcProtocol {
  /** Webview → host. */
  readonly commands: { readonly type: string };
  /** Host → webview. */
  readonly notifications: { readonly type: string };
  /** The webview asks, the host answers. */
  readonly requests: IpcRequests;
  /** The host asks, the webview answers. */
  readonly hostRequests: IpcRequests;
}

/** One side's view of a protocol: what it sends and receives, what it asks and answers. */
export interface IpcSide {
  readonly send: { readonly type: string };
  readonly receive: { readonly type: string };
  readonly ask: IpcRequests;
  readonly answer: IpcRequests;
}
export type HostSide<P extends IpcProtocol> = { send: P['notifications']; receive: P['commands']; ask: P['hostRequests']; answer: P['requests'] };
export type WebviewSide<P extends IpcProtocol> = { send: P['commands']; receive: P['notifications']; ask: P['requests']; answer: P['hostRequests'] };

/** The handlers that answer a side's requests, one per method. */
export type IpcAnswers<R extends IpcRequests> = { readonly [K in keyof R]: (params: R[K]['params']) => Promise<R[K]['response']> | R[K]['response'] };

/** On the wire. A response's id is its request's. */
export type IpcEnvelope =
  | { readonly kind: 'message'; readonly message: { readonly type: string } }
  | { readonly kind: 'request'; readonly id: number; readonly method: string; readonly params: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'response'; readonly id: number; readonly ok: false; readonly error: string };

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: ReturnType<typeof setTimeout>;
}

/** One end of the conversation: typed sends, requests paired with their responses by id, dispatch of what arrives. */
export class IpcChannel<S extends IpcSide> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;
  onMessage: (message: S['receive']) => unknown = () => undefined;
  answers: Partial<IpcAnswers<S['answer']>> = {};

  constructor(private readonly transmit: (envelope: IpcEnvelope) => void) {}

  post(message: S['send']): void {
    if (!this.closed) this.transmit({ kind: 'message', message });
  }

  /** Asks the other side; rejects with its error, after `timeoutMs` when given, or when the channel closes. */
  request<K extends keyof S['ask'] & string>(method: K, params: S['ask'][K]['params'], timeoutMs?: number): Promise<S['ask'][K]['response']> {
    if (this.closed) return Promise.reject(new Error(`${method}: the panel is closed.`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const pending: Pending = { resolve, reject };
      if (timeoutMs !== undefined) {
        pending.timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new Error(`${method}: no answer within ${timeoutMs} ms.`));
        }, timeoutMs);
      }
      this.pending.set(id, pending);
      this.transmit({ kind: 'request', id, method, params });
    });
  }

  /** Handles one envelope from the other side; resolves when its handler has finished. */
  async receive(envelope: IpcEnvelope): Promise<void> {
    switch (envelope.kind) {
      case 'message':
        await this.onMessage(envelope.message as S['receive']);
        return;
      case 'response': {
        const pending = this.pending.get(envelope.id);
        if (!pending) return;
        this.pending.delete(envelope.id);
        clearTimeout(pending.timer);
        if (envelope.ok) pending.resolve(envelope.value);
        else pending.reject(new Error(envelope.error));
        return;
      }
      case 'request': {
        const { id, method } = envelope;
        const answer = this.answers[method as keyof S['answer']] as ((params: unknown) => unknown) | undefined;
        try {
          if (!answer) throw new Error(`No handler answers ${method}.`);
          const value = await answer(envelope.params);
          if (!this.closed) this.transmit({ kind: 'response', id, ok: true, value });
        } catch (error) {
          if (!this.closed) this.transmit({ kind: 'response', id, ok: false, error: error instanceof Error ? error.message : String(error) });
        }
        return;
      }
    }
  }

  /** Nothing more is sent; requests still waiting are rejected. */
  close(): void {
    this.closed = true;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new Error(`Request ${id}: the panel closed before it was answered.`));
    }
    this.pending.clear();
  }
}
