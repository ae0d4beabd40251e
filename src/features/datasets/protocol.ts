// Messages between the row preview panel (host) and its webview. Types only: no
// vscode, no DOM, so both sides import them with `import type`.
import type { IpcRequestType } from '../../common/ipc';

export interface PreviewColumn {
  readonly name: string;
  /** BigQuery type: STRING, INTEGER, RECORD, … */
  readonly type: string;
  /** NULLABLE, REQUIRED or REPEATED. */
  readonly mode: string;
  readonly description?: string;
}

/** A cell as shown: null is SQL NULL (not ''), nested values arrive as compact JSON. */
export type PreviewCell = string | null;

export type HostMessage =
  | { readonly type: 'table'; readonly title: string; readonly uri: string; readonly columns: readonly PreviewColumn[]; readonly totalRows: number }
  /** The table could not be opened: one sentence, and the panel offers Retry. */
  | { readonly type: 'error'; readonly message: string };

export type WebviewMessage =
  | { readonly type: 'ready' }
  /** Opens the table again after an error. */
  | { readonly type: 'retry' };

export interface RowPreviewProtocol {
  readonly commands: WebviewMessage;
  readonly notifications: HostMessage;
  /** Rows [start, start + count); a failure rejects with one sentence. */
  readonly requests: { readonly rows: IpcRequestType<{ readonly start: number; readonly count: number }, readonly (readonly PreviewCell[])[]> };
  readonly hostRequests: Record<never, never>;
}
