// Google Cloud console pages for the resources the trees show. Pure: no vscode.
import { resourceId, resourceRegion } from '../../vertex/protoValues';

const CONSOLE = 'https://console.cloud.google.com';

/** `kind` is the tree node kind; `name` the Vertex resource name or a `bq://` URI. */
export function consoleUrl(kind: string, name: string, project: string): string | undefined {
  const q = `?project=${encodeURIComponent(project)}`;
  const bq = /^bq:\/\/([^.]+)(?:\.([^.]+))?(?:\.(.+))?$/.exec(name);
  if (bq) {
    const [, p, dataset, table] = bq;
    const ws = table ? `!1m5!1m4!4m3!1s${p}!2s${dataset}!3s${table}` : dataset ? `!1m4!1m3!3m2!1s${p}!2s${dataset}` : '';
    return `${CONSOLE}/bigquery${q}${ws ? `&ws=${ws}` : ''}`;
  }
  const [base, version] = name.split('@');
  const region = resourceRegion(base);
  const id = resourceId(base);
  if (!region || !id) return undefined;
  const vertex = `${CONSOLE}/vertex-ai`;
  switch (kind) {
    case 'dataset':
      return `${vertex}/locations/${region}/datasets/${id}/analyze${q}`;
    case 'job':
      if (base.includes('/tuningJobs/')) return `${vertex}/generative/language/locations/${region}/tuning/tuningJob/${id}/monitor${q}`;
      if (base.includes('/hyperparameterTuningJobs/')) return `${vertex}/locations/${region}/training/hyperparameter-tuning-jobs/${id}${q}`;
      return `${vertex}/locations/${region}/training/${id}/cpu${q}`;
    case 'model':
    case 'modelVersion':
      return `${vertex}/models/locations/${region}/models/${id}${version ? `/versions/${version}` : ''}/properties${q}`;
    case 'endpoint':
      return `${vertex}/online-prediction/locations/${region}/endpoints/${id}${q}`;
    default:
      return undefined;
  }
}
