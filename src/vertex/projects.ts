// The projects the credentials can see, for the project picker: Cloud Resource Manager
// v3 projects:search (the emulator serves it too) through the pool's auth client, with
// no client library of its own.
import * as l10n from '@vscode/l10n';
import type { ClientPool } from './clients';
import { withRetry, type RetryOptions } from './retry';
import type { Page } from './types';

export interface ProjectSummary {
  readonly projectId: string;
  /** Display name; the id when the project has none. */
  readonly name: string;
  /** Project number, as a string (it exceeds 2^53 for some projects). */
  readonly number: string;
}

export interface ProjectListOptions extends Pick<RetryOptions, 'signal' | 'deadlineMs'> {
  readonly pageSize?: number;
  readonly pageToken?: string;
}

const CLOUD_RESOURCE_MANAGER = 'https://cloudresourcemanager.googleapis.com';

interface SearchResponse {
  projects?: { name?: string; projectId?: string; displayName?: string; state?: string }[];
  nextPageToken?: string;
}

export async function listProjects(pool: ClientPool, options: ProjectListOptions = {}): Promise<Page<ProjectSummary>> {
  const auth = await pool.authClient();
  const base = pool.connection.backend === 'emulator' ? (pool.connection.emulatorUrl ?? '') : CLOUD_RESOURCE_MANAGER;
  const params: Record<string, string> = { pageSize: String(options.pageSize ?? 100), query: 'state:ACTIVE' };
  if (options.pageToken) params.pageToken = options.pageToken;
  const data = await withRetry(
    'SearchProjects',
    async ({ signal, timeoutMs }) => {
      try {
        return (await auth.request<SearchResponse>({ url: `${base}/v3/projects:search`, params, signal, timeout: timeoutMs, retry: false })).data;
      } catch (err) {
        throw asApiError(err);
      }
    },
    options,
  );
  const items = (data.projects ?? [])
    .filter((p) => !p.state || p.state === 'ACTIVE')
    .map((p) => ({ projectId: String(p.projectId ?? ''), name: p.displayName || String(p.projectId ?? ''), number: String(p.name ?? '').replace(/^projects\//, '') }));
  return { items, ...(data.nextPageToken ? { nextPageToken: data.nextPageToken } : {}) };
}

/** A gaxios error as the clients' errors look: HTTP status in `code`, Google's message and details. */
export function asApiError(err: unknown): unknown {
  const e = err as { status?: number; response?: { status?: number; data?: unknown; headers?: unknown }; message?: string };
  const status = e?.status ?? e?.response?.status;
  if (typeof status !== 'number') return err;
  const body = (e.response?.data ?? {}) as { error?: { message?: string; status?: string; details?: unknown[] } };
  return Object.assign(new Error(body.error?.message ?? e.message ?? l10n.t('HTTP {0}', status)), {
    code: status,
    status: body.error?.status,
    statusDetails: body.error?.details ?? [],
    response: { status, headers: e.response?.headers },
  });
}
