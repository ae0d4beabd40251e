// Drift and Explainability: open the panels from an endpoint or deployed-model node, or
// from the palette (Explain also from the editor selection or a JSON file).
import * as vscode from 'vscode';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import { DriftPanel, type DriftTarget } from './driftPanel';
import { ExplainPanel, firstInstance, type ExplainStart } from '../explain/api';
import type { TreeNode } from '../trees/api';
import type { DeployedModel, Endpoint } from '../../vertex/types';

export function driftCommands(ctx: FeatureContext): CommandHandlers {
  const deps = { extensionUri: ctx.host.context.extensionUri, pool: ctx.pool, input: () => ctx.input(), regions: () => ctx.host.settings().regions };
  return {
    'vertexGenAi.openDrift': async (node?: unknown) => DriftPanel.show(deps, driftTarget(node as TreeNode | undefined)),
    'vertexGenAi.explain': async (node?: unknown) => {
      const target = nodeTarget(node as TreeNode | undefined);
      return ExplainPanel.show(deps, { ...target, ...editorInstance() });
    },
  };
}

function driftTarget(node: TreeNode | undefined): DriftTarget {
  if (node?.type !== 'resource') return {};
  if (node.kind === 'endpoint') {
    const e = node.value as Endpoint;
    return { endpoint: e.name, models: e.deployedModels.map((d) => `${d.model}@${d.modelVersionId}`) };
  }
  if (node.kind === 'deployedModel' && node.parent?.type === 'resource') {
    const d = node.value as DeployedModel;
    return { endpoint: (node.parent.value as Endpoint).name, models: [`${d.model}@${d.modelVersionId}`] };
  }
  return {};
}

function nodeTarget(node: TreeNode | undefined): Pick<ExplainStart, 'endpoint' | 'deployedModelId'> {
  if (node?.type !== 'resource') return {};
  if (node.kind === 'endpoint') return { endpoint: (node.value as Endpoint).name };
  if (node.kind === 'deployedModel' && node.parent?.type === 'resource') {
    return { endpoint: (node.parent.value as Endpoint).name, deployedModelId: (node.value as DeployedModel).id };
  }
  return {};
}

/** The selection (a JSON instance, else a prompt), or a whole JSON document: the instance to start from. */
function editorInstance(): Pick<ExplainStart, 'instance' | 'origin'> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return {};
  const origin = vscode.workspace.asRelativePath(editor.document.uri);
  const selected = editor.document.getText(editor.selection).trim();
  if (selected) {
    try {
      return { instance: firstInstance(selected), origin: vscode.l10n.t('selection in {0}', origin) };
    } catch {
      return { instance: JSON.stringify({ prompt: selected }, null, 2), origin: vscode.l10n.t('selection in {0}', origin) };
    }
  }
  if (/\.jsonl?$/i.test(editor.document.fileName)) {
    try {
      return { instance: firstInstance(editor.document.getText()), origin };
    } catch {
      return {};
    }
  }
  return {};
}
