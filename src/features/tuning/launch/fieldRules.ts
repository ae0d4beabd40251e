// Google's rules for the fields a launch takes, each as a function that returns the
// sentence the user reads (or undefined). Shared by the flow steps and spec files.
import * as l10n from '@vscode/l10n';

/** gs://bucket/object, with Cloud Storage's bucket naming rules. */
export function gcsObjectProblem(uri: string, what = l10n.t('The file')): string | undefined {
  const m = /^gs:\/\/([^/]*)\/(.*)$/.exec(uri.trim());
  if (!m) return l10n.t('{0} must be a Cloud Storage URI such as gs://my-bucket/data/train.jsonl.', what);
  return bucketProblem(m[1]) ?? (m[2] ? undefined : l10n.t('{0} must name an object inside the bucket, not just gs://{1}/.', what, m[1]));
}

/** gs://bucket or gs://bucket/prefix (an output or upload location). */
export function gcsLocationProblem(uri: string, what = l10n.t('The location')): string | undefined {
  const m = /^gs:\/\/([^/]*)(\/.*)?$/.exec(uri.trim());
  if (!m) return l10n.t('{0} must be a Cloud Storage location such as gs://my-bucket/output.', what);
  return bucketProblem(m[1]);
}

function bucketProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63) return l10n.t('Bucket names have 3 to 63 characters; "{0}" has {1}.', bucket, bucket.length);
  if (!/^[a-z0-9][a-z0-9._-]*[a-z0-9]$/.test(bucket)) return l10n.t('Bucket "{0}" may use only lowercase letters, digits, dots, hyphens and underscores, and must start and end with a letter or digit.', bucket);
  return undefined;
}

/** Display names of Vertex resources: 1–128 UTF-8 characters. */
export function displayNameProblem(name: string): string | undefined {
  const length = [...name].length;
  if (!name.trim()) return l10n.t('Enter a display name.');
  if (length > 128) return l10n.t('Display names have at most 128 characters; this one has {0}.', length);
  return undefined;
}

/** A whole number in [min, max]. */
export function integerProblem(text: string, what: string, min: number, max: number): string | undefined {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isInteger(n)) return l10n.t('{0} must be a whole number from {1} to {2}.', what, min, max);
  if (n < min || n > max) return l10n.t('{0} must be from {1} to {2}, not {3}.', what, min, max, n);
  return undefined;
}

/** A number in (exclusiveMin, max]. */
export function numberProblem(text: string, what: string, exclusiveMin: number, max: number): string | undefined {
  const n = Number(text.trim());
  if (!text.trim() || !Number.isFinite(n)) return l10n.t('{0} must be a number, such as {1}.', what, Math.min(max, exclusiveMin + 1));
  if (n <= exclusiveMin || n > max) return l10n.t('{0} must be greater than {1} and at most {2}, not {3}.', what, exclusiveMin, max, n);
  return undefined;
}

export function serviceAccountProblem(email: string): string | undefined {
  if (!email) return undefined;
  return /^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.iam\.gserviceaccount\.com$|^[0-9]+-compute@developer\.gserviceaccount\.com$/.test(email)
    ? undefined
    : l10n.t('"{0}" is not a service account email (name@project.iam.gserviceaccount.com).', email);
}

/** Artifact Registry, Container Registry or Docker Hub style image references. */
export function imageProblem(uri: string): string | undefined {
  if (!uri.trim()) return l10n.t('Enter a container image URI.');
  return /^[a-z0-9.-]+(:[0-9]+)?\/[a-z0-9._/-]+(:[\w.-]+|@sha256:[a-f0-9]{64})?$/.test(uri.trim())
    ? undefined
    : l10n.t('"{0}" is not a container image URI (such as us-docker.pkg.dev/project/repo/image:tag).', uri);
}
