// Resource names: validation, canonical (project-number) form, and the resource kind a
// name refers to ("Endpoint", "TuningJob"), learnt from the protos' Get* routes so
// NOT_FOUND messages and parent checks need no hand-written table. A malformed name is
// INVALID_ARGUMENT before any lookup (AIP-193); a well-formed name of nothing is left to
// the lookup's NOT_FOUND.
import { invalidFields, type FieldViolation } from './googleError';
import type { ProjectRegistry } from './projects';
import type { ProtoSchema } from './protoSchema';
import { isKnownRegion } from './regions';
import { ResourceReferences, malformedName } from './resourceReferences';

export interface ResourceKind {
  /** Message short name, used in messages: "Endpoint". */
  kind: string;
  /** Full proto type of the stored resource. */
  typeName: string;
}

const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}$/;

export class ResourceNames {
  private readonly kinds = new Map<string, ResourceKind>();
  readonly references: ResourceReferences;

  constructor(
    schema: ProtoSchema,
    private readonly projects: ProjectRegistry,
  ) {
    this.references = new ResourceReferences(schema);
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
    const violation = this.problem(name, field);
    if (violation) throw invalidFields([violation]);
    const parts = name.split('/');
    if (parts[0] === 'projects') parts[1] = this.projects.numberFor(parts[1]) ?? parts[1];
    return parts.join('/');
  }

  /**
   * Checks every field of a request that the protos mark as a resource reference, path
   * variables and body fields alike: its shape against the resource's patterns, then its
   * project, location and ids. All problems in one INVALID_ARGUMENT, as Vertex lists them.
   */
  checkReferences(requestType: string, request: unknown): void {
    const violations: FieldViolation[] = [];
    for (const named of this.references.namedValues(requestType, request)) {
      // No pattern known (another API's resource): its project, location and ids are still checked.
      const patterns = this.references.patternsOf(named.info);
      const violation = patterns && !ResourceReferences.matches(named.value, patterns) ? malformedName(named, patterns) : this.problem(named.value, named.field);
      if (violation) violations.push(violation);
    }
    if (violations.length) throw invalidFields(violations);
  }

  private problem(name: string, field: string): FieldViolation | undefined {
    const parts = name.split('/');
    const bad = (description: string): FieldViolation => ({ field, description });
    const inProject = parts[0] === 'projects'; // else e.g. express-mode "datasets/1", "publishers/google/models/m"
    if (inProject && this.projects.numberFor(parts[1] ?? '') === undefined) {
      return bad(`Invalid resource field value in the request. Project id \`${parts[1]}\` is malformed.`);
    }
    if (inProject && parts[2] === 'locations' && parts[3] !== undefined && !isKnownRegion(parts[3])) {
      // Not Google's exact words (those depend on the regional host); same code and shape.
      return bad(`Location \`${parts[3]}\` is not a supported Vertex AI region.`);
    }
    for (let i = inProject ? 5 : 1; i < parts.length; i += 2) {
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
