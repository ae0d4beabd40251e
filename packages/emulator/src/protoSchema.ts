// Reads the protobufjs JSON descriptor shipped with @google-cloud/aiplatform, so the
// emulator's routes, field names, enums and validation come from the same protos the
// official client uses, instead of being written by hand.
import protosJson from '@google-cloud/aiplatform/build/protos/protos.json';

interface RawField {
  type: string;
  id: number;
  rule?: string;
  keyType?: string;
  options?: Record<string, unknown>;
}
interface RawNode {
  nested?: Record<string, RawNode>;
  fields?: Record<string, RawField>;
  values?: Record<string, number>;
  methods?: Record<string, RawMethod>;
  oneofs?: Record<string, { oneof: string[] }>;
  options?: Record<string, unknown>;
}
interface RawMethod {
  requestType: string;
  responseType: string;
  parsedOptions?: Record<string, unknown>[];
}

export type FieldKind = 'scalar' | 'enum' | 'message';

export interface FieldInfo {
  /** lowerCamelCase JSON name, as protobufjs stores it. */
  name: string;
  /** Scalar name ('string', 'int64', …) or the resolved full type name. */
  type: string;
  kind: FieldKind;
  repeated: boolean;
  map: boolean;
  /** google.api.field_behavior. protobufjs keeps only the LAST value of a repeated
   * field option, so a field marked both REQUIRED and IMMUTABLE shows IMMUTABLE only. */
  behavior?: string;
  proto3Optional: boolean;
  /** google.api.resource_reference: the value names a resource of `type`, or a parent of `childType`. */
  reference?: { type?: string; childType?: string };
}

export interface MessageInfo {
  fullName: string;
  shortName: string;
  fields: Map<string, FieldInfo>;
}

export interface EnumInfo {
  fullName: string;
  byName: Map<string, number>;
  byNumber: Map<number, string>;
}

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRule {
  verb: HttpVerb;
  template: string;
  /** '*' (whole body is the request), a snake_case request field name, or undefined. */
  body?: string;
}

export interface MethodInfo {
  /** e.g. 'v1' */
  version: string;
  /** e.g. 'EndpointService' */
  serviceName: string;
  /** e.g. 'ListEndpoints' */
  name: string;
  /** e.g. 'google.cloud.aiplatform.v1.EndpointService.ListEndpoints' */
  fullName: string;
  requestType: string;
  responseType: string;
  httpRules: HttpRule[];
  /** From (google.longrunning.operation_info): the method answers with an Operation. */
  lro?: { responseType: string; metadataType: string };
}

const SCALARS = new Set([
  'double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64',
  'fixed32', 'fixed64', 'sfixed32', 'sfixed64', 'bool', 'string', 'bytes',
]);
export const INT64_SCALARS = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

export const API_PACKAGES = ['google.cloud.aiplatform.v1', 'google.cloud.aiplatform.v1beta1'];

export class ProtoSchema {
  private readonly messages = new Map<string, MessageInfo | null>();
  private readonly enums = new Map<string, EnumInfo | null>();
  private methodList?: MethodInfo[];

  constructor(private readonly root: RawNode) {}

  message(fullName: string): MessageInfo | undefined {
    const cached = this.messages.get(fullName);
    if (cached !== undefined) return cached ?? undefined;
    const node = this.node(fullName);
    const info = node?.fields ? this.buildMessage(fullName, node) : null;
    this.messages.set(fullName, info);
    return info ?? undefined;
  }

  enumType(fullName: string): EnumInfo | undefined {
    const cached = this.enums.get(fullName);
    if (cached !== undefined) return cached ?? undefined;
    const node = this.node(fullName);
    let info: EnumInfo | null = null;
    if (node?.values) {
      const byName = new Map(Object.entries(node.values));
      const byNumber = new Map<number, string>();
      // Aliased values: the first name for a number is the canonical one.
      for (const [name, num] of byName) if (!byNumber.has(num)) byNumber.set(num, name);
      info = { fullName, byName, byNumber };
    }
    this.enums.set(fullName, info);
    return info ?? undefined;
  }

  /** Every method of every service in the v1 and v1beta1 packages. */
  methods(): MethodInfo[] {
    if (!this.methodList) {
      this.methodList = [];
      for (const pkg of API_PACKAGES) {
        for (const [serviceName, service] of Object.entries(this.node(pkg)?.nested ?? {})) {
          if (!service.methods) continue;
          for (const [name, raw] of Object.entries(service.methods)) {
            this.methodList.push(this.buildMethod(pkg, serviceName, name, raw));
          }
        }
      }
    }
    return this.methodList;
  }

  /**
   * Patterns of every google.api.resource and resource_definition, by resource type.
   * protobufjs keeps only the LAST pattern of a repeated option, and one file-level
   * definition per package, so callers add what the http rules show (resourcePatterns.ts).
   */
  resourceDefinitions(): Map<string, string[]> {
    const found = new Map<string, string[]>();
    const visit = (node: RawNode) => {
      for (const kind of ['resource', 'resource_definition']) {
        const type = node.options?.[`(google.api.${kind}).type`];
        const pattern = node.options?.[`(google.api.${kind}).pattern`];
        if (typeof type === 'string' && typeof pattern === 'string') found.set(type, [...(found.get(type) ?? []), pattern]);
      }
      for (const child of Object.values(node.nested ?? {})) visit(child);
    };
    visit(this.root);
    return found;
  }

  /** protobufjs name resolution: try the scope, then each enclosing namespace. */
  resolve(ref: string, scope: string): string | undefined {
    if (ref.startsWith('.')) return this.node(ref.slice(1)) ? ref.slice(1) : undefined;
    const parts = scope.split('.');
    for (let i = parts.length; i >= 0; i--) {
      const candidate = [...parts.slice(0, i), ref].join('.');
      const node = this.node(candidate);
      if (node && (node.fields || node.values)) return candidate;
    }
    return undefined;
  }

  private node(fullName: string): RawNode | undefined {
    let node: RawNode | undefined = this.root;
    for (const part of fullName.split('.')) {
      node = node?.nested?.[part];
      if (!node) return undefined;
    }
    return node;
  }

  private buildMessage(fullName: string, node: RawNode): MessageInfo {
    const fields = new Map<string, FieldInfo>();
    for (const [name, raw] of Object.entries(node.fields ?? {})) {
      const scalar = SCALARS.has(raw.type);
      const type = scalar ? raw.type : (this.resolve(raw.type, fullName) ?? raw.type);
      const kind: FieldKind = scalar ? 'scalar' : this.node(type)?.values ? 'enum' : 'message';
      fields.set(name, {
        name,
        type,
        kind,
        repeated: raw.rule === 'repeated',
        map: raw.keyType !== undefined,
        behavior: raw.options?.['(google.api.field_behavior)'] as string | undefined,
        proto3Optional: raw.options?.['proto3_optional'] === true,
        reference: referenceOf(raw.options),
      });
    }
    return { fullName, shortName: fullName.slice(fullName.lastIndexOf('.') + 1), fields };
  }

  private buildMethod(pkg: string, serviceName: string, name: string, raw: RawMethod): MethodInfo {
    const scope = `${pkg}.${serviceName}`;
    const httpRules: HttpRule[] = [];
    let lro: MethodInfo['lro'];
    for (const option of raw.parsedOptions ?? []) {
      const http = option['(google.api.http)'] as Record<string, unknown> | undefined;
      if (http) {
        const bindings = http.additional_bindings;
        for (const binding of [http, ...(Array.isArray(bindings) ? bindings : bindings ? [bindings] : [])]) {
          const rule = toHttpRule(binding as Record<string, unknown>);
          if (rule) httpRules.push(rule);
        }
      }
      const info = option['(google.longrunning.operation_info)'] as Record<string, string> | undefined;
      if (info) {
        lro = {
          responseType: this.resolve(info.response_type, scope) ?? info.response_type,
          metadataType: this.resolve(info.metadata_type, scope) ?? info.metadata_type,
        };
      }
    }
    return {
      version: pkg.slice(pkg.lastIndexOf('.') + 1),
      serviceName,
      name,
      fullName: `${scope}.${name}`,
      requestType: this.resolve(raw.requestType, scope) ?? raw.requestType,
      responseType: this.resolve(raw.responseType, scope) ?? raw.responseType,
      httpRules,
      lro,
    };
  }
}

function referenceOf(options: Record<string, unknown> | undefined): FieldInfo['reference'] {
  const type = options?.['(google.api.resource_reference).type'];
  const childType = options?.['(google.api.resource_reference).child_type'];
  if (typeof type !== 'string' && typeof childType !== 'string') return undefined;
  return { type: typeof type === 'string' ? type : undefined, childType: typeof childType === 'string' ? childType : undefined };
}

function toHttpRule(binding: Record<string, unknown>): HttpRule | undefined {
  for (const verb of ['get', 'post', 'put', 'patch', 'delete'] as const) {
    const template = binding[verb];
    if (typeof template === 'string') {
      return { verb: verb.toUpperCase() as HttpVerb, template, body: binding.body as string | undefined };
    }
  }
  return undefined;
}

let shared: ProtoSchema | undefined;

/** One schema per process: building it is cheap, but the JSON is 4 MB. */
export function loadSchema(): ProtoSchema {
  shared ??= new ProtoSchema(protosJson as unknown as RawNode);
  return shared;
}

export function snakeCase(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Field path in the snake_case form Google prints in error messages. */
export function snakePath(path: string): string {
  return path.split('.').map(snakeCase).join('.');
}
