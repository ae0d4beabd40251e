// Every copied command and snippet, run for real with hostile names: bash with stub
// `gcloud` and `curl` first on PATH that record their argv, python3 with stub Google
// modules, node with a stub @google-cloud/aiplatform. Nothing extra may run (no file
// appears) and each program must receive exactly the value that went in.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { parse } from 'yaml';
import { gcloudCommand, type DeployAnswers } from '../../../src/features/deploy/deployRequest';
import { requestCode } from '../../../src/features/playground/playgroundCode';
import type { PlaygroundTarget, PromptRequest } from '../../../src/features/playground/protocol';
import { customGcloud, jobSpec } from '../../../src/features/tuning/launch/customRequest';
import { newCustomLaunch } from '../../../src/features/tuning/launch/customFlow';
import { geminiRestCall } from '../../../src/features/tuning/launch/geminiRequest';
import { newGeminiLaunch } from '../../../src/features/tuning/launch/geminiFlow';
import { hptGcloud, hptJobBody } from '../../../src/features/tuning/launch/hptRequest';
import { newHptLaunch } from '../../../src/features/tuning/launch/hptFlow';
import type { CustomLaunch, HptLaunch } from '../../../src/features/tuning/launch/launchTypes';
import { curlCommand } from '../../../src/vertex/curlCommand';
import { generateContentBody } from '../../../src/vertex/generate';
import { chatCompletionBody } from '../../../src/vertex/openChat';
import { predictInstances } from '../../../src/vertex/predictText';

/** Names a workspace, a model or a table could hand us. The payloads create `pwned` in the working directory. */
export const HOSTILE: readonly string[] = [
  '$(touch pwned)', '`touch pwned`', 'x\ntouch pwned', 'x; touch pwned', 'x && touch pwned', 'x | tee pwned', 'x > pwned',
  'my endpoint', '"double" quotes', "it's", "'; touch pwned; '", '"; touch pwned; "', 'back\\slash\\', '\\',
  'ünïcødé ✓ 模型 🙂', '--flag', '', '*', '~', '!', '!!', '$HOME', '${IFS}touch${IFS}pwned', 'tab\there', '#not a comment',
  '<(touch pwned)', 'EOF', 'x\nEOF\ntouch pwned\nEOF', '\u2028line separator', "'''", '"""', '%s %n', '{}', 'cr\r\nlf',
];

const sandbox = mkdtempSync(join(tmpdir(), 'vgo-quoting-'));
const bin = join(sandbox, 'bin');
// Each call appends its argument count, then its arguments, NUL-terminated (an argument can be empty).
const RECORDER = `#!/bin/sh
printf '%s\\0' "$(basename "$0")" "$#" "$@" >> "$VGO_RECORD"
if [ "$(basename "$0")" = gcloud ] && [ "$1 $2" = "auth print-access-token" ]; then echo TOKEN; fi
if [ "$(basename "$0")" = curl ] && [ -n "$VGO_STDIN" ]; then cat > "$VGO_STDIN"; fi
`;
mkdirSync(bin);
for (const name of ['gcloud', 'curl']) {
  writeFileSync(join(bin, name), RECORDER);
  chmodSync(join(bin, name), 0o755);
}

interface Run {
  readonly calls: string[][];
  /** Files left in the working directory. */
  readonly files: string[];
  readonly stdin?: string;
  readonly dir: string;
}

let runs = 0;
/** Runs a command with real bash in a fresh directory, the stubs first on PATH. */
function runBash(command: string, options: { stdin?: boolean } = {}): Run {
  const dir = join(sandbox, `run-${runs++}`);
  mkdirSync(dir);
  const record = join(sandbox, `record-${runs}`);
  const stdinFile = join(sandbox, `stdin-${runs}`);
  writeFileSync(record, '');
  const r = spawnSync('bash', ['-c', command], {
    cwd: dir,
    encoding: 'utf8',
    input: '',
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, VGO_RECORD: record, ...(options.stdin ? { VGO_STDIN: stdinFile } : {}) },
  });
  assert.equal(r.status, 0, `bash failed: ${r.stderr}\n${command}`);
  const fields = readFileSync(record, 'utf8').split('\0');
  const calls: string[][] = [];
  for (let i = 0; i + 1 < fields.length; ) {
    const count = Number(fields[i + 1]);
    calls.push([fields[i], ...fields.slice(i + 2, i + 2 + count)]);
    i += 2 + count;
  }
  return { calls, files: readdirSync(dir).sort(), dir, ...(options.stdin && existsSync(stdinFile) ? { stdin: readFileSync(stdinFile, 'utf8') } : {}) };
}

const label = (v: string) => JSON.stringify(v);
const TOKEN_CALL = ['gcloud', 'auth', 'print-access-token'];

describe('quoting: generated commands and snippets run with hostile values', function () {
  this.timeout(120_000);
  after(() => rmSync(sandbox, { recursive: true, force: true }));

  it(`the corpus has at least 20 values (${HOSTILE.length})`, () => assert.ok(HOSTILE.length >= 20));

  describe('deploy review: Copy gcloud command', () => {
    const answers = (name: string): DeployAnswers => ({
      version: 'projects/genai-demo/locations/us-central1/models/123@2', modelDisplayName: 'm', regions: ['us-central1'],
      endpoint: { kind: 'new' }, endpointDisplayName: name, access: 'shared' as DeployAnswers['access'], machine: { machineType: 'n1-standard-4' },
      minReplicas: 1, maxReplicas: 2, autoscaling: 'default', target: 60, spot: false, share: 100, existingDeployments: [], loggingRate: 0, loggingTable: '', confirmed: true,
    });
    for (const v of HOSTILE) {
      it(`endpoint display name ${label(v)}`, () => {
        const run = runBash(gcloudCommand(answers(v)));
        assert.deepEqual(run.files, []);
        assert.deepEqual(run.calls, [
          ['gcloud', 'ai', 'endpoints', 'create', '--region=us-central1', `--display-name=${v}`],
          ['gcloud', 'ai', 'endpoints', 'deploy-model', 'ENDPOINT_ID', '--region=us-central1', '--model=123@2', `--display-name=${v}`, '--machine-type=n1-standard-4', '--min-replica-count=1', '--max-replica-count=2'],
        ]);
      });
    }
  });

  describe('custom tuning: Copy gcloud command (config file + flags)', () => {
    for (const v of HOSTILE) {
      it(`display name, label and base model ${label(v)}`, () => {
        const base = newCustomLaunch('us-central1');
        const launch: CustomLaunch = { ...base, displayName: v, labels: { team: v }, args: { ...base.args, baseModel: v } };
        const run = runBash(customGcloud(launch));
        assert.deepEqual(run.files, ['custom-job.yaml']);
        assert.deepEqual(run.calls, [['gcloud', 'ai', 'custom-jobs', 'create', '--region=us-central1', `--display-name=${v}`, '--config=custom-job.yaml', `--labels=team=${v}`]]);
        assert.deepEqual(parse(readFileSync(join(run.dir, 'custom-job.yaml'), 'utf8')), jobSpec(launch));
      });
    }
  });

  describe('hyperparameter tuning: Copy gcloud command', () => {
    for (const v of HOSTILE) {
      it(`display name ${label(v)}`, () => {
        const launch: HptLaunch = { ...newHptLaunch('us-central1'), displayName: v };
        const run = runBash(hptGcloud(launch));
        assert.deepEqual(run.files, ['hp-tuning-job.yaml']);
        assert.deepEqual(run.calls, [['gcloud', 'ai', 'hp-tuning-jobs', 'create', '--region=us-central1', `--display-name=${v}`, `--max-trial-count=${launch.study.maxTrials}`, `--parallel-trial-count=${launch.study.parallelTrials}`, '--config=hp-tuning-job.yaml']]);
        const body = hptJobBody(launch);
        assert.deepEqual(parse(readFileSync(join(run.dir, 'hp-tuning-job.yaml'), 'utf8')), { studySpec: body.studySpec, trialJobSpec: body.trialJobSpec });
      });
    }
  });

  describe('tuning, deploy and upload reviews: the curl command', () => {
    for (const v of HOSTILE) {
      it(`project in the URL, display name and base model in the body ${label(v)}`, () => {
        const call = geminiRestCall(v, { ...newGeminiLaunch('us-central1'), displayName: v, baseModel: v, training: 'gs://b/t.jsonl' });
        const run = runBash(curlCommand(call));
        assert.deepEqual(run.files, []);
        assert.equal(call.url, `https://us-central1-aiplatform.googleapis.com/v1/projects/${v}/locations/us-central1/tuningJobs`);
        assert.deepEqual(run.calls.slice(0, 1), [TOKEN_CALL]);
        const [curl] = run.calls.slice(1);
        assert.deepEqual(curl.slice(0, -1), ['curl', '-X', 'POST', '-H', 'Authorization: Bearer TOKEN', '-H', 'Content-Type: application/json; charset=utf-8', call.url, '-d']);
        assert.deepEqual(JSON.parse(curl.at(-1)!), call.body);
        assert.equal(run.calls.length, 2);
      });
    }
  });

  const request = (v: string): PromptRequest => ({ system: v, history: [{ role: 'user', text: v }, { role: 'model', text: v }], prompt: v, params: { temperature: 0, stopSequences: [v || 'x'] } });
  const targets = (v: string): PlaygroundTarget[] => [
    { name: `projects/genai-demo/locations/us-central1/publishers/google/models/${v}`, displayName: v, region: 'us-central1', kind: 'gemini', deployed: [] },
    { name: `projects/genai-demo/locations/us-central1/endpoints/${v}`, displayName: v, region: 'us-central1', kind: 'openChat', deployed: [] },
    { name: `projects/genai-demo/locations/us-central1/endpoints/${v}`, displayName: v, region: 'us-central1', kind: 'predict', deployed: [] },
  ];
  const wire = (target: PlaygroundTarget, r: PromptRequest) =>
    target.kind === 'gemini' ? generateContentBody(r) : target.kind === 'openChat' ? chatCompletionBody(r) : { instances: predictInstances(r) };
  const method = { gemini: 'streamGenerateContent', openChat: 'rawPredict', predict: 'predict' } as const;
  const CLOUD = { baseUrl: 'https://us-central1-aiplatform.googleapis.com', emulator: false };

  describe('Playground: Copy as code, curl', () => {
    for (const v of HOSTILE) {
      it(`target name and prompt ${label(v)}`, () => {
        const [target] = targets(v);
        const run = runBash(requestCode('curl', target, request(v), CLOUD), { stdin: true });
        assert.deepEqual(run.files, []);
        assert.deepEqual(run.calls, [TOKEN_CALL, ['curl', '-X', 'POST', `${CLOUD.baseUrl}/v1/${target.name}:streamGenerateContent`, '-H', 'Authorization: Bearer TOKEN', '-H', 'Content-Type: application/json', '-d', '@-']]);
        assert.deepEqual(JSON.parse(run.stdin!), wire(target, request(v)));
      });
    }
  });

  describe('Playground: Copy as code, Python (real python3, stub google modules)', () => {
    const py = join(sandbox, 'py');
    before(() => {
      const files: Record<string, string> = {
        'google/__init__.py': '', 'google/cloud/__init__.py': '', 'google/auth/__init__.py': '', 'google/api/__init__.py': '', 'google/protobuf/__init__.py': '',
        'google/auth/credentials.py': 'class AnonymousCredentials:\n    pass\n',
        'google/api/httpbody_pb2.py': 'def HttpBody(data, content_type):\n    return {"data": data.decode(), "content_type": content_type}\n',
        'google/protobuf/struct_pb2.py': 'def Value():\n    return None\n',
        'google/protobuf/json_format.py': 'def ParseDict(d, v):\n    return d\n',
        'google/cloud/aiplatform_v1.py': [
          'import json, os',
          'def record(**kw):',
          '    with open(os.environ["VGO_RECORD"], "w", encoding="utf-8") as f: json.dump(kw, f)',
          'class GenerateContentRequest:',
          '    @staticmethod',
          '    def from_json(text): return json.loads(text)',
          'class _Response:',
          '    data = json.dumps({"choices": [{"message": {"content": ""}}]}).encode()',
          '    predictions = []',
          'class PredictionServiceClient:',
          '    def __init__(self, client_options=None, **kw): self.endpoint = client_options["api_endpoint"]',
          '    def stream_generate_content(self, request):',
          '        model = request.pop("model"); record(api=self.endpoint, name=model, body=request); return []',
          '    def raw_predict(self, endpoint, http_body):',
          '        record(api=self.endpoint, name=endpoint, body=json.loads(http_body["data"])); return _Response()',
          '    def predict(self, endpoint, instances):',
          '        record(api=self.endpoint, name=endpoint, body={"instances": instances}); return _Response()',
          '',
        ].join('\n'),
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(join(py, file, '..'), { recursive: true });
        writeFileSync(join(py, file), text);
      }
    });
    const python = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
    // One python3 per value runs the three snippets (gemini, chat, predict) in turn, each in its own directory.
    const RUNNER = 'import os, runpy, sys\nfor d in sys.argv[1:]:\n    os.chdir(d)\n    os.environ["VGO_RECORD"] = d + ".json"\n    runpy.run_path("snippet.py", run_name="__main__")\n';
    for (const v of HOSTILE) {
      it(`target name, system instruction and prompt ${label(v)}`, () => {
        const cases = targets(v).map((target) => ({ target, dir: mkdtempSync(join(sandbox, 'py-run-')), code: requestCode('python', target, request(v), CLOUD) }));
        for (const c of cases) writeFileSync(join(c.dir, 'snippet.py'), c.code);
        const r = spawnSync(python, ['-c', RUNNER, ...cases.map((c) => c.dir)], { cwd: sandbox, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', PYTHONPATH: py, PYTHONIOENCODING: 'utf-8' } });
        assert.equal(r.status, 0, `${r.stderr}\n${cases.map((c) => c.code).join('\n')}`);
        for (const { target, dir } of cases) {
          assert.deepEqual(readdirSync(dir), ['snippet.py'], target.kind);
          assert.deepEqual(JSON.parse(readFileSync(`${dir}.json`, 'utf8')), { api: 'us-central1-aiplatform.googleapis.com', name: target.name, body: wire(target, request(v)) }, target.kind);
        }
      });
    }
  });

  describe('Playground: Copy as code, TypeScript (transpiled, run by node with a stub client)', () => {
    const dir = join(sandbox, 'ts');
    before(() => {
      const pkg = join(dir, 'node_modules', '@google-cloud', 'aiplatform');
      mkdirSync(pkg, { recursive: true });
      writeFileSync(join(pkg, 'package.json'), '{"name":"@google-cloud/aiplatform","type":"module","main":"index.js"}');
      writeFileSync(join(pkg, 'index.js'), [
        "import { writeFileSync } from 'node:fs';",
        'const record = (o) => writeFileSync(process.env.VGO_RECORD, JSON.stringify(o));',
        'class PredictionServiceClient {',
        '  constructor(options) { this.api = options.apiEndpoint; }',
        '  streamGenerateContent({ model, ...body }) { record({ api: this.api, name: model, body }); return (async function* () {})(); }',
        '  async rawPredict({ endpoint, httpBody }) { record({ api: this.api, name: endpoint, body: JSON.parse(httpBody.data.toString()) }); return [{}]; }',
        '  async predict({ endpoint, instances }) { record({ api: this.api, name: endpoint, body: { instances } }); return [{ predictions: [] }]; }',
        '}',
        'export const v1 = { PredictionServiceClient };',
        'export const helpers = { toValue: (v) => v, fromValue: (v) => v };',
      ].join('\n'));
    });
    // One node per value imports the three snippets (gemini, chat, predict) in turn.
    const RUNNER = 'for (const f of process.argv.slice(1)) { process.env.VGO_RECORD = `${f}.json`; await import(f); }';
    for (const v of HOSTILE) {
      it(`target name, system instruction and prompt ${label(v)}`, () => {
        const cases = targets(v).map((target) => {
          const code = requestCode('typescript', target, request(v), CLOUD);
          const js = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
          assert.deepEqual(js.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], code);
          const file = join(dir, `snippet-${runs++}.mjs`);
          writeFileSync(file, js.outputText);
          return { target, file, code };
        });
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', RUNNER, ...cases.map((c) => c.file)], { cwd: dir, encoding: 'utf8', env: {} });
        assert.equal(r.status, 0, `${r.stderr}\n${cases.map((c) => c.code).join('\n')}`);
        for (const { target, file } of cases) {
          assert.deepEqual(JSON.parse(readFileSync(`${file}.json`, 'utf8')), { api: 'us-central1-aiplatform.googleapis.com', name: target.name, body: wire(target, request(v)) }, `${target.kind}: ${method[target.kind]}`);
        }
      });
    }
  });
});
