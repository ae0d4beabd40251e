// The webview apps' `l10n.t`: webview-ui/tsconfig.json maps `@vscode/l10n` to this file (tsc
// and esbuild both follow it), so `l10n.t('…')` calls in webview-ui are found by `npm run l10n`
// like the host's, and look up the strings the host put in the page (webviewHtml.ts: a JSON
// data block). No page (unit tests), no block or no entry: the English text.
type Args = Array<string | number | boolean> | [Record<string, string | number | boolean>];

let bundle: Record<string, string | { message: string }> | undefined;

function strings(): Record<string, string | { message: string }> {
  if (!bundle) {
    const block = typeof document === 'undefined' ? null : document.querySelector('script[type="application/json"][data-l10n]');
    try {
      bundle = block?.textContent ? JSON.parse(block.textContent) : {};
    } catch {
      bundle = {};
    }
  }
  return bundle ?? {};
}

/** The translation of `message` with `{0}`, `{1}`… (or `{name}` from one record) filled in, as @vscode/l10n does. */
export function t(message: string, ...args: Args): string {
  const entry = strings()[message];
  const template = typeof entry === 'string' ? entry : (entry?.message ?? message);
  const values: Record<string, unknown> = args.length === 1 && typeof args[0] === 'object' ? args[0] : { ...args };
  if (Object.keys(values).length === 0) return template;
  return template.replace(/{([^}]+)}/g, (match, key: string) => String(values[key] ?? match));
}
