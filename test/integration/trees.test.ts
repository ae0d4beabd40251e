// The four trees inside real VS Code, against an emulator this test starts (so it can
// inject faults and run jobs quickly), read through the views' own data provider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ViewId } from '../../src/core/contributions';
import { extension, useEmulator, waitFor } from './helpers';

interface Row {
  readonly node: unknown;
  readonly label: string;
  readonly description: string;
  readonly contextValue?: string;
  readonly icon?: string;
  readonly tooltip: string;
  readonly item: vscode.TreeItem;
}

const US = 'projects/genai-demo/locations/us-central1';

describe('resource trees', function () {
  this.timeout(120_000);
  const emulator = useEmulator({ seed: 'demo', jobDurationMs: 3000, operationDelayMs: 200 }, { openView: true, alsoReset: ['pageSize', 'regions'] });
  const config = () => vscode.workspace.getConfiguration('vertexGenAi');
  const admin = (path: string, init: RequestInit = {}) => fetch(`${emulator.url}${path}`, { ...init, headers: { Authorization: 'Bearer test', 'Content-Type': 'application/json' } });

  afterEach(() => admin('/_emulator/faults', { method: 'DELETE' }));

  const tree = (viewId: ViewId) => extension().exports.tree(viewId);
  async function rows(viewId: ViewId, parent?: unknown): Promise<Row[]> {
    const t = tree(viewId);
    const nodes = (await t.getChildren(parent)) ?? [];
    return Promise.all(
      nodes.map(async (node) => {
        const item = await t.getTreeItem(node);
        const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
        return { node, item, tooltip, label: String(item.label), description: String(item.description ?? ''), contextValue: item.contextValue, icon: (item.iconPath as vscode.ThemeIcon | undefined)?.id };
      }),
    );
  }
  const find = (list: Row[], label: string) => {
    const row = list.find((r) => r.label === label);
    assert.ok(row, `no "${label}" in ${list.map((r) => r.label).join(', ')}`);
    return row;
  };

  it('Datasets: Vertex AI datasets with their kind, and BigQuery datasets → tables → columns', async () => {
    const roots = await rows('vertexGenAi.datasets');
    assert.deepEqual(roots.map((r) => r.label), ['Vertex AI datasets', 'BigQuery']);
    const vertex = await rows('vertexGenAi.datasets', roots[0].node);
    assert.equal(find(vertex, 'support-chat-sft').description, 'text · 1,240 items');
    assert.equal(find(vertex, 'catalog-multimodal').description, 'multimodal');
    assert.equal(find(vertex, 'churn-features').description, 'tabular');
    assert.equal(find(vertex, 'product-photos').icon, 'file-media');

    const bq = await rows('vertexGenAi.datasets', roots[1].node);
    const data = find(bq, 'genai_demo_data');
    assert.equal(data.contextValue, 'vertexGenAi.bqDataset');
    const tables = await rows('vertexGenAi.datasets', data.node);
    const fraud = find(tables, 'fraud_transactions');
    assert.equal(fraud.contextValue, 'vertexGenAi.bqTable');
    assert.deepEqual(
      { ...(fraud.node as { value: object }).value },
      { projectId: 'genai-demo', datasetId: 'genai_demo_data', tableId: 'fraud_transactions', type: 'TABLE' },
    );
    const columns = await rows('vertexGenAi.datasets', fraud.node);
    assert.equal(find(columns, 'transaction_id').description, 'STRING · REQUIRED');
    assert.equal(find(columns, 'amount').description, 'FLOAT');
    assert.match(find(columns, 'amount').tooltip, /Transaction amount in EUR/);

    await vscode.commands.executeCommand('vertexGenAi.copyName', fraud.node);
    assert.equal(await vscode.env.clipboard.readText(), 'bq://genai-demo.genai_demo_data.fraud_transactions');
  });

  it('Datasets: nested RECORD fields are children of their column', async () => {
    const created = await admin('/bigquery/v2/projects/genai-demo/datasets/genai_demo_data/tables', {
      method: 'POST',
      body: JSON.stringify({
        tableReference: { projectId: 'genai-demo', datasetId: 'genai_demo_data', tableId: 'tickets' },
        schema: {
          fields: [
            { name: 'id', type: 'STRING', mode: 'REQUIRED' },
            { name: 'customer', type: 'RECORD', fields: [{ name: 'tier', type: 'STRING' }, { name: 'address', type: 'RECORD', fields: [{ name: 'city', type: 'STRING' }] }] },
            { name: 'tags', type: 'STRING', mode: 'REPEATED' },
          ],
        },
      }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    const bq = await rows('vertexGenAi.datasets', (await rows('vertexGenAi.datasets'))[1].node);
    const data = find(bq, 'genai_demo_data');
    await vscode.commands.executeCommand('vertexGenAi.refresh', data.node);
    const tickets = await waitFor('the new table', async () => (await rows('vertexGenAi.datasets', data.node)).find((r) => r.label === 'tickets'));
    const columns = await rows('vertexGenAi.datasets', tickets.node);
    assert.deepEqual(columns.map((c) => [c.label, c.description]), [['id', 'STRING · REQUIRED'], ['customer', 'RECORD'], ['tags', 'STRING · REPEATED']]);
    assert.equal(columns[1].item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const customer = await rows('vertexGenAi.datasets', columns[1].node);
    assert.deepEqual(customer.map((c) => c.label), ['tier', 'address']);
    const address = await rows('vertexGenAi.datasets', customer[1].node);
    assert.deepEqual(address.map((c) => [c.label, c.description]), [['city', 'STRING']]);
  });

  it('Tuning Jobs: state icons, base model or accelerator, elapsed time, the error of a failed job', async () => {
    const jobs = await rows('vertexGenAi.tuningJobs');
    const running = find(jobs, 'support-bot-v3');
    assert.match(running.description, /^running · \d+ min$/);
    assert.match(running.tooltip, /Base model: gemini-2\.0-flash-001/);
    assert.equal(running.icon, 'sync~spin');
    const failed = find(jobs, 'summarizer-v1');
    assert.equal(failed.icon, 'error');
    assert.match(failed.tooltip, /Dataset validation failed/);
    assert.equal(find(jobs, 'ticket-classifier-exp').icon, 'circle-slash');
    assert.equal(find(jobs, 'support-bot-v2').icon, 'pass');
    assert.match(find(jobs, 'llama-3-8b-lora-l4').description, /^running · 2 h 5\d min$/);
    assert.match(find(jobs, 'llama-3-8b-lora-l4').tooltip, /Machine: .*L4/);
    assert.match(find(jobs, 'gemma-2b-peft-tpu').description, /^succeeded · /);
    assert.match(find(jobs, 'gemma-2b-peft-tpu').tooltip, /4 × TPU v5e 2x2/);
  });

  it('Model Registry: models → versions with aliases, created date and deployed or not', async () => {
    const models = await rows('vertexGenAi.registry');
    const bot = find(models, 'support-bot');
    assert.equal(bot.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const versions = await rows('vertexGenAi.registry', bot.node);
    assert.deepEqual(versions.map((v) => v.label), ['v1', 'v2', 'v3']);
    assert.equal(find(versions, 'v2').description, 'deployed · prod');
    assert.match(find(versions, 'v2').tooltip, /Created: .*[\s\S]*Labels: .*team=support/);
    assert.equal(find(versions, 'v3').description, 'deployed · default, staging');
    assert.equal(find(versions, 'v1').description, 'not deployed');
    assert.equal(find(versions, 'v2').contextValue, 'vertexGenAi.modelVersion');
    await vscode.commands.executeCommand('vertexGenAi.copyName', find(versions, 'v2').node);
    assert.match(await vscode.env.clipboard.readText(), /^projects\/123456789012\/locations\/us-central1\/models\/\d+@2$/);
  });

  it('Endpoints: deployed models with version, machine, replicas and traffic', async () => {
    const endpoints = await rows('vertexGenAi.endpoints');
    const prod = find(endpoints, 'support-bot-prod');
    assert.equal(prod.description, '2 deployed');
    const deployed = await rows('vertexGenAi.endpoints', prod.node);
    assert.deepEqual(deployed.map((d) => d.description.split(' · ').slice(0, 2)), [['90%', 'v2'], ['10%', 'v3']]);
    const churn = await rows('vertexGenAi.endpoints', find(endpoints, 'churn-scoring').node);
    assert.match(churn[0].tooltip, /n1-standard-4 · \d–3 replicas$/);
  });

  it('rows fit the default sidebar width, state first; ended jobs show how long they ran or nothing, never "0 s"', async () => {
    const jobs = await rows('vertexGenAi.tuningJobs');
    const bot = find(await rows('vertexGenAi.registry'), 'support-bot');
    const prod = find(await rows('vertexGenAi.endpoints'), 'support-bot-prod');
    const all = [...jobs, bot, ...(await rows('vertexGenAi.registry', bot.node)), prod, ...(await rows('vertexGenAi.endpoints', prod.node))];
    for (const r of all) assert.ok(`${r.label} ${r.description}`.length <= 45, `cut at the default width (about 45 characters): "${r.label} ${r.description}"`);
    for (const r of jobs) assert.match(r.description, /^(pending|running|succeeded|failed|cancelling|cancelled|paused)\b/, r.label);
    // The demo's failed and cancelled jobs ended within the second they started.
    assert.equal(find(jobs, 'summarizer-v1').description, 'failed');
    assert.equal(find(jobs, 'ticket-classifier-exp').description, 'cancelled');
    for (const r of jobs) assert.doesNotMatch(r.description, /(^| )0 s$/, r.label);
  });

  it('names, not numbers: readable accessible labels, and a version\'s endpoints by display name', async () => {
    const bot = find(await rows('vertexGenAi.registry'), 'support-bot');
    const versions = await rows('vertexGenAi.registry', bot.node);
    assert.match(find(versions, 'v2').tooltip, /Deployed to: support-bot-prod/);
    assert.doesNotMatch(find(versions, 'v2').tooltip, /Deployed to: projects\//);
    const prod = find(await rows('vertexGenAi.endpoints'), 'support-bot-prod');
    for (const r of [bot, ...versions, prod, ...(await rows('vertexGenAi.endpoints', prod.node)), ...(await rows('vertexGenAi.tuningJobs'))]) {
      const spoken = r.item.accessibilityInformation?.label ?? '';
      assert.ok(spoken.startsWith(r.label), `"${r.label}" is read out as "${spoken}"`);
      assert.doesNotMatch(spoken, /projects\//, r.label);
    }
    assert.equal(prod.item.accessibilityInformation?.label, 'support-bot-prod, 2 deployed');
  });

  it('groups by region when several are shown', async () => {
    await config().update('regions', ['us-central1', 'europe-west4'], vscode.ConfigurationTarget.Global);
    try {
      const regions = await waitFor('region groups', async () => {
        const r = await rows('vertexGenAi.endpoints');
        return r.length === 2 && r[0].contextValue === 'vertexGenAi.region' ? r : undefined;
      });
      assert.deepEqual(regions.map((r) => r.label), ['us-central1', 'europe-west4']);
      assert.deepEqual((await rows('vertexGenAi.endpoints', regions[1].node)).map((r) => r.label), ['eu-support-bot']);
      const datasets = await rows('vertexGenAi.datasets', (await rows('vertexGenAi.datasets'))[0].node);
      assert.deepEqual(datasets.map((r) => r.label), ['us-central1', 'europe-west4'], 'Vertex AI datasets by region');
    } finally {
      await config().update('regions', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('one region again', () => config().get<string[]>('regions')?.length === 1);
    }
  });

  it('pages with vertexGenAi.pageSize and "Load more…"', async () => {
    await config().update('pageSize', 2, vscode.ConfigurationTarget.Global);
    const first = await waitFor('a page of two', async () => {
      const r = await rows('vertexGenAi.endpoints');
      return r.length === 3 ? r : undefined;
    });
    const more = first[2];
    assert.equal(more.label, 'Load more…');
    const changed = new Promise((resolve) => tree('vertexGenAi.endpoints').onDidChangeTreeData!(resolve));
    await vscode.commands.executeCommand(more.item.command!.command, ...(more.item.command!.arguments ?? []));
    await changed;
    const next = await rows('vertexGenAi.endpoints');
    assert.deepEqual(next.slice(0, 2).map((r) => r.label), first.slice(0, 2).map((r) => r.label), 'loaded items stay in place');
    assert.deepEqual(next.map((r) => r.label).sort(), ['churn-scoring', 'gemma-lora-gpu', 'staging-sandbox', 'support-bot-prod'], 'the last page: no more Load more…');
    await config().update('pageSize', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the default page size', () => config().get('pageSize') === 50);
  });

  it('filters by name, state and label, and clears', async () => {
    await vscode.commands.executeCommand('vertexGenAi.filter', 'vertexGenAi.tuningJobs', 'state:running label:team=research');
    let jobs = await waitFor('the filtered list', async () => {
      const r = await rows('vertexGenAi.tuningJobs');
      return r.length === 1 ? r : undefined;
    });
    assert.deepEqual(jobs.map((r) => r.label), ['llama-3-8b-lora-l4']);
    await vscode.commands.executeCommand('vertexGenAi.filter', 'vertexGenAi.tuningJobs', 'support');
    jobs = await rows('vertexGenAi.tuningJobs');
    assert.deepEqual(jobs.map((r) => r.label).sort(), ['support-bot-v1', 'support-bot-v2', 'support-bot-v3']);
    // Refused with a message (which waits for the user, so not awaited here).
    void vscode.commands.executeCommand('vertexGenAi.filter', 'vertexGenAi.tuningJobs', 'state:nonsense');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await rows('vertexGenAi.tuningJobs')).length, 3, 'a bad filter changes nothing');
    await vscode.commands.executeCommand('vertexGenAi.tuningJobs.clearFilter');
    assert.ok((await rows('vertexGenAi.tuningJobs')).some((r) => r.label === 'summarizer-v1'));
  });

  it('shows an error node with the reason under a 503, and recovers on Retry', async () => {
    const faults = await admin('/_emulator/faults', { method: 'POST', body: JSON.stringify({ faults: ['method=*ListModels,error=503'] }) });
    assert.equal(faults.status, 200);
    await vscode.commands.executeCommand('vertexGenAi.registry.refresh');
    const error = await waitFor('an error node', async () => (await rows('vertexGenAi.registry')).find((r) => r.contextValue === 'vertexGenAi.error'), 60_000);
    assert.match(error.label, /did not answer \(UNAVAILABLE\)/);
    assert.equal(error.description, 'Retry');
    assert.equal(error.icon, 'error');
    await admin('/_emulator/faults', { method: 'DELETE' });
    await vscode.commands.executeCommand(error.item.command!.command, ...(error.item.command!.arguments ?? []));
    const recovered = await waitFor('the models again', async () => {
      const r = await rows('vertexGenAi.registry');
      return r.every((x) => x.contextValue !== 'vertexGenAi.error') && r.some((x) => x.label === 'support-bot') ? r : undefined;
    });
    assert.ok(recovered.length >= 3);
  });

  it('a running job reaches SUCCEEDED by itself while the view is visible', async () => {
    const created = await admin(`/v1/${US}/customJobs`, {
      method: 'POST',
      body: JSON.stringify({
        displayName: 'self-refreshing-job',
        jobSpec: { workerPoolSpecs: [{ machineSpec: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4', acceleratorCount: 1 }, replicaCount: '1', containerSpec: { imageUri: 'us-docker.pkg.dev/x/trainer:latest' } }] },
      }),
    });
    assert.equal(created.status, 200, await created.clone().text());
    await vscode.commands.executeCommand('vertexGenAi.tuningJobs.refresh');
    const job = await waitFor('the new job', async () => (await rows('vertexGenAi.tuningJobs')).find((r) => r.label === 'self-refreshing-job'));
    assert.match(job.description, /^(pending|running)\b/);
    // "Notify When Finished" follows it to the end (the command resolves with the ended job).
    const ended = vscode.commands.executeCommand<{ state: string } | undefined>('vertexGenAi.notifyWhenDone', job.node);
    // No refresh from here on: the view polls while it is visible.
    const done = await waitFor('the job to succeed', async () => {
      const r = (await rows('vertexGenAi.tuningJobs')).find((x) => x.label === 'self-refreshing-job');
      return r?.description.startsWith('succeeded') ? r : undefined;
    }, 45_000);
    assert.equal(done.icon, 'pass');
    assert.equal(done.node, job.node, 'updated in place: the same node');
    assert.equal((await ended)?.state, 'succeeded');
  });
});
