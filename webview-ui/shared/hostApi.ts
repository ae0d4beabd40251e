// Typed access to the host from a webview.
declare function acquireVsCodeApi(): {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
};

export interface Host<Out, In, State> {
  post(message: Out): void;
  onMessage(handler: (message: In) => void): void;
  getState(): State | undefined;
  setState(state: State): void;
}

export function connectHost<Out, In, State>(): Host<Out, In, State> {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    onMessage: (handler) => window.addEventListener('message', (event: MessageEvent) => handler(event.data as In)),
    getState: () => api.getState() as State | undefined,
    setState: (state) => api.setState(state),
  };
}
