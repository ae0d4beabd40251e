// The deploy flow's steps, over the input seam: version, regions, endpoint (existing
// or new: shared public, dedicated or private), machine (checked against every chosen
// region), replicas, autoscaling, spot, traffic share, logging, review. Data comes in
// through `FlowData`, so the flow runs the same in the quick input and in tests.
import * as l10n from '@vscode/l10n';
import type { PickOption } from '../../ui/inputSeam';
import type { Step } from '../../ui/multiStepFlow';
import { reviewStep, type ReviewAction } from '../../ui/reviewStep';
import type { Endpoint } from '../../vertex/types';
import { resourceId, resourceRegion } from '../../vertex/protoValues';
import { VERTEX_REGIONS } from '../../vertex/regions';
import {
  hasAccelerator, loggingTableProblem, MACHINE_CHOICES, machineLabel, machineProblem, parseReplicas, targetProblem,
  type Autoscaling, type DeployAnswers, type EndpointChoice, type MachineChoice,
} from './deployRequest';
import { parsePercent, parseSplit, splitForNew, currentSplit, type Deployment } from './trafficMath';

export interface FlowData {
  /** Model versions to deploy, `…/models/ID@N` as values. */
  versions(): Promise<readonly PickOption<string>[]>;
  endpoints(regions: readonly string[]): Promise<readonly Endpoint[]>;
  deployments(endpoint: string): Promise<readonly Deployment[]>;
  readonly actions: readonly ReviewAction<DeployAnswers>[];
  /** The version came from the tree: no version step. */
  readonly fixedVersion?: boolean;
}

export function initialAnswers(version = '', project = 'PROJECT', modelDisplayName = ''): DeployAnswers {
  const region = resourceRegion(version);
  return {
    version,
    modelDisplayName,
    regions: region ? [region] : [],
    endpoint: { kind: 'new' },
    endpointDisplayName: '',
    access: 'shared',
    machine: MACHINE_CHOICES[0],
    minReplicas: 1,
    maxReplicas: 1,
    autoscaling: 'default',
    target: 60,
    spot: false,
    share: 100,
    existingDeployments: [],
    loggingRate: 0,
    loggingTable: `bq://${project}.vertex_logs.requests`,
    confirmed: false,
  };
}

const NEW_LABEL = 'new';

export function deploySteps(data: FlowData): Step<DeployAnswers>[] {
  let versionOptions: readonly PickOption<string>[] = [];
  const isNew = (s: DeployAnswers) => s.endpoint.kind === 'new';
  return [
    {
      kind: 'pick', id: 'version', title: l10n.t('Deploy: model version'),
      skip: () => data.fixedVersion === true,
      options: async () => (versionOptions = await data.versions()),
      selected: (s) => (s.version ? [s.version] : []),
      // A region that could not be listed shows as a row without a version.
      validate: ([version]) => (version ? undefined : 'This region could not be listed: pick a version of another region.'),
      apply: (s, [version]) => ({
        ...s,
        version: String(version),
        regions: [resourceRegion(String(version))],
        modelDisplayName: versionOptions.find((o) => o.value === version)?.label.replace(/\s*@\d+$/, '') ?? s.modelDisplayName,
      }),
    },
    {
      kind: 'pick', id: 'regions', title: l10n.t('Deploy: regions — one endpoint per region'), canPickMany: true,
      placeholder: () => l10n.t('Pick one or several regions; the version is copied to the regions it is not in'),
      options: (s) => [...new Set([resourceRegion(s.version), ...s.regions, ...VERTEX_REGIONS])].filter(Boolean).map((r) => ({
        label: r, value: r, description: r === resourceRegion(s.version) ? l10n.t('the version is here') : undefined,
      })),
      selected: (s) => s.regions,
      validate: (values) => (values.length ? undefined : l10n.t('Pick at least one region.')),
      apply: (s, regions) => ({ ...s, regions: regions.map(String), endpoint: { kind: 'new' } }),
    },
    {
      kind: 'pick', id: 'endpoint', title: l10n.t('Deploy: endpoint'),
      options: async (s) => endpointOptions(await data.endpoints(s.regions), s.regions),
      apply: async (s, [choice]) => {
        const endpoint = choice as EndpointChoice;
        const one = endpoint.kind === 'existing' && s.regions.length === 1 ? endpoint.names[s.regions[0]] : undefined;
        const existingDeployments = one ? await data.deployments(one) : [];
        // A live endpoint keeps serving as it does until the person decides otherwise: 0% by default.
        const share = endpoint.kind === 'existing' ? 0 : 100;
        return { ...s, endpoint, existingDeployments, share, explicitSplit: undefined, endpointDisplayName: endpoint.kind === 'existing' ? endpoint.displayName : s.endpointDisplayName || `${s.modelDisplayName || resourceId(s.version).split('@')[0]}-endpoint` };
      },
    },
    {
      kind: 'text', id: 'endpointName', title: l10n.t('Deploy: name of the new endpoint'), skip: (s) => !isNew(s),
      value: (s) => s.endpointDisplayName,
      validate: (text) => (!text.trim() ? l10n.t('Enter a display name.') : text.length > 128 ? l10n.t('At most 128 characters.') : undefined),
      apply: (s, text) => ({ ...s, endpointDisplayName: text.trim() }),
    },
    {
      kind: 'pick', id: 'access', title: l10n.t('Deploy: how the new endpoint is reached'), skip: (s) => !isNew(s),
      options: () => [
        { label: l10n.t('Shared public endpoint'), value: 'shared', description: l10n.t('the regional aiplatform.googleapis.com host') },
        { label: l10n.t('Dedicated public endpoint'), value: 'dedicated', description: l10n.t('its own DNS name, isolated from other traffic') },
        { label: l10n.t('Private endpoint (Private Service Connect)'), value: 'private', description: l10n.t('reachable only from your VPC') },
      ],
      selected: (s) => [s.access],
      apply: (s, [access]) => ({ ...s, access: access as DeployAnswers['access'] }),
    },
    {
      kind: 'pick', id: 'machine', title: l10n.t('Deploy: machine and accelerator'),
      placeholder: (s) => (s.regions.length > 1 ? l10n.t('Checked against what {0} offer', s.regions.join(', ')) : l10n.t('Checked against what {0} offers', s.regions.join(', '))),
      options: (s) => MACHINE_CHOICES.map((m) => ({ label: machineLabel(m), value: m, description: machineProblem(m, s.regions) ? l10n.t('not offered in {0}', String(machineProblem(m, s.regions)?.split(':')[0])) : undefined })),
      selected: (s) => [s.machine],
      validate: ([m], s) => machineProblem(m as MachineChoice, s.regions),
      apply: (s, [m]) => {
        const machine = m as MachineChoice;
        return { ...s, machine, autoscaling: !hasAccelerator(machine) && s.autoscaling === 'dutyCycle' ? 'default' : s.autoscaling };
      },
    },
    {
      kind: 'text', id: 'replicas', title: l10n.t('Deploy: replicas, min-max'), placeholder: '1-3',
      prompt: () => l10n.t('Minimum and maximum replica count, e.g. 1-3; one number for a fixed size'),
      value: (s) => (s.minReplicas === s.maxReplicas ? String(s.minReplicas) : `${s.minReplicas}-${s.maxReplicas}`),
      validate: (text) => { const r = parseReplicas(text); return typeof r === 'string' ? r : undefined; },
      apply: (s, text) => { const r = parseReplicas(text) as { min: number; max: number }; return { ...s, minReplicas: r.min, maxReplicas: r.max }; },
    },
    {
      kind: 'pick', id: 'autoscaling', title: l10n.t('Deploy: autoscaling target'),
      options: (s) => [
        { label: l10n.t('Default (CPU utilisation 60%)'), value: 'default' as Autoscaling },
        { label: l10n.t('CPU utilisation'), value: 'cpu' as Autoscaling },
        ...(hasAccelerator(s.machine) ? [{ label: l10n.t('Accelerator duty cycle'), value: 'dutyCycle' as Autoscaling }] : []),
        { label: l10n.t('Requests per replica (per minute)'), value: 'requests' as Autoscaling },
      ],
      selected: (s) => [s.autoscaling],
      apply: (s, [a]) => ({ ...s, autoscaling: a as Autoscaling, target: a === 'requests' ? (s.autoscaling === 'requests' ? s.target : 600) : s.autoscaling === 'requests' ? 60 : s.target }),
    },
    {
      kind: 'text', id: 'target', title: l10n.t('Deploy: autoscaling target value'), skip: (s) => s.autoscaling === 'default',
      prompt: (s) => (s.autoscaling === 'requests' ? l10n.t('Requests per minute per replica') : l10n.t('Target utilisation in percent (1–100)')),
      value: (s) => String(s.target),
      validate: (text, s) => targetProblem(s.autoscaling, text),
      apply: (s, text) => ({ ...s, target: Number(text.trim()) }),
    },
    {
      kind: 'pick', id: 'spot', title: l10n.t('Deploy: VM provisioning'),
      options: () => [
        { label: l10n.t('Standard VMs'), value: false },
        { label: l10n.t('Spot VMs'), value: true, description: l10n.t('cheaper, may be preempted') },
      ],
      selected: (s) => [s.spot],
      apply: (s, [spot]) => ({ ...s, spot: spot === true }),
    },
    {
      kind: 'text', id: 'share', title: l10n.t('Deploy: traffic for the new deployment'), skip: isNew,
      prompt: (s) => shareHint(s),
      value: (s) => String(s.share),
      validate: (text, s) => { const r = parseShare(text, s); return typeof r === 'string' ? r : undefined; },
      apply: (s, text) => {
        const r = parseShare(text, s) as { share: number; explicit?: Record<string, number> };
        return { ...s, share: r.share, explicitSplit: r.explicit };
      },
    },
    {
      kind: 'text', id: 'logging', title: l10n.t('Deploy: request-response logging to BigQuery'), skip: (s) => !isNew(s),
      prompt: () => l10n.t('Sampling rate from 0 to 1 (0 = no logging); logged requests feed monitoring'),
      value: (s) => String(s.loggingRate),
      validate: (text) => { const v = Number(text.trim()); return text.trim() && v >= 0 && v <= 1 ? undefined : l10n.t('Enter a sampling rate from 0 to 1, e.g. 0.1 (0 turns logging off).'); },
      apply: (s, text) => ({ ...s, loggingRate: Number(text.trim()) }),
    },
    {
      kind: 'text', id: 'loggingTable', title: l10n.t('Deploy: BigQuery table for the logs'), skip: (s) => !isNew(s) || s.loggingRate === 0,
      value: (s) => s.loggingTable,
      validate: (text) => loggingTableProblem(text),
      apply: (s, text) => ({ ...s, loggingTable: text.trim() }),
    },
    reviewStep<DeployAnswers>({
      title: l10n.t('Deploy: review'),
      confirmLabel: l10n.t('Deploy'),
      fields: (s) => reviewFields(s),
      actions: data.actions,
      validate: (s) => machineProblem(s.machine, s.regions),
      confirm: (s) => ({ ...s, confirmed: true }),
    }),
  ];
}

export function reviewFields(s: DeployAnswers) {
  const endpoint = s.endpoint.kind === 'existing' ? l10n.t('{0} (existing)', s.endpointDisplayName) : l10n.t('{0} (new, {1})', s.endpointDisplayName, s.access);
  const autoscaling = s.autoscaling === 'default' ? l10n.t('default (CPU 60%)') : `${AUTOSCALING_LABELS[s.autoscaling]} ${s.target}${s.autoscaling === 'requests' ? ' per minute' : '%'}`;
  return [
    { label: l10n.t('Version'), value: versionLabel(s), step: 'version' },
    { label: l10n.t('Regions'), value: s.regions.join(', '), step: 'regions' },
    { label: l10n.t('Endpoint'), value: endpoint, step: 'endpoint' },
    { label: l10n.t('Machine'), value: machineLabel(s.machine), step: 'machine' },
    { label: l10n.t('Replicas'), value: `${s.minReplicas}–${s.maxReplicas}`, step: 'replicas' },
    { label: l10n.t('Autoscaling'), value: autoscaling, step: 'autoscaling' },
    { label: l10n.t('VMs'), value: s.spot ? l10n.t('Spot') : l10n.t('Standard'), step: 'spot' },
    ...trafficFields(s),
    { label: l10n.t('Logging'), value: s.endpoint.kind === 'existing' ? 'unchanged' : s.loggingRate > 0 ? `${s.loggingRate} → ${s.loggingTable}` : 'off', step: s.endpoint.kind === 'existing' ? 'endpoint' : 'logging' },
  ];
}

const AUTOSCALING_LABELS: Record<Autoscaling, string> = { default: 'default', cpu: l10n.t('CPU utilisation'), dutyCycle: l10n.t('accelerator duty cycle'), requests: l10n.t('requests per replica') };

/** "churn-classifier @2 (us-central1)". */
export function versionLabel(s: DeployAnswers): string {
  const [model, version] = s.version.split('@');
  return `${s.modelDisplayName || resourceId(model)} @${version ?? ''} (${resourceRegion(s.version)})`;
}

function endpointOptions(endpoints: readonly Endpoint[], regions: readonly string[]): PickOption<EndpointChoice>[] {
  const byName = new Map<string, Record<string, string>>();
  const serving = new Map<string, string>();
  for (const e of endpoints) {
    if (!regions.includes(e.region)) continue;
    byName.set(e.displayName, { ...byName.get(e.displayName), [e.region]: e.name });
    serving.set(e.name, e.deployedModels.length ? e.deployedModels.map((d) => `${d.displayName} ${d.trafficPercent}%`).join(', ') : l10n.t('nothing deployed'));
  }
  return [
    { label: l10n.t('$(add) New endpoint'), value: { kind: 'new' }, description: regions.length > 1 ? l10n.t('one in each of {0}', regions.join(', ')) : undefined },
    ...[...byName].map(([displayName, names]): PickOption<EndpointChoice> => ({
      label: displayName,
      value: { kind: 'existing', displayName, names },
      // People know endpoints by name and by what they serve; the id is detail.
      description: regions.length > 1 ? `in ${Object.keys(names).join(', ')}${Object.keys(names).length < regions.length ? '; created where missing' : ''}` : serving.get(Object.values(names)[0]),
      detail: Object.values(names).map((n) => l10n.t('id {0}', resourceId(n))).join(', '),
    })),
  ];
}

/** The traffic split before and after the deploy, as the review shows it. */
function trafficFields(s: DeployAnswers): { label: string; value: string; step: string }[] {
  if (s.endpoint.kind === 'new') return [{ label: l10n.t('Traffic'), value: l10n.t('100% (new endpoint)'), step: 'endpoint' }];
  const existing = s.existingDeployments;
  // Several regions: each endpoint has its own split, rescaled the same way.
  if (!existing.length) return [{ label: l10n.t('Traffic'), value: l10n.t('{0}% to the new deployment in each region, the rest keeps its proportions', s.share), step: 'share' }];
  const after = deploySplit(s, existing) ?? {};
  const unserved = (after['0'] ?? 0) === 0 ? l10n.t(' (the new deployment gets no traffic until you edit the split)') : '';
  return [
    { label: l10n.t('Traffic before'), value: existing.map((d) => `${d.label}=${d.percent}`).join(', '), step: 'share' },
    { label: l10n.t('Traffic after'), value: [`${NEW_LABEL}=${after['0'] ?? 0}`, ...existing.map((d) => `${d.label}=${after[d.id] ?? 0}`)].join(', ') + unserved, step: 'share' },
  ];
}

function shareHint(s: DeployAnswers): string {
  const base = l10n.t('Percent for the new deployment (0 keeps today\'s split; the others keep their proportions)');
  if (!s.existingDeployments.length) return base;
  // The example is a split that adds up to 100: a 10% canary with the others rescaled.
  const example = splitForNew(currentSplit(s.existingDeployments), 10);
  return `${base}, or the whole split, e.g. ${NEW_LABEL}=10, ${s.existingDeployments.map((d) => `${d.label}=${example[d.id] ?? 0}`).join(', ')}`;
}

function parseShare(text: string, s: DeployAnswers): { share: number; explicit?: Record<string, number> } | string {
  if (/^\s*\d+\s*%?\s*$/.test(text)) {
    const share = parsePercent(text, 0, 100);
    return typeof share === 'string' ? share : { share };
  }
  if (!s.existingDeployments.length) return l10n.t('Enter one percentage: the split is rescaled in each region.');
  const all: Deployment[] = [...s.existingDeployments, { id: '0', label: NEW_LABEL, version: s.version, percent: 0 }];
  const split = parseSplit(text, all);
  if (typeof split === 'string') return split;
  return { share: split['0'], explicit: split };
}

/** The split the new deployment gets on an existing endpoint (its "0" is the new one). */
export function deploySplit(s: DeployAnswers, existing: readonly Deployment[]): Record<string, number> | undefined {
  if (s.explicitSplit) return { ...s.explicitSplit };
  if (!existing.length) return undefined;
  return splitForNew(currentSplit(existing), s.share);
}
