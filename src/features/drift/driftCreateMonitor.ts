// "Create monitor" from the Drift panel: three questions (name, training table, features),
// each checked before anything is sent; what was typed is kept for the next try.
import * as vscode from 'vscode';
import { tableReference } from './generativeDrift';
import type { ClientPool } from '../../vertex/clients';
import { createModelMonitor, type FeatureKind, type ModelMonitor } from '../../vertex/modelMonitoring';
import { resourceRegion } from '../../vertex/protoValues';

const remembered: { name?: string; table?: string; features?: string } = {};

/** Vertex's default alert threshold for both kinds of feature. */
const DEFAULT_THRESHOLD = 0.3;

export function parseFeatureList(text: string): { features?: { name: string; kind: FeatureKind }[]; problem?: string } {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return { problem: vscode.l10n.t('List at least one feature, e.g. amount:numeric, merchant_category:categorical.') };
  const features: { name: string; kind: FeatureKind }[] = [];
  for (const part of parts) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(numeric|categorical)$/.exec(part);
    if (!m) return { problem: vscode.l10n.t('"{0}" is not name:numeric or name:categorical.', part) };
    if (features.some((f) => f.name === m[1])) return { problem: vscode.l10n.t('"{0}" is listed twice.', m[1]) };
    features.push({ name: m[1], kind: m[2] as FeatureKind });
  }
  return { features };
}

export async function createMonitorInteractively(
  pool: () => Promise<ClientPool>,
  model: string,
  like: ModelMonitor | undefined,
  signal: AbortSignal,
  report: (message: string) => void,
): Promise<ModelMonitor | undefined> {
  const modelId = model.slice(model.lastIndexOf('/') + 1).split('@')[0];
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Model Monitor (1/3)'),
    prompt: vscode.l10n.t('Display name of the monitor'),
    value: remembered.name ?? `model-${modelId}-monitor`,
    ignoreFocusOut: true,
    validateInput: (v) => (!v.trim() ? vscode.l10n.t('Enter a name.') : v.length > 128 ? vscode.l10n.t('At most 128 characters.') : undefined),
  });
  if (name === undefined) return undefined;
  remembered.name = name;
  const table = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Model Monitor (2/3)'),
    prompt: vscode.l10n.t('BigQuery table with the training data: the baseline drift is measured against'),
    placeHolder: 'bq://project.dataset.table',
    value: remembered.table ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => {
      try {
        tableReference(v);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  if (table === undefined) return undefined;
  remembered.table = table;
  const features = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create Model Monitor (3/3)'),
    prompt: vscode.l10n.t('Features to monitor, comma-separated: name:numeric or name:categorical'),
    value: remembered.features ?? like?.features.map((f) => `${f.name}:${f.kind}`).join(', ') ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => parseFeatureList(v).problem,
  });
  if (features === undefined) return undefined;
  remembered.features = features;
  report(vscode.l10n.t('waiting for Vertex AI'));
  const monitor = await createModelMonitor(
    await pool(),
    {
      region: resourceRegion(model),
      displayName: name.trim(),
      model: model.split('@')[0],
      modelVersionId: model.split('@')[1] ?? like?.modelVersionId ?? '1',
      trainingTable: `bq://${tableReference(table).slice(1, -1)}`,
      features: parseFeatureList(features).features ?? [],
      numericThreshold: DEFAULT_THRESHOLD,
      categoricalThreshold: DEFAULT_THRESHOLD,
    },
    { signal },
  );
  // Created: the next monitor starts from fresh answers.
  delete remembered.name;
  return monitor;
}
