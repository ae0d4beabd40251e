// Cloud Resource Manager, just enough for a project picker: v1 projects.list /
// projects.get and v3 projects.search / projects.get, over the seeded projects.
import type { CustomCall, CustomRoute } from '../context';
import { ApiError, errorInfo } from '../googleError';
import { paginate } from '../listQuery';
import { compileTemplate } from '../pathTemplate';
import type { ProjectInfo } from '../projects';
import type { JsonObject } from '../wireCodec';

const SERVICE = 'cloudresourcemanager.googleapis.com';

export function resourceManagerRoutes(): CustomRoute[] {
  const route = (template: string, methodName: string, handle: CustomRoute['handle']): CustomRoute => ({
    kind: 'custom', verb: 'GET', template: compileTemplate(template), methodName, service: SERVICE, handle,
  });
  return [
    route('/v1/projects', 'google.cloudresourcemanager.v1.Projects.ListProjects', (call) => listPage(call, v1Project, 'projects')),
    route('/v1/projects/{projectId}', 'google.cloudresourcemanager.v1.Projects.GetProject', ({ vars, state }) => ({
      body: v1Project(found(state.projects.find(vars.projectId), vars.projectId)),
    })),
    route('/v3/projects:search', 'google.cloud.resourcemanager.v3.Projects.SearchProjects', (call) => listPage(call, v3Project, 'projects')),
    route('/v3/{name=projects/*}', 'google.cloud.resourcemanager.v3.Projects.GetProject', ({ vars, state }) => {
      const id = vars.name.split('/')[1];
      return { body: v3Project(found(state.projects.find(id), id)) };
    }),
  ];
}

function listPage(call: CustomCall, shape: (p: ProjectInfo) => JsonObject, field: string) {
  const size = call.query.get('pageSize');
  const page = paginate(call.state.projects.list(), { pageSize: size === null ? undefined : Number(size), pageToken: call.query.get('pageToken') ?? undefined }, 'crm');
  const body: JsonObject = {};
  if (page.items.length) body[field] = page.items.map(shape);
  if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
  return { body };
}

/** Resource Manager answers 403 for projects that do not exist or are not visible. */
function found(project: ProjectInfo | undefined, id: string): ProjectInfo {
  if (project) return project;
  throw new ApiError(
    'PERMISSION_DENIED',
    `The caller does not have permission`,
    [errorInfo('CONSUMER_INVALID', { consumer: `projects/${id}`, service: SERVICE }, 'googleapis.com')],
  );
}

function v1Project(p: ProjectInfo): JsonObject {
  return { projectNumber: p.projectNumber, projectId: p.projectId, lifecycleState: 'ACTIVE', name: p.displayName, createTime: p.createTime };
}

function v3Project(p: ProjectInfo): JsonObject {
  return {
    name: `projects/${p.projectNumber}`,
    projectId: p.projectId,
    state: 'ACTIVE',
    displayName: p.displayName,
    createTime: p.createTime,
    updateTime: p.createTime,
    etag: `W/"${p.projectNumber}"`,
  };
}
