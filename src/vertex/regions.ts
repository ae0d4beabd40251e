// Regions where Vertex AI generative AI is served (a subset; users can type others).
import * as l10n from '@vscode/l10n';
export const VERTEX_REGIONS = [
  'us-central1',
  'us-east1',
  'us-east4',
  'us-east5',
  'us-south1',
  'us-west1',
  'us-west4',
  'northamerica-northeast1',
  'southamerica-east1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west9',
  'europe-north1',
  'europe-southwest1',
  'asia-east1',
  'asia-northeast1',
  'asia-northeast3',
  'asia-south1',
  'asia-southeast1',
  'australia-southeast1',
  'me-central1',
] as const;

// Settings and workspace files are data: a region or project goes into a host name or
// a URL path only after it matches Google's own rules.
/** A Google Cloud region (`us-central1`, `europe-west4`) or `global`. */
export const REGION_PATTERN = /^(?:global|[a-z]+-[a-z]+[0-9]+)$/;
const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
// Legacy domain-scoped ids (`example.com:my-project`) still exist in organisations that
// created projects before 2013; Google keeps serving them, so they are accepted. Their
// characters (letters, digits, `-`, `.`, `:`) stay inside a URL path segment.
const DOMAIN_SCOPED = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}:[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Why a project id is invalid, or undefined when it is fine. */
export function validateProjectId(id: string): string | undefined {
  if (!id) return l10n.t('Enter a project id.');
  if (/[A-Z]/.test(id)) return l10n.t('Project ids are lowercase.');
  if (!PROJECT_ID.test(id) && !(id.length <= 253 && DOMAIN_SCOPED.test(id))) return l10n.t('A project id is 6 to 30 lowercase letters, digits or hyphens, starts with a letter and does not end with a hyphen.');
  return undefined;
}

/** Why a region is invalid, or undefined when it is fine. */
export function validateRegion(region: string): string | undefined {
  return REGION_PATTERN.test(region) ? undefined : l10n.t('A region looks like us-central1 or europe-west4 (or is global).');
}
