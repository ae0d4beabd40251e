// The pickers several features ask through the seam: an endpoint, a model version, a job.
// Each lists across the chosen regions; a region that failed is a row of its own with its
// error, so the others still show and nothing hides why.
import * as vscode from 'vscode';
import { answered, type InputSeam, type PickOption } from './inputSeam';
import type { ClientPool } from '../vertex/clients';
import { listAllJobs } from '../vertex/jobs';
import { listAcrossRegions } from '../vertex/multiRegion';
import { readPages } from '../vertex/paging';
import { listEndpoints, listModels, listModelVersions } from '../vertex/resources';
import type { Page } from '../vertex/types';

interface PickAsked {
  readonly title: string;
  readonly placeholder?: string;
}

/** An endpoint (`projects/…/endpoints/ID`) of the chosen regions, or undefined when cancelled. */
export async function pickEndpoint(input: InputSeam, pool: ClientPool, regions: readonly string[], asked: PickAsked): Promise<string | undefined> {
  // Listed before the pick shows, so what is typed into it filters the whole list.
  const options = await optionsAcrossRegions(regions, (region) => readPages((pageToken) => listEndpoints(pool, { region, pageToken })), (e) => ({
    label: e.displayName,
    value: e.name,
    description: `${e.region} · ${vscode.l10n.t('{0} deployed', e.deployedModels.length)}`,
  }));
  return pickOne(input, 'endpoint', asked, options);
}

/** A model version (`…/models/ID@N`) of the chosen regions, or undefined when cancelled. */
export async function pickModelVersion(input: InputSeam, pool: ClientPool, regions: readonly string[], asked: PickAsked): Promise<string | undefined> {
  return pickOne(input, 'version', asked, await modelVersionOptions(pool, regions));
}

/** Every version of every model in the chosen regions, as pick options valued `…/models/ID@N`. */
export async function modelVersionOptions(pool: ClientPool, regions: readonly string[]): Promise<PickOption<string>[]> {
  const models = await optionsAcrossRegions(regions, (region) => readPages((pageToken) => listModels(pool, { region, pageToken })), (m) => ({ label: m.displayName, value: m.name }));
  const versions = await Promise.all(
    models.map(async (model) => {
      if (!model.value) return [model];
      const page = await listModelVersions(pool, model.value);
      return page.items.map((v) => ({
        label: `${model.label} @${v.versionId}`,
        value: `${v.name}@${v.versionId}`,
        description: [v.versionAliases.join(', '), v.region].filter(Boolean).join(' · '),
      }));
    }),
  );
  return versions.flat();
}

/** A tuning, custom or hyperparameter tuning job of the chosen regions, or undefined when cancelled; the pick shows at once, busy, while they load. */
export function pickJob(input: InputSeam, pool: ClientPool, regions: readonly string[], asked: PickAsked): Promise<string | undefined> {
  const options = optionsAcrossRegions(regions, (region) => listAllJobs(pool, { region, pageSize: 50 }), (job) => ({
    label: job.displayName,
    value: job.name,
    description: `${job.state} · ${job.region}`,
  }));
  return pickOne(input, 'job', asked, options);
}

async function optionsAcrossRegions<T>(regions: readonly string[], list: (region: string) => Promise<Page<T>>, option: (item: T) => PickOption<string>): Promise<PickOption<string>[]> {
  const results = await listAcrossRegions(regions, list);
  // A failed region's row has no value: picking it says why instead of choosing.
  return results.flatMap((r) => (r.ok ? r.page.items.map(option) : [{ label: `$(error) ${r.region}`, value: '', description: r.error.message }]));
}

async function pickOne(input: InputSeam, id: string, asked: PickAsked, options: PickOption<string>[] | Promise<PickOption<string>[]>): Promise<string | undefined> {
  const [value] = (await answered(input.pick({
    id,
    title: asked.title,
    placeholder: asked.placeholder,
    step: 1,
    totalSteps: 1,
    canGoBack: false,
    options,
    validate: ([picked]) => (picked ? undefined : vscode.l10n.t('This region could not be listed: pick an item of another region.')),
  }))) ?? [];
  return value;
}
