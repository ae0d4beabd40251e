// The vscode-free modules (linter, flows, request checks, error texts) translate with
// @vscode/l10n; in the editor it reads the bundle VS Code already loaded for the display
// language (no file or network read). Each bundled chunk carries its own copy of
// @vscode/l10n, so each chunk entry imports this file first, before any module whose
// top level might translate. Outside the editor (the CLI, unit tests) nothing configures
// @vscode/l10n and it falls back to English.
import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';

if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
