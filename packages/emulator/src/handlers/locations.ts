// google.cloud.location.Locations for Vertex: the mixin routes the REST client calls
// (first /ui/…, with /v1/… as the additional binding). Not in the aiplatform protos.
import type { CustomRoute } from '../context';
import { invalidFields, notFound } from '../googleError';
import { paginate } from '../listQuery';
import { compileTemplate } from '../pathTemplate';
import { REGIONS, isKnownRegion } from '../regions';
import type { JsonObject } from '../wireCodec';

const SERVICE = 'aiplatform.googleapis.com';

export function locationRoutes(): CustomRoute[] {
  const routes: CustomRoute[] = [];
  for (const prefix of ['v1', 'v1beta1', 'ui']) {
    routes.push({
      kind: 'custom',
      verb: 'GET',
      template: compileTemplate(`/${prefix}/{name=projects/*}/locations`),
      methodName: 'google.cloud.location.Locations.ListLocations',
      service: SERVICE,
      handle: ({ vars, query, state }) => {
        const project = projectOf(vars.name, state.projects.numberFor.bind(state.projects));
        const all = Object.keys(REGIONS).map((id) => location(project, id));
        const size = query.get('pageSize');
        const page = paginate(all, { pageSize: size === null ? undefined : Number(size), pageToken: query.get('pageToken') ?? undefined }, `locations:${project}`);
        const body: JsonObject = {};
        if (page.items.length) body.locations = page.items;
        if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
        return { body };
      },
    });
    routes.push({
      kind: 'custom',
      verb: 'GET',
      template: compileTemplate(`/${prefix}/{name=projects/*/locations/*}`),
      methodName: 'google.cloud.location.Locations.GetLocation',
      service: SERVICE,
      handle: ({ vars, state }) => {
        const [, projectPart, , id] = vars.name.split('/');
        const project = projectOf(`projects/${projectPart}`, state.projects.numberFor.bind(state.projects));
        if (!isKnownRegion(id)) throw notFound('Location', vars.name);
        return { body: location(project, id) };
      },
    });
  }
  return routes;
}

/** The project as the caller wrote it (Vertex echoes it here), once known to be well-formed. */
function projectOf(name: string, numberFor: (p: string) => string | undefined): string {
  const project = name.split('/')[1];
  if (numberFor(project) === undefined) {
    throw invalidFields([{ field: 'name', description: `Project id \`${project}\` is malformed.` }]);
  }
  return project;
}

function location(project: string, id: string): JsonObject {
  return { name: `projects/${project}/locations/${id}`, locationId: id, displayName: REGIONS[id] };
}
