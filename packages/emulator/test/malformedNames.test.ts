// AIP-193: a malformed resource name is 400 INVALID_ARGUMENT with a BadRequest violation
// naming the field; a well-formed name of a missing resource is 404 NOT_FOUND. Checked
// through the official client for the case users meet (what the extension makes of it:
// test/unit/vertex/userErrors.test.ts), then over every proto route that
// takes a name, the routes and reference fields read from the same protos as the emulator.
import * as assert from 'node:assert/strict';
import { EndpointServiceClient } from '@google-cloud/aiplatform/build/src/v1/endpoint_service_client';
import { loadSchema, snakePath } from '../src/protoSchema';
import { ResourceReferences } from '../src/resourceReferences';
import { deriveProtoRoutes, type ProtoRoute } from '../src/routes';
import { DEMO_IDS } from '../src/seeds/demoIds';
import { DEMO_TENSORBOARD } from '../src/seeds/demoTensorboard';
import { rejection, US_PARENT, useEmulator } from './emulatorHarness';

type Violation = { field?: string; description?: string };
type ErrorBody = { error?: { code: number; status: string; message: string; details?: { fieldViolations?: Violation[] }[] } };

const violationsOf = (details: unknown): Violation[] =>
  ((details ?? []) as { fieldViolations?: Violation[] }[]).flatMap((d) => d.fieldViolations ?? []);

describe('emulator: malformed resource names', function () {
  this.timeout(120_000);
  const h = useEmulator();
  const endpoint = `${US_PARENT}/endpoints/${DEMO_IDS.endpoints.stagingSandbox}`;
  const machine = { machineSpec: { machineType: 'g2-standard-8', acceleratorType: 'NVIDIA_L4' as const, acceleratorCount: 1 }, minReplicaCount: 1 };

  describe('through the official client', () => {
    let endpoints: EndpointServiceClient;
    before(() => (endpoints = new EndpointServiceClient(h.clientOptions())));
    after(() => endpoints?.close());

    it('deployModel with a short model name: 400 naming deployed_model.model, and a sentence saying what a full name looks like', async () => {
      const err = await rejection(endpoints.deployModel({ endpoint, deployedModel: { model: 'models/not-a-full-resource-name', dedicatedResources: machine } }));
      assert.equal(err.code, 3, err.message);
      assert.deepEqual(violationsOf(err.statusDetails).map((v) => v.field), ['deployed_model.model']);
      assert.equal(
        violationsOf(err.statusDetails)[0].description,
        '`models/not-a-full-resource-name` is not a Model name: use the full resource name, `projects/{project}/locations/{location}/models/{model}`.',
      );
    });

    it('deployModel with a well-formed name of a missing model: 404', async () => {
      const err = await rejection(endpoints.deployModel({ endpoint, deployedModel: { model: `${US_PARENT}/models/4242`, dedicatedResources: machine } }));
      assert.equal(err.code, 5, err.message);
      assert.match(err.message, /projects\/123456789012\/locations\/us-central1\/models\/4242/);
    });

    it('lists every malformed field of one request, path and body', async () => {
      const err = await rejection(endpoints.getEndpoint({ name: `${US_PARENT}/endpoints/bad id!` }));
      assert.equal(err.code, 3, err.message);
      assert.deepEqual(violationsOf(err.statusDetails).map((v) => v.field), ['name']);
      const both = await h.fetch(`/v1/${US_PARENT}/endpoints/bad%20id!:deployModel`, {
        method: 'POST',
        body: JSON.stringify({ deployedModel: { model: 'gemma' } }),
      });
      const body = (await both.json()) as ErrorBody;
      assert.equal(both.status, 400);
      assert.deepEqual(violationsOf(body.error?.details).map((v) => v.field).sort(), ['deployed_model.model', 'endpoint']);
    });

    it('checks names inside repeated fields, with the index in the field path', async () => {
      const board = DEMO_TENSORBOARD;
      const res = await h.fetch(`/v1/${board}:batchRead?timeSeries=${encodeURIComponent(`${board}/experiments/e/runs/r/timeSeries/t`)}&timeSeries=t2`);
      const body = (await res.json()) as ErrorBody;
      assert.equal(res.status, 400);
      assert.deepEqual(violationsOf(body.error?.details).map((v) => v.field), ['time_series[1]']);
    });
  });

  describe('every route that takes a name', () => {
    const schema = loadSchema();
    const references = new ResourceReferences(schema);
    const routes = deriveProtoRoutes(schema);
    const fieldAt = (route: ProtoRoute, path: string) => references.fieldAt(route.method.requestType, path);
    /** The route's URL with every variable filled with a well-formed name; `bad` spoils one variable's last id. */
    const urlOf = (route: ProtoRoute, bad?: string): string => {
      let i = 0;
      return route.rule.template.replace(/\{[^}=]+(?:=([^}]*))?\}/g, (_, pattern = '*') => {
        const name = route.template.variables[i++];
        const parts = (pattern as string).split('/');
        const filled = parts.map((p, k) => (p !== '*' ? p : parts[k - 1] === 'projects' ? 'genai-demo' : parts[k - 1] === 'locations' ? 'us-central1' : '4242'));
        if (name === bad) filled[parts.lastIndexOf('*')] = 'bad%20id!';
        return filled.join('/');
      });
    };
    const call = async (route: ProtoRoute, url: string, body?: unknown) => {
      const withBody = route.verb === 'POST' || route.verb === 'PATCH' || route.verb === 'PUT';
      const res = await h.fetch(url, { method: route.verb, body: withBody ? JSON.stringify(body ?? {}) : undefined });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as ErrorBody };
    };
    const expectViolation = (what: string, answer: { status: number; body: ErrorBody }, field: string) => {
      const fields = violationsOf(answer.body.error?.details).map((v) => v.field);
      return answer.status === 400 && answer.body.error?.status === 'INVALID_ARGUMENT' && fields.includes(field)
        ? undefined
        : `${what}: ${answer.status} ${JSON.stringify(fields)} (${answer.body.error?.message ?? ''})`;
    };

    it('path names: malformed → 400 naming the variable; well-formed but missing → 404 (501 where the method is not emulated)', async () => {
      const failures: string[] = [];
      let routesWithNames = 0;
      let refused = 0;
      let missing404 = 0;
      let notEmulated = 0;
      const refusedFirst: string[] = [];
      for (const route of routes) {
        const named = route.template.variables.filter((v) => fieldAt(route, v)?.reference);
        if (!named.length) continue;
        routesWithNames++;
        for (const variable of named) {
          const what = `${route.verb} ${route.rule.template} [${variable}]`;
          const failure = expectViolation(what, await call(route, urlOf(route, variable)), snakePath(variable));
          if (failure) failures.push(failure);
          else refused++;
        }
        // Only a name below a location can be missing: projects and locations always exist.
        const target = route.template.patterns[route.template.variables.indexOf(named[0])];
        if (target.split('/').length <= 4 && target.startsWith('projects/')) continue;
        const answer = await call(route, urlOf(route));
        if (answer.status === 404 && answer.body.error?.status === 'NOT_FOUND') missing404++;
        else if (answer.status === 501) notEmulated++;
        // The empty body this test sends lacks what the method needs: refused before the lookup, as Vertex does.
        else if (answer.status === 400 && !violationsOf(answer.body.error?.details).some((v) => named.some((n) => v.field === snakePath(n)))) refusedFirst.push(route.rule.template);
        else failures.push(`${route.verb} ${route.rule.template} well-formed: ${answer.status} ${answer.body.error?.message ?? ''}`);
      }
      console.log(
        `      malformed path names: ${routesWithNames} routes, ${refused} names → 400; well-formed but missing: ${missing404} → 404, ` +
          `${notEmulated} not emulated → 501, ${refusedFirst.length} refused first for the empty body (${refusedFirst.join(', ')})`,
      );
      assert.deepEqual(failures, []);
      assert.ok(routesWithNames > 700, `only ${routesWithNames} routes take a name`);
      assert.ok(missing404 > 100, `only ${missing404} routes answered 404`);
      assert.ok(refusedFirst.length < 12, `${refusedFirst.length} routes refused the empty body before the lookup`);
    });

    it('body and query names: a name that is not a full resource name → 400 naming the field', async () => {
      const failures: string[] = [];
      const covered = new Set<ProtoRoute>();
      let fields = 0;
      let refused = 0;
      for (const route of routes) {
        const pathBound = new Set(route.template.variables);
        for (const { path, field } of references.referenceFields(route.method.requestType)) {
          if (pathBound.has(path) || !references.patternsOf(field)) continue;
          const bodyField = route.rule.body;
          const inBody = bodyField === '*' || (bodyField !== undefined && path.startsWith(`${bodyField.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}.`));
          const value = field.repeated ? ['not-a-full-resource-name'] : 'not-a-full-resource-name';
          const expected = `${snakePath(path)}${field.repeated ? '[0]' : ''}`;
          let answer;
          if (inBody) {
            const parts = path.split('.');
            if (bodyField !== '*') parts.shift();
            const body: Record<string, unknown> = {};
            let node = body;
            for (const part of parts.slice(0, -1)) node = (node[part] = {}) as Record<string, unknown>;
            node[parts[parts.length - 1]] = value;
            answer = await call(route, urlOf(route), body);
          } else {
            answer = await call(route, `${urlOf(route)}?${snakePath(path)}=not-a-full-resource-name`);
          }
          fields++;
          covered.add(route);
          const failure = expectViolation(`${route.verb} ${route.rule.template} [${path}]`, answer, expected);
          if (failure) failures.push(failure);
          else refused++;
        }
      }
      console.log(`      malformed body and query names: ${fields} fields over ${covered.size} routes, ${refused} → 400`);
      assert.deepEqual(failures, []);
      assert.ok(fields > 100, `only ${fields} fields`);
    });
  });
});
