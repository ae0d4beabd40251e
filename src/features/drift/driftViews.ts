// What the Drift panel shows, loaded from Vertex AI: the sources (Model Monitoring
// monitors, and endpoints logging requests to BigQuery) and, for one source, its drift
// series, alerts and the distributions behind each point. No vscode.
import * as l10n from '@vscode/l10n';
import type { AlertRow, DriftView, FeatureSeries, HistogramView, MonitorOption } from './protocol';
import type { ClientPool } from '../../vertex/clients';
import { listAcrossRegions } from '../../vertex/multiRegion';
import { listModelMonitors, searchDriftAlerts, searchDriftStats, type ModelMonitor } from '../../vertex/modelMonitoring';
import type { Distribution } from '@vertex-genai-ops/catalog/drift/featureDrift';
import { generativeDrift, type GenerativeDriftWindow } from './generativeDrift';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const LOG_PREFIX = 'log:';
const DAY = 86_400_000;

export interface DriftSources {
  readonly options: MonitorOption[];
  readonly monitors: Map<string, ModelMonitor>;
  /** endpoint name → its log table (bq://project.dataset.table). */
  readonly logs: Map<string, string>;
  readonly errors: string[];
}

/** A loaded view and the distributions behind its points, for the histogram of a feature. */
export interface LoadedDrift {
  readonly view: DriftView;
  histogram(feature: string, t?: number): HistogramView | undefined;
}

export async function listDriftSources(pool: ClientPool, regions: readonly string[]): Promise<DriftSources> {
  const [monitorResults, endpointResults] = await Promise.all([
    listAcrossRegions(regions, async (region) => ({ items: await listModelMonitors(pool, region) })),
    listAcrossRegions(regions, async (region) => ({ items: await loggingEndpoints(pool, region) })),
  ]);
  const monitors = new Map(monitorResults.flatMap((r) => (r.ok ? r.page.items : [])).map((m) => [m.name, m]));
  const logs = new Map(endpointResults.flatMap((r) => (r.ok ? r.page.items : [])).map((e) => [e.name, e.table]));
  const labels = new Map(endpointResults.flatMap((r) => (r.ok ? r.page.items : [])).map((e) => [e.name, e.label]));
  const errors = [...monitorResults, ...endpointResults].flatMap((r) => (r.ok ? [] : [`${r.region}: ${r.error.message}`]));
  const options: MonitorOption[] = [
    ...[...monitors.values()].map((m) => ({ name: m.name, label: `${m.displayName} · ${m.region}` })),
    ...[...logs.keys()].map((name) => ({ name: `${LOG_PREFIX}${name}`, label: l10n.t('{0} · request-response log', String(labels.get(name))) })),
  ];
  return { options, monitors, logs, errors };
}

export function isLogSource(source: string): boolean {
  return source.startsWith(LOG_PREFIX);
}

/** The source id of an endpoint's log, or of the monitors of the model it serves. */
export function sourceForEndpoint(sources: DriftSources, endpoint: string, models: readonly string[] = []): string | undefined {
  const id = (name: string) => name.slice(name.lastIndexOf('/') + 1).split('@')[0];
  // The newest monitor of a served model: the one most likely set up for today's traffic.
  const monitor = [...sources.monitors.values()]
    .filter((m) => m.model && models.some((model) => id(model) === id(m.model ?? '')))
    .sort((a, b) => (b.createTime ?? '').localeCompare(a.createTime ?? ''))[0];
  if (monitor) return monitor.name;
  const logged = [...sources.logs.keys()].find((name) => id(name) === id(endpoint));
  return logged ? `${LOG_PREFIX}${logged}` : undefined;
}

export async function loadMonitorDrift(pool: ClientPool, monitor: ModelMonitor, signal?: AbortSignal): Promise<LoadedDrift> {
  const [stats, alerts] = await Promise.all([searchDriftStats(pool, monitor.name, signal), searchDriftAlerts(pool, monitor.name, signal)]);
  const features = new Map(monitor.features.map((f) => [f.name, f]));
  const raw = stats.filter((s) => s.objectiveType === 'raw-feature-drift' || !features.size);
  const series: FeatureSeries[] = raw.map((s) => ({
    feature: s.feature,
    kind: features.get(s.feature)?.kind ?? 'numeric',
    algorithm: s.points.at(-1)?.algorithm ?? '',
    threshold: s.points.at(-1)?.threshold ?? features.get(s.feature)?.threshold,
    points: s.points.map((p) => ({ t: Date.parse(p.time), score: p.score, anomaly: p.anomaly })),
  }));
  const rows: AlertRow[] = alerts.map((a) => ({ feature: a.feature, time: a.time, score: a.score, threshold: a.threshold, summary: a.summary }));
  const distributions = new Map(raw.map((s) => [s.feature, s.points.map((p) => ({ t: Date.parse(p.time), baseline: p.baseline, current: p.current }))]));
  return {
    view: { source: monitor.name, title: monitor.displayName, note: l10n.t('Model Monitoring · {0}', monitor.region), series, alerts: rows, monitor: true },
    histogram: (feature, t) => histogramOf(distributions.get(feature), feature, t),
  };
}

export async function loadLogDrift(pool: ClientPool, endpoint: string, table: string, window: GenerativeDriftWindow = defaultWindow(), signal?: AbortSignal): Promise<LoadedDrift> {
  const metrics = await generativeDrift(pool, table, endpoint, window, { signal });
  const series: FeatureSeries[] = metrics.map((m) => ({
    feature: m.metric,
    kind: m.kind,
    algorithm: m.algorithm,
    threshold: m.threshold,
    points: m.points.map((p) => ({ t: Date.parse(`${p.day}T12:00:00Z`), score: p.score, anomaly: p.anomaly })),
  }));
  const alerts: AlertRow[] = metrics.flatMap((m) =>
    m.points.filter((p) => p.anomaly).map((p) => ({
      feature: m.metric,
      time: `${p.day}T23:59:59Z`,
      score: p.score,
      threshold: m.threshold,
      summary: l10n.t('{0}: {1} {2} exceeds the threshold {3} on {4}.', m.metric, m.algorithm, p.score, m.threshold, p.day),
    })),
  ).sort((a, b) => b.time.localeCompare(a.time));
  const distributions = new Map(metrics.map((m) => [m.metric, m.points.map((p) => ({ t: Date.parse(`${p.day}T12:00:00Z`), baseline: p.baseline, current: p.current }))]));
  const days = (d: Date) => d.toISOString().slice(0, 10);
  return {
    view: {
      source: `${LOG_PREFIX}${endpoint}`,
      title: endpoint.slice(endpoint.lastIndexOf('/') + 1),
      note: l10n.t('Computed in BigQuery from {0}: baseline {1} – {2} against each day since {3}.', table, days(window.baselineStart), days(window.baselineEnd), days(window.currentStart)),
      series,
      alerts,
    },
    histogram: (feature, t) => histogramOf(distributions.get(feature), feature, t),
  };
}

/** Baseline: the week before last; current: each day of the last week. */
export function defaultWindow(now = Date.now()): GenerativeDriftWindow {
  const today = Math.floor(now / DAY) * DAY;
  return { baselineStart: new Date(today - 13 * DAY), baselineEnd: new Date(today - 6 * DAY), currentStart: new Date(today - 6 * DAY), currentEnd: new Date(today + DAY) };
}

function histogramOf(points: { t: number; baseline?: Distribution; current?: Distribution }[] | undefined, feature: string, t?: number): HistogramView | undefined {
  if (!points?.length) return undefined;
  const point = (t !== undefined && points.find((p) => p.t === t)) || points[points.length - 1];
  return { feature, time: new Date(point.t).toISOString(), baseline: point.baseline, current: point.current };
}

async function loggingEndpoints(pool: ClientPool, region: string): Promise<{ name: string; label: string; table: string }[]> {
  const client = await pool.get('EndpointServiceClient', region);
  const [endpoints] = (await client.listEndpoints({ parent: `projects/${pool.connection.project}/locations/${region}` })) as unknown as [Raw[]];
  return endpoints.flatMap((e) => {
    const config = e.predictRequestResponseLoggingConfig as Raw | undefined;
    const table = logTableOf(config, String(e.name), String(e.displayName ?? ''));
    return config?.enabled && table ? [{ name: String(e.name), label: String(e.displayName ?? e.name), table }] : [];
  });
}

/** Where Vertex writes an endpoint's log: `bq://P.D.T`; `bq://P.D` → table request_response_logging; `bq://P` → dataset logging_<name>_<id>. */
export function logTableOf(config: Raw | undefined, endpoint: string, displayName: string): string | undefined {
  const uri = String(config?.bigqueryDestination?.outputUri ?? '');
  const m = /^bq:\/\/([^.]+)(?:\.([^.]+))?(?:\.([^.]+))?$/.exec(uri);
  if (!m) return undefined;
  const id = endpoint.slice(endpoint.lastIndexOf('/') + 1);
  return `bq://${m[1]}.${m[2] ?? `logging_${displayName.replace(/[^A-Za-z0-9_]/g, '_')}_${id}`}.${m[3] ?? 'request_response_logging'}`;
}
