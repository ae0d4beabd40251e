// The HTML shell every panel uses: a strict CSP, nonce'd scripts, and only the
// extension's own built files as resources.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, entry: string, title: string): string {
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
