// Cloud Storage buckets: list (per project), get, insert, delete (only when empty).
import type { CustomRoute } from '../context';
import { bucketResource, pageAfter, tokenFor } from './storageResources';
import { invalidRequest, StorageError } from './storageError';
import { bucketOf, noContent, storageRoute } from './storageRoute';
import { storageOf } from './storageState';

const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;

export function bucketRoutes(): CustomRoute[] {
  return [
    storageRoute('GET', '/storage/v1/b', 'buckets.list', ({ query, state }) => {
      const project = query.get('project');
      if (!project) throw new StorageError('required', 'Required parameter: project');
      const number = state.projects.numberFor(project);
      const { after, max } = pageAfter(query);
      const prefix = query.get('prefix') ?? '';
      const all = [...storageOf(state).buckets.values()]
        .filter((b) => b.projectNumber === number && b.name.startsWith(prefix) && (after === undefined || b.name > after))
        .sort((a, b) => a.name.localeCompare(b.name));
      const items = all.slice(0, max);
      return {
        body: {
          kind: 'storage#buckets',
          ...(all.length > max ? { nextPageToken: tokenFor(items[items.length - 1].name) } : {}),
          ...(items.length ? { items: items.map(bucketResource) } : {}),
        },
      };
    }),
    storageRoute('GET', '/storage/v1/b/{bucket}', 'buckets.get', ({ vars, state }) => ({ body: bucketResource(bucketOf(storageOf(state), vars.bucket)) })),
    storageRoute('POST', '/storage/v1/b', 'buckets.insert', ({ query, body, state }) => {
      const project = query.get('project');
      if (!project) throw new StorageError('required', 'Required parameter: project');
      const number = state.projects.numberFor(project);
      if (!number) throw invalidRequest(`Invalid project: ${project}`);
      const input = (body ?? {}) as { name?: string; location?: string; storageClass?: string; labels?: Record<string, string> };
      const name = input.name ?? '';
      if (!BUCKET_NAME.test(name) || name.includes('..')) throw invalidRequest(`Invalid bucket name: '${name}'`);
      const storage = storageOf(state);
      if (storage.buckets.has(name)) throw new StorageError('conflict', 'Your previous request to create the named bucket succeeded and you already own it.');
      const bucket = storage.addBucket({
        name,
        projectNumber: number,
        location: (input.location ?? 'US').toUpperCase(),
        storageClass: (input.storageClass ?? 'STANDARD').toUpperCase(),
        labels: input.labels,
      });
      return { body: bucketResource(bucket) };
    }),
    storageRoute('DELETE', '/storage/v1/b/{bucket}', 'buckets.delete', ({ vars, state }) => {
      const storage = storageOf(state);
      bucketOf(storage, vars.bucket);
      if (storage.list(vars.bucket).length) throw new StorageError('conflict', 'The bucket you tried to delete is not empty.');
      storage.deleteBucket(vars.bucket);
      return noContent();
    }),
  ];
}
