// The JSON schemas the editor validates spec and prompt files with (jsonValidation,
// yamlValidation): the repo's examples pass, malformed files fail, and the spec schema
// says what the extension's own reader accepts, field for field.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { parsePromptFile } from '../../../src/features/prompts/promptFile';
import type { LaunchKind } from '../../../src/features/tuning/launch/launchTypes';
import { readSpec } from '../../../src/features/tuning/spec/specFile';
import { SPEC_SCHEMAS, type ObjectSchema } from '../../../src/features/tuning/spec/specSchema';

const ROOT = resolve(__dirname, '..', '..', '..', '..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const schema = (name: string) => JSON.parse(read(`schemas/${name}`)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const validator = (name: string) => new Ajv({ allErrors: true }).compile(schema(name));

describe('spec and prompt file schemas', () => {
  const spec = validator('tuning-spec.schema.json');
  const prompt = validator('prompt-file.schema.json');

  it('package.json points the editor at them for *.tuning.json, *.tuning.yaml and *.prompt.yaml', () => {
    const contributes = JSON.parse(read('package.json')).contributes;
    assert.deepEqual(contributes.jsonValidation, [{ fileMatch: '*.tuning.json', url: './schemas/tuning-spec.schema.json' }]);
    const yaml = contributes.yamlValidation.map((v: { url: string; fileMatch: string[] }) => [v.url, v.fileMatch]);
    assert.deepEqual(yaml, [['./schemas/tuning-spec.schema.json', ['*.tuning.yaml', '*.tuning.yml']], ['./schemas/prompt-file.schema.json', ['*.prompt.yaml', '*.prompt.yml']]]);
  });

  it("accepts the repo's example spec files, which the extension reads without a problem", () => {
    for (const file of ['examples/support.tuning.yaml', 'examples/gemma-lora.tuning.json']) {
      const text = read(file);
      assert.ok(spec(parse(text)), `${file}: ${JSON.stringify(spec.errors)}`);
      assert.deepEqual(readSpec(text, ROOT).problems, [], file);
    }
  });

  it("accepts the repo's example prompt file, which the extension parses without an error", () => {
    const text = read('examples/refund.prompt.yaml');
    assert.ok(prompt(parse(text)), JSON.stringify(prompt.errors));
    assert.deepEqual(parsePromptFile(text, 'refund.prompt.yaml').errors, []);
  });

  it('refuses a malformed spec: unknown kind, unknown field, missing field, wrong type', () => {
    const good = parse(read('examples/support.tuning.yaml'));
    const cases: [string, unknown, RegExp][] = [
      ['unknown kind', { ...good, kind: 'geminiTraining' }, /allowed values|equal to one of/],
      ['unknown field', { ...good, epoch: 3 }, /additional properties/],
      ['missing displayName', { ...good, displayName: undefined }, /displayName/],
      ['epochs as text', { ...good, epochs: 'three' }, /number/],
      ['custom job without machine', { ...parse(read('examples/gemma-lora.tuning.json')), machine: undefined }, /machine/],
    ];
    for (const [what, value, message] of cases) {
      const clean = JSON.parse(JSON.stringify(value));
      assert.equal(spec(clean), false, `${what} was accepted`);
      assert.match(JSON.stringify(spec.errors), message, what);
      assert.ok(readSpec(JSON.stringify(clean), ROOT).problems.length > 0, `the extension's reader also refuses: ${what}`);
    }
  });

  it('refuses a malformed prompt file: five compare targets, a parameter as text, an unknown parameter', () => {
    const good = parse(read('examples/refund.prompt.yaml'));
    assert.equal(prompt({ ...good, compare: ['a', 'b', 'c', 'd', 'e'] }), false);
    assert.equal(prompt({ ...good, parameters: { temperature: 'warm' } }), false);
    assert.equal(prompt({ ...good, parameters: { temprature: 0.2 } }), false);
  });

  it('has, per kind, exactly the fields and required fields the spec reader knows', () => {
    const branches = schema('tuning-spec.schema.json').allOf as { if: { properties: { kind: { const: LaunchKind } } }; then: Record<string, any> }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    const compare = (json: Record<string, any>, shape: ObjectSchema, path: string) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(Object.keys(json.properties).sort(), Object.keys(shape).sort(), `${path} fields`);
      assert.deepEqual([...json.required].sort(), Object.keys(shape).filter((k) => !shape[k].optional).sort(), `${path} required`);
      for (const [key, field] of Object.entries(shape)) if (typeof field.type === 'object') compare(json.properties[key], field.type, `${path}.${key}`);
    };
    assert.deepEqual(branches.map((b) => b.if.properties.kind.const).sort(), Object.keys(SPEC_SCHEMAS).sort());
    for (const b of branches) compare(b.then, SPEC_SCHEMAS[b.if.properties.kind.const], b.if.properties.kind.const);
  });
});
