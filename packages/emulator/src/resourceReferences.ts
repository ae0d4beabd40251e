// Which request fields name a resource, and which shapes such a name may take, both read
// from the protos: a field marked (google.api.resource_reference) names a resource of
// `type`, or a parent of `child_type`; the patterns come from (google.api.resource) and
// (google.api.resource_definition), plus the path variables of the http rules that bind
// such fields. The rules are needed because protobufjs keeps only the last pattern of a
// repeated option: Endpoint's "…/endpoints/{endpoint}" survives only in GetEndpoint's rule.
import type { FieldViolation } from './googleError';
import { compileTemplate } from './pathTemplate';
import { snakeCase, type FieldInfo, type ProtoSchema } from './protoSchema';
import type { JsonObject } from './wireCodec';

/** A reference-typed value found in a request, with its field path ("deployed_model.model"). */
export interface NamedValue {
  field: string;
  value: string;
  info: FieldInfo;
}

export class ResourceReferences {
  /** Per resource type: each name shape (variables as "*") → how to show it. */
  private readonly byType = new Map<string, Map<string, string>>();
  private readonly parentsOf = new Map<string, Map<string, string>>();
  /** What the http rules bind to `parent` fields marked `type: X` (see patternsOf). */
  private readonly parentFields = new Map<string, Map<string, string>>();
  /** Per message type: the fields that are references or may hold one further down. */
  private readonly paths = new Map<string, FieldInfo[]>();

  constructor(private readonly schema: ProtoSchema) {
    for (const [type, patterns] of schema.resourceDefinitions()) for (const p of patterns) add(this.byType, type, p);
    for (const method of schema.methods()) {
      for (const rule of method.httpRules) {
        const template = compileTemplate(rule.template);
        template.variables.forEach((path, i) => {
          const field = this.fieldAt(method.requestType, path);
          const reference = field?.reference;
          // Some `parent` fields carry `type` where `child_type` is meant (see patternsOf).
          if (reference?.type) add(field?.name === 'parent' ? this.parentFields : this.byType, reference.type, template.patterns[i]);
          if (reference?.childType) add(this.parentsOf, reference.childType, template.patterns[i]);
        });
      }
    }
    // A parent of X has the shape of a name of X without its last collection/id pair.
    for (const [type, patterns] of this.byType) {
      for (const shown of patterns.values()) {
        const parts = shown.split('/');
        if (parts.length > 2) add(this.parentsOf, type, parts.slice(0, -2).join('/'));
      }
    }
  }

  /**
   * The patterns a name in this field may take, in display form ("projects/{project}/…"),
   * or undefined when the protos show none (another API's resource: compute Network).
   * A `parent` marked with `type: X` (CreateTensorboardExperimentRequest.parent) takes a
   * name of X or of X's parent: the protos use both readings.
   */
  patternsOf(field: FieldInfo): string[] | undefined {
    const { type, childType } = field.reference ?? {};
    const shapes = childType
      ? this.lookup(this.parentsOf, childType)
      : [...this.lookup(this.byType, type), ...(field.name === 'parent' ? [...this.lookup(this.parentsOf, type), ...this.lookup(this.parentFields, type)] : [])];
    return shapes.length ? [...new Set(shapes)] : undefined;
  }

  private lookup(table: Map<string, Map<string, string>>, type = ''): string[] {
    if (type === '*') return [...table.values()].flatMap((m) => [...m.values()]);
    return [...(table.get(type)?.values() ?? [])];
  }

  /** Whether a name has the shape of one of the patterns: same collections, no empty id. */
  static matches(name: string, patterns: readonly string[]): boolean {
    const parts = name.split('/');
    return patterns.some((pattern) => {
      const want = starForm(pattern).split('/');
      return want.length === parts.length && want.every((w, i) => (w === '*' ? parts[i] !== '' : w === parts[i]));
    });
  }

  /** Every reference-typed string a request carries, wherever it sits in the message. */
  namedValues(typeName: string, message: unknown): NamedValue[] {
    const found: NamedValue[] = [];
    this.walk(typeName, message, '', found);
    return found;
  }

  /** Request field paths (camelCase, dotted) that are references, for tests and docs; depth-limited, no repeated hops. */
  referenceFields(typeName: string, depth = 4, prefix = ''): { path: string; field: FieldInfo }[] {
    const out: { path: string; field: FieldInfo }[] = [];
    for (const field of this.fieldsLeadingToReferences(typeName)) {
      const path = prefix ? `${prefix}.${field.name}` : field.name;
      if (field.reference && field.kind === 'scalar') out.push({ path, field });
      else if (field.kind === 'message' && !field.repeated && !field.map && depth > 1) out.push(...this.referenceFields(field.type, depth - 1, path));
    }
    return out;
  }

  private walk(typeName: string, message: unknown, prefix: string, found: NamedValue[]): void {
    if (message === null || typeof message !== 'object') return;
    for (const field of this.fieldsLeadingToReferences(typeName)) {
      const value = (message as JsonObject)[field.name];
      if (value === undefined || value === null) continue;
      const path = `${prefix}${snakeCase(field.name)}`;
      const entries: [string, unknown][] = field.map
        ? Object.entries(value as JsonObject).map(([k, v]) => [`${path}[${JSON.stringify(k)}]`, v])
        : field.repeated && Array.isArray(value)
          ? value.map((v, i) => [`${path}[${i}]`, v])
          : [[path, value]];
      for (const [at, item] of entries) {
        if (field.reference && field.kind === 'scalar') {
          if (typeof item === 'string' && item !== '') found.push({ field: at, value: item, info: field });
        } else this.walk(field.type, item, `${at}.`, found);
      }
    }
  }

  private fieldsLeadingToReferences(typeName: string, visiting = new Set<string>()): FieldInfo[] {
    const cached = this.paths.get(typeName);
    if (cached) return cached;
    // A type met again while its own fields are being sorted out may lead to references: keep it.
    if (visiting.has(typeName)) return [];
    visiting.add(typeName);
    const fields = [...(this.schema.message(typeName)?.fields.values() ?? [])].filter((f) =>
      f.reference ? f.kind === 'scalar' : f.kind === 'message' && (visiting.has(f.type) || this.fieldsLeadingToReferences(f.type, visiting).length > 0),
    );
    visiting.delete(typeName);
    this.paths.set(typeName, fields);
    return fields;
  }

  /** The field a dotted camelCase path ("endpoint.name") leads to from a message type. */
  fieldAt(typeName: string, path: string): FieldInfo | undefined {
    let type = typeName;
    let field: FieldInfo | undefined;
    for (const part of path.split('.')) {
      field = this.schema.message(type)?.fields.get(part);
      if (!field) return undefined;
      type = field.type;
    }
    return field;
  }
}

/** The shape of a pattern: every variable, "{model}" or "*", becomes "*". */
function starForm(pattern: string): string {
  return pattern.replace(/\{[^}]*\}/g, '*');
}

/** Keeps one display form per shape, preferring the definition's named variables. */
function add(table: Map<string, Map<string, string>>, type: string, pattern: string): void {
  const shapes = table.get(type) ?? new Map<string, string>();
  const key = starForm(pattern);
  const current = shapes.get(key);
  if (current === undefined || (!current.includes('{') && pattern.includes('{'))) shapes.set(key, pattern);
  table.set(type, shapes);
}

/** "aiplatform.googleapis.com/Model" → "Model". */
export function resourceKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

export function malformedName(named: NamedValue, patterns: readonly string[]): FieldViolation {
  const { field, value } = named;
  const reference = named.info.reference ?? {};
  const what = reference.type && reference.type !== '*' ? `a ${resourceKind(reference.type)} name` : reference.childType && reference.childType !== '*' ? `a parent for ${resourceKind(reference.childType)}` : 'a resource name';
  const shapes = patterns.map((p) => `\`${p}\``).join(' or ');
  return { field, description: `\`${value}\` is not ${what}: use the full resource name, ${shapes}.` };
}
