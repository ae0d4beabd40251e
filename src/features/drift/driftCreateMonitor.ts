// "Create monitor" from the Drift panel: three questions (name, training table, features),
// each checked before anything is sent; what was typed is kept for the next try.
import * as vscode from 'vscode';
import type { InputSeam } from '../../ui/inputSeam';
import { runFlow, type Step } from '../../ui/multiStepFlow';
import { tableReference } from './generativeDrift';
import type { ClientPool } from '../../vertex/clients';
import { createModelMonitor, type FeatureKind, type ModelMonitor } from '../../vertex/modelMonitoring';
import { resourceRegion } from '../../vertex/protoValues';

interface Answers {
  readonly name: string;
  readonly table: string;
  readonly features: string;
}

const remembered: { -readonly [K in keyof Answers]?: Answers[K] } = {};

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
  input: InputSeam,
  pool: () => Promise<ClientPool>,
  model: string,
  like: ModelMonitor | undefined,
  signal: AbortSignal,
  report: (message: string) => void,
): Promise<ModelMonitor | undefined> {
  const modelId = model.slice(model.lastIndexOf('/') + 1).split('@')[0];
  const steps: Step<Answers>[] = [
    {
      kind: 'text', id: 'name', title: vscode.l10n.t('Create Model Monitor'),
      prompt: () => vscode.l10n.t('Display name of the monitor'),
      value: (s) => s.name,
      validate: (v) => (!v.trim() ? vscode.l10n.t('Enter a name.') : v.length > 128 ? vscode.l10n.t('At most 128 characters.') : undefined),
      apply: (s, name) => ({ ...s, name }),
    },
    {
      kind: 'text', id: 'table', title: vscode.l10n.t('Create Model Monitor'),
      prompt: () => vscode.l10n.t('BigQuery table with the training data: the baseline drift is measured against'),
      placeholder: 'bq://project.dataset.table',
      value: (s) => s.table,
      validate: (v) => {
        try {
          tableReference(v);
          return undefined;
        } catch (error) {
          return (error as Error).message;
        }
      },
      apply: (s, table) => ({ ...s, table }),
    },
    {
      kind: 'text', id: 'features', title: vscode.l10n.t('Create Model Monitor'),
      prompt: () => vscode.l10n.t('Features to monitor, comma-separated: name:numeric or name:categorical'),
      value: (s) => s.features,
      validate: (v) => parseFeatureList(v).problem,
      apply: (s, features) => ({ ...s, features }),
    },
  ];
  const defaultName = `model-${modelId}-monitor`;
  const result = await runFlow(input, steps, {
    name: remembered.name ?? defaultName,
    table: remembered.table ?? '',
    features: remembered.features ?? like?.features.map((f) => `${f.name}:${f.kind}`).join(', ') ?? '',
  });
  // Kept for the next try; the default name is the model's, not one to carry to another model.
  Object.assign(remembered, result.state, { name: result.state.name === defaultName ? undefined : result.state.name });
  if (result.status === 'cancelled') return undefined;
  const { name, table, features } = result.state;
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
