// Resource names: validation, canonical (project-number) form, and the resource kind a
// name refers to ("Endpoint", "TuningJob"), learnt from the protos' Get* routes so
// NOT_FOUND messages and parent checks need no hand-written table.
import { invalidFields, type ApiError } from './googleError';
import type { ProjectRegistry } from './projects';
import type { ProtoSchema } from './protoSchema';
import { isKnownRegion } from './regions';

export interface ResourceKind {
  /** Message short name, used in messages: "Endpoint". */
  kind: string;
  /** Full proto type of the stored resource. */
  typeName: string;
}

const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$/;

export class ResourceNames {
  private readonly kinds = new Map<string, ResourceKind>();

  constructor(
    schema: ProtoSchema,
    private readonly projects: ProjectRegistry,
  ) {
    for (const method of schema.methods()) {
      if (!method.name.startsWith('Get') || method.lro) continue;
      for (const rule of method.httpRules) {
        const match = /^\/\w+\/\{name=([^}]+)\}$/.exec(rule.template);
        const pattern = match?.[1];
        if (rule.verb !== 'GET' || !pattern || this.kinds.has(pattern)) continue;
        const short = method.responseType.slice(method.responseType.lastIndexOf('.') + 1);
        this.kinds.set(pattern, { kind: short, typeName: method.responseType });
      }
    }
  }

  /** Kind of a concrete name: "projects/1/locations/l/endpoints/2" → Endpoint. */
  kindOf(name: string): ResourceKind | undefined {
    return this.kinds.get(patternOf(name));
  }

  /**
   * Checks a name from a request and returns it with the project number. `field` is
   * the request field for the error ("parent", "name", "endpoint.name").
   */
  canonical(name: string, field: string): string {
    const error = this.problem(name, field);
    if (error) throw error;
    const parts = name.split('/');
    if (parts[0] === 'projects') parts[1] = this.projects.numberFor(parts[1]) ?? parts[1];
    return parts.join('/');
  }

  private problem(name: string, field: string): ApiError | undefined {
    const parts = name.split('/');
    const bad = (description: string) => invalidFields([{ field, description }]);
    if (parts[0] !== 'projects' || parts.length < 2) return undefined; // e.g. express-mode "datasets/1"
    if (this.projects.numberFor(parts[1]) === undefined) {
      return bad(`Invalid resource field value in the request. Project id \`${parts[1]}\` is malformed.`);
    }
    if (parts[2] === 'locations' && parts[3] !== undefined && !isKnownRegion(parts[3])) {
      // Not Google's exact words (those depend on the regional host); same code and shape.
      return bad(`Location \`${parts[3]}\` is not a supported Vertex AI region.`);
    }
    for (let i = 5; i < parts.length; i += 2) {
      if (!RESOURCE_ID.test(parts[i])) return bad(`Resource id \`${parts[i]}\` in \`${name}\` is invalid.`);
    }
    return undefined;
  }
}

/** Replaces every id segment of a collection/id name with "*". */
export function patternOf(name: string): string {
  return name
    .split('/')
    .map((part, i) => (i % 2 === 1 ? '*' : part))
    .join('/');
}

/** "projects/1/locations/us-central1/endpoints/2" → "projects/1/locations/us-central1". */
export function locationOf(name: string): string {
  return name.split('/').slice(0, 4).join('/');
}
