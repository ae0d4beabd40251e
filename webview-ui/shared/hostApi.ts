// The webview's end of its panel's conversation (src/common/ipc.ts): typed commands to the
// host, requests answered by id, dispatch of what the host sends, and the saved state.
import { IpcChannel, type IpcAnswers, type IpcEnvelope, type IpcProtocol, type WebviewSide } from '../../src/common/ipc';

declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
};

export interface Host<P extends IpcProtocol, State> {
  post(command: P['commands']): void;
  /** Asks the host; rejects with its one-sentence error. */
  request<K extends keyof P['requests'] & string>(method: K, params: P['requests'][K]['params']): Promise<P['requests'][K]['response']>;
  /** What the host sends. */
  onMessage(handler: (message: P['notifications']) => void): void;
  /** How this webview answers the host's requests. */
  answer(answers: IpcAnswers<P['hostRequests']>): void;
  getState(): State | undefined;
  setState(state: State): void;
}

export function connectHost<P extends IpcProtocol, State = undefined>(): Host<P, State> {
  const api = acquireVsCodeApi();
  const channel = new IpcChannel<WebviewSide<P>>((envelope) => api.postMessage(envelope));
  window.addEventListener('message', (event: MessageEvent) => void channel.receive(event.data as IpcEnvelope));
  return {
    post: (command) => channel.post(command),
    request: (method, params) => channel.request(method, params),
    onMessage: (handler) => {
      channel.onMessage = handler;
    },
    answer: (answers) => {
      channel.answers = answers;
    },
    getState: () => api.getState() as State | undefined,
    setState: (state) => api.setState(state),
  };
}
