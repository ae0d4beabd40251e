// The route table. Vertex routes are derived from each method's (google.api.http)
// rule in the protos, additional_bindings included; the few routes the protos do not
// carry (operations, locations, Resource Manager) are added by hand with the same
// template syntax.
import { compareSpecificity, compileTemplate, matchTemplate, type PathTemplate } from './pathTemplate';
import type { HttpRule, HttpVerb, MethodInfo, ProtoSchema } from './protoSchema';

export interface RouteBase {
  verb: HttpVerb;
  template: PathTemplate;
}

export interface ProtoRoute extends RouteBase {
  kind: 'proto';
  method: MethodInfo;
  rule: HttpRule;
}

export interface RouteMatch<R extends RouteBase> {
  route: R;
  vars: Record<string, string>;
}

export class RouteTable<R extends RouteBase> {
  // Bucketed by verb and first path segment ("v1", "ui", …): ~850 routes stay cheap.
  private readonly buckets = new Map<string, R[]>();

  constructor(routes: Iterable<R>) {
    for (const route of routes) {
      const key = bucketKey(route.verb, route.template.source);
      const bucket = this.buckets.get(key) ?? [];
      bucket.push(route);
      this.buckets.set(key, bucket);
    }
    for (const bucket of this.buckets.values()) bucket.sort((a, b) => compareSpecificity(a.template, b.template));
  }

  match(verb: string, rawPath: string): RouteMatch<R> | undefined {
    for (const route of this.buckets.get(bucketKey(verb, rawPath)) ?? []) {
      const vars = matchTemplate(route.template, rawPath);
      if (vars) return { route, vars };
    }
    return undefined;
  }

  get size(): number {
    let n = 0;
    for (const bucket of this.buckets.values()) n += bucket.length;
    return n;
  }
}

function bucketKey(verb: string, path: string): string {
  return `${verb} ${path.split('/')[1] ?? ''}`;
}

/** One route per http rule of every v1/v1beta1 method. */
export function deriveProtoRoutes(schema: ProtoSchema): ProtoRoute[] {
  const routes: ProtoRoute[] = [];
  for (const method of schema.methods()) {
    for (const rule of method.httpRules) {
      routes.push({ kind: 'proto', verb: rule.verb, template: compileTemplate(rule.template), method, rule });
    }
  }
  return routes;
}
