// Regions where Vertex AI generative AI is served (a subset; users can type others).
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

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Why a project id is invalid, or undefined when it is fine. */
export function validateProjectId(id: string): string | undefined {
  if (!id) return 'Enter a project id.';
  if (/[A-Z]/.test(id)) return 'Project ids are lowercase.';
  if (!PROJECT_ID.test(id)) return 'A project id is 6 to 30 lowercase letters, digits or hyphens, starts with a letter and does not end with a hyphen.';
  return undefined;
}
