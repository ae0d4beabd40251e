// Model Registry commands: upload a version (new model or new version of a model),
// aliases (add, move, remove; `default` only moves), labels, compare two versions in
// the diff editor, delete a version (asks first; Google refuses while it is deployed).
import * as vscode from 'vscode';
import { modelFrom } from '../deploy/api';
import { detailsUri } from '../trees/api';
import type { CommandHandlers, FeatureContext } from '../../core/contracts';
import type { PickOption } from '../../ui/inputSeam';
import { pickModelVersion } from '../../ui/pickers';
import { runFlow, type Step } from '../../ui/multiStepFlow';
import { reviewStep } from '../../ui/reviewStep';
import { aliasProblem, artifactUriProblem, imageUriProblem, removeAliasProblem } from './registryRules';
import { formatLabels, parseLabels } from '../../common/labels';
import type { ClientPool } from '../../vertex/clients';
import { curlCommand } from '../../vertex/curlCommand';
import { vertexRestUrl } from '../../vertex/connection';
import { resourceRegion } from '../../vertex/protoValues';
import { deleteModelVersion, getModelVersion, getModelVersionRaw, mergeVersionAliases, setLabels, uploadBody, uploadModelVersion, type UploadVersion } from '../../vertex/registry';
import { listAcrossRegions } from '../../vertex/multiRegion';
import { listModels, listModelVersions } from '../../vertex/resources';
import type { Model } from '../../vertex/types';
import { withCancellableProgress } from '../../ui/progress';

export function registryCommands(ctx: FeatureContext): CommandHandlers {
  return {
    'vertexGenAi.uploadModelVersion': (target?: unknown) => uploadCommand(ctx, target),
    'vertexGenAi.editAliases': (target?: unknown) => aliasesCommand(ctx, target),
    'vertexGenAi.editLabels': (target?: unknown) => labelsCommand(ctx, target),
    'vertexGenAi.compareVersions': (target?: unknown, other?: unknown) => compareCommand(ctx, target, other),
    'vertexGenAi.deleteModelVersion': (target?: unknown) => deleteVersionCommand(ctx, target),
  };
}

type UploadState = UploadVersion & { readonly confirmed: boolean };

async function uploadCommand(ctx: FeatureContext, target: unknown): Promise<string | undefined> {
  const pool = await ctx.pool();
  const given = modelFrom(target)?.split('@')[0];
  const parent = given ? await getModelVersionRaw(pool, given) : undefined;
  const regions = ctx.host.settings().regions;
  const steps: Step<UploadState>[] = [
    {
      kind: 'pick', id: 'parent', title: vscode.l10n.t('Upload: new model or new version'), skip: () => Boolean(given),
      options: async () => [
        { label: vscode.l10n.t('$(add) New model'), value: '' },
        ...(await allModels(pool, regions)).map((m) => ({ label: m.displayName, value: m.name, description: vscode.l10n.t('new version of this model · {0}', m.region) })),
      ],
      apply: (s, [model]) => ({ ...s, parentModel: String(model) || undefined, region: model ? resourceRegion(String(model)) : s.region }),
    },
    {
      kind: 'pick', id: 'region', title: vscode.l10n.t('Upload: region'), skip: (s) => Boolean(s.parentModel),
      options: () => regions.map((r) => ({ label: r, value: r })),
      apply: (s, [region]) => ({ ...s, region: String(region) }),
    },
    {
      kind: 'text', id: 'displayName', title: vscode.l10n.t('Upload: display name'), value: (s) => s.displayName,
      validate: (text) => (text.trim() ? undefined : vscode.l10n.t('Enter a display name.')),
      apply: (s, text) => ({ ...s, displayName: text.trim() }),
    },
    {
      kind: 'text', id: 'artifactUri', title: vscode.l10n.t('Upload: model artifacts (Cloud Storage folder)'), placeholder: 'gs://bucket/path/',
      value: (s) => s.artifactUri, validate: (text) => artifactUriProblem(text), apply: (s, text) => ({ ...s, artifactUri: text.trim() }),
    },
    {
      kind: 'text', id: 'imageUri', title: vscode.l10n.t('Upload: serving container image'),
      value: (s) => s.imageUri, validate: (text) => imageUriProblem(text), apply: (s, text) => ({ ...s, imageUri: text.trim() }),
    },
    reviewStep<UploadState>({
      title: vscode.l10n.t('Upload: review'),
      confirmLabel: vscode.l10n.t('Upload'),
      fields: (s) => [
        { label: vscode.l10n.t('Model'), value: s.parentModel ? vscode.l10n.t('new version of {0}', s.parentModel) : vscode.l10n.t('new model in {0}', s.region), step: 'parent' },
        { label: vscode.l10n.t('Display name'), value: s.displayName, step: 'displayName' },
        { label: vscode.l10n.t('Artifacts'), value: s.artifactUri, step: 'artifactUri' },
        { label: vscode.l10n.t('Container'), value: s.imageUri, step: 'imageUri' },
      ],
      actions: [{
        label: vscode.l10n.t('$(terminal) Show the REST request (curl)'),
        run: async (s) => {
          const { parent: location, ...body } = uploadBody(s, pool.connection.project);
          const call = curlCommand({ method: 'POST', url: vertexRestUrl(s.region, `${location}/models:upload`), body });
          await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'shellscript', content: `${call}\n` }), { preview: true });
        },
      }],
      confirm: (s) => ({ ...s, confirmed: true }),
    }),
  ];
  const initial: UploadState = {
    region: parent ? resourceRegion(String(parent.name)) : regions[0],
    parentModel: given,
    displayName: String(parent?.displayName ?? ''),
    artifactUri: '',
    imageUri: String(parent?.containerSpec?.imageUri ?? ''),
    confirmed: false,
  };
  const result = await runFlow(ctx.input(), steps, initial);
  if (result.status === 'cancelled') return undefined;
  const version = await withCancellableProgress(vscode.l10n.t('Uploading {0}', result.state.displayName), (signal) =>
    uploadModelVersion(pool, result.state, { signal, pollInitialMs: 200, pollMaxMs: 5_000 }),
  );
  ctx.refresh('vertexGenAi.registry');
  void vscode.window.showInformationMessage(vscode.l10n.t('Uploaded {0}.', version));
  return version;
}

type AliasChoice = { readonly kind: 'add' } | { readonly kind: 'remove'; readonly alias: string };

async function aliasesCommand(ctx: FeatureContext, target: unknown): Promise<Model | undefined> {
  const pool = await ctx.pool();
  const name = await pickVersion(ctx, pool, target, vscode.l10n.t('Aliases: model version'));
  if (!name) return undefined;
  const version = await getModelVersion(pool, name);
  const seam = ctx.input();
  const options: PickOption<AliasChoice>[] = [
    { label: vscode.l10n.t('$(add) Add or move an alias to version {0}…', version.versionId), value: { kind: 'add' } },
    ...version.versionAliases.map((alias) => ({
      label: vscode.l10n.t('$(trash) Remove "{0}"', alias), value: { kind: 'remove', alias } as AliasChoice,
      description: alias === 'default' ? vscode.l10n.t('cannot be removed, only moved') : undefined,
    })),
  ];
  const title = vscode.l10n.t('Aliases of {0} version {1}: {2}', version.displayName, version.versionId, version.versionAliases.join(', ') || '—');
  const picked = await seam.pick({
    id: 'aliasAction', title, step: 1, totalSteps: 2, canGoBack: false, options,
    validate: ([c]) => (c?.kind === 'remove' ? removeAliasProblem(c.alias) : undefined),
  });
  if (picked.kind !== 'value') return undefined;
  const choice = picked.value[0];
  let change: string;
  if (choice.kind === 'remove') change = `-${choice.alias}`;
  else {
    const typed = await seam.text({
      id: 'alias', title: vscode.l10n.t('Alias to add — another version holding it loses it'), step: 2, totalSteps: 2, canGoBack: false, value: '',
      validate: (text) => aliasProblem(text),
    });
    if (typed.kind !== 'value') return undefined;
    change = typed.value.trim();
  }
  const updated = await mergeVersionAliases(pool, name, [change]);
  ctx.refresh('vertexGenAi.registry');
  return updated;
}

async function labelsCommand(ctx: FeatureContext, target: unknown): Promise<Model | undefined> {
  const pool = await ctx.pool();
  const name = await pickVersion(ctx, pool, target, vscode.l10n.t('Labels: model version'));
  if (!name) return undefined;
  const version = await getModelVersion(pool, name);
  const typed = await ctx.input().text({
    id: 'labels', title: vscode.l10n.t('Labels of {0} version {1} — key=value, comma-separated', version.displayName, version.versionId), step: 1, totalSteps: 1, canGoBack: false,
    value: formatLabels(version.labels),
    validate: (text) => { const l = parseLabels(text); return 'problem' in l ? l.problem : undefined; },
  });
  if (typed.kind !== 'value') return undefined;
  const updated = await setLabels(pool, name, (parseLabels(typed.value) as { labels: Record<string, string> }).labels);
  ctx.refresh('vertexGenAi.registry');
  return updated;
}

async function compareCommand(ctx: FeatureContext, target: unknown, other: unknown): Promise<readonly [string, string] | undefined> {
  const pool = await ctx.pool();
  const left = await pickVersion(ctx, pool, target, vscode.l10n.t('Compare: first version'));
  if (!left) return undefined;
  let right = typeof other === 'string' ? other : undefined;
  if (!right) {
    const versions = (await listModelVersions(pool, left.split('@')[0])).items.filter((v) => `${v.name}@${v.versionId}` !== left);
    const answer = await ctx.input().pick({
      id: 'other', title: vscode.l10n.t('Compare with version'), step: 1, totalSteps: 1, canGoBack: false,
      options: versions.map((v) => ({ label: `@${v.versionId}`, value: `${v.name}@${v.versionId}`, description: v.versionAliases.join(', ') })),
    });
    if (answer.kind !== 'value') return undefined;
    right = answer.value[0];
  }
  const label = (n: string) => `@${n.split('@')[1] ?? ''}`;
  await vscode.commands.executeCommand('vscode.diff', detailsUri(left), detailsUri(right), vscode.l10n.t('{0} ↔ {1}', label(left), label(right)));
  return [left, right];
}

async function deleteVersionCommand(ctx: FeatureContext, target: unknown): Promise<boolean> {
  const pool = await ctx.pool();
  const name = await pickVersion(ctx, pool, target, vscode.l10n.t('Delete: model version'));
  if (!name) return false;
  const version = await getModelVersion(pool, name);
  const go = vscode.l10n.t('Delete Version');
  const detail = vscode.l10n.t('{0} version {1}{2}. This cannot be undone.', version.displayName, version.versionId, version.versionAliases.length ? ` (${version.versionAliases.join(', ')})` : '');
  if (!(await ctx.input().confirm({ message: vscode.l10n.t('Delete version {0} of {1}?', version.versionId, version.displayName), detail, action: go }))) return false;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting version {0}', version.versionId) }, () =>
    deleteModelVersion(pool, name, { pollInitialMs: 200, pollMaxMs: 5_000 }),
  );
  ctx.refresh('vertexGenAi.registry');
  return true;
}

/** `…/models/M@V` from the target (a model means its default version), or picked. */
async function pickVersion(ctx: FeatureContext, pool: ClientPool, target: unknown, title: string): Promise<string | undefined> {
  const given = modelFrom(target);
  if (given) return given.includes('@') ? given : `${given}@${(await getModelVersion(pool, given)).versionId}`;
  return pickModelVersion(ctx.input(), pool, ctx.host.settings().regions, { title });
}

async function allModels(pool: ClientPool, regions: readonly string[]): Promise<Model[]> {
  return (await listAcrossRegions(regions, (region) => listModels(pool, { region }))).flatMap((r) => (r.ok ? r.page.items : []));
}
