import * as assert from 'node:assert/strict';
import { compileTemplate, matchTemplate, splitRequestVerb } from '../src/pathTemplate';
import { loadSchema } from '../src/protoSchema';
import { RouteTable, deriveProtoRoutes } from '../src/routes';

describe('emulator route derivation', () => {
  const routes = deriveProtoRoutes(loadSchema());
  const table = new RouteTable(routes);
  const find = (verb: string, path: string) => table.match(verb, path);

  it('derives one route per http rule of every v1 and v1beta1 method', () => {
    assert.ok(routes.length > 800, `only ${routes.length} routes`);
    assert.ok(routes.some((r) => r.template.source.startsWith('/v1beta1/')));
    assert.equal(table.size, routes.length);
  });

  it('compiles a collection template and captures the parent', () => {
    const t = compileTemplate('/v1/{parent=projects/*/locations/*}/endpoints');
    assert.deepEqual(t.variables, ['parent']);
    assert.deepEqual(matchTemplate(t, '/v1/projects/p/locations/us-central1/endpoints'), { parent: 'projects/p/locations/us-central1' });
    assert.equal(matchTemplate(t, '/v1/projects/p/locations/us-central1/endpoints/1'), undefined);
    assert.equal(matchTemplate(t, '/v1/projects/p/endpoints'), undefined);
  });

  it('matches custom verbs only against templates with that verb', () => {
    const t = compileTemplate('/v1/{endpoint=projects/*/locations/*/endpoints/*}:streamGenerateContent');
    assert.equal(t.verb, 'streamGenerateContent');
    assert.deepEqual(matchTemplate(t, '/v1/projects/p/locations/l/endpoints/42:streamGenerateContent'), {
      endpoint: 'projects/p/locations/l/endpoints/42',
    });
    assert.equal(matchTemplate(t, '/v1/projects/p/locations/l/endpoints/42'), undefined);
    assert.deepEqual(splitRequestVerb('/v1/a/b:predict'), { path: '/v1/a/b', verb: 'predict' });
  });

  it('camelCases nested variables and decodes percent-encoding after matching', () => {
    const t = compileTemplate('/v1/{endpoint.name=projects/*/locations/*/endpoints/*}');
    assert.deepEqual(t.variables, ['endpoint.name']);
    assert.deepEqual(matchTemplate(t, '/v1/projects/p/locations/l/endpoints/a%40b'), { 'endpoint.name': 'projects/p/locations/l/endpoints/a@b' });
    // An encoded slash stays inside one segment.
    assert.equal(matchTemplate(t, '/v1/projects/p/locations/l/endpoints/a%2Fb')?.['endpoint.name'], 'projects/p/locations/l/endpoints/a/b');
  });

  it('routes known methods, with the body field from the proto', () => {
    const list = find('GET', '/v1/projects/p/locations/us-central1/endpoints');
    assert.equal(list?.route.method.fullName, 'google.cloud.aiplatform.v1.EndpointService.ListEndpoints');
    const create = find('POST', '/v1/projects/p/locations/us-central1/endpoints');
    assert.equal(create?.route.method.name, 'CreateEndpoint');
    assert.equal(create?.route.rule.body, 'endpoint');
    assert.equal(create?.route.method.lro?.metadataType, 'google.cloud.aiplatform.v1.CreateEndpointOperationMetadata');
    const stream = find('POST', '/v1beta1/projects/p/locations/l/publishers/google/models/gemini-2.0-flash-001:streamGenerateContent');
    assert.equal(stream?.route.method.fullName, 'google.cloud.aiplatform.v1beta1.PredictionService.StreamGenerateContent');
    assert.equal(find('DELETE', '/v1/projects/p/locations/l/tuningJobs/1:cancel'), undefined);
  });

  it('includes additional_bindings (parsedOptions, not options)', () => {
    // GetDataset: primary /v1/{name=projects/*/locations/*/datasets/*}, additional /v1/{name=datasets/*}.
    const primary = find('GET', '/v1/projects/p/locations/l/datasets/7');
    const additional = find('GET', '/v1/datasets/7');
    assert.equal(primary?.route.method.name, 'GetDataset');
    assert.equal(additional?.route.method.name, 'GetDataset');
    assert.deepEqual(additional?.vars, { name: 'datasets/7' });
  });
});
