// Copy as code: the exact request the Playground sent, as curl, Python
// (google-cloud-aiplatform) and TypeScript (@google-cloud/aiplatform). Pure.
// Every value goes through the quoting module: a target name or prompt is data.
import type { PlaygroundTarget, PromptRequest } from './protocol';
import { jsString, pythonLiteral, pythonString, shellHeredoc, shellQuote } from '../../common/quote';
import { vertexHost } from '../../vertex/connection';
import { generateContentBody } from '../../vertex/generate';
import { chatCompletionBody } from '../../vertex/openChat';
import { predictInstances } from '../../vertex/predictText';

export type CodeLanguage = 'curl' | 'python' | 'typescript';

/** Where requests go: Google's regional host, or the emulator's base URL. */
export interface CodeHost {
  readonly baseUrl: string;
  readonly emulator: boolean;
}

export function requestCode(language: CodeLanguage, target: Pick<PlaygroundTarget, 'name' | 'kind' | 'region'>, request: PromptRequest, host: CodeHost): string {
  const { method, body } = wireRequest(target, request);
  const json = JSON.stringify(body, null, 2);
  const url = `${host.baseUrl}/v1/${target.name}:${method}`;
  if (language === 'curl') {
    const auth = host.emulator ? `'Authorization: Bearer emulator'` : '"Authorization: Bearer $(gcloud auth print-access-token)"';
    return `curl -X POST ${shellQuote(url)} \\\n  -H ${auth} \\\n  -H 'Content-Type: application/json' \\\n  -d @- ${shellHeredoc(json)}\n`;
  }
  return language === 'python' ? python(target, method, body, host) : typescript(target, method, body, host);
}

type Body = Record<string, unknown>;

function wireRequest(target: Pick<PlaygroundTarget, 'kind'>, request: PromptRequest): { method: string; body: Body } {
  switch (target.kind) {
    case 'gemini':
      return { method: 'streamGenerateContent', body: generateContentBody(request) };
    case 'openChat':
      return { method: 'rawPredict', body: chatCompletionBody(request) };
    case 'predict':
      return { method: 'predict', body: { instances: predictInstances(request) } };
  }
}

function python(target: Pick<PlaygroundTarget, 'name' | 'kind' | 'region'>, method: string, body: Body, host: CodeHost): string {
  const options = host.emulator
    ? `client_options={"api_endpoint": ${pythonString(host.baseUrl)}}, transport="rest", credentials=AnonymousCredentials()`
    : `client_options={"api_endpoint": ${pythonString(vertexHost(target.region))}}`;
  const name = pythonString(target.name);
  const head = [
    'import json',
    'from google.cloud import aiplatform_v1',
    ...(host.emulator ? ['from google.auth.credentials import AnonymousCredentials'] : []),
    '',
    `client = aiplatform_v1.PredictionServiceClient(${options})`,
    `body = ${pythonLiteral(body)}`,
    '',
  ];
  if (method === 'streamGenerateContent') {
    return [...head,
      `request = aiplatform_v1.GenerateContentRequest.from_json(json.dumps({"model": ${name}, **body}))`,
      'for chunk in client.stream_generate_content(request=request):',
      '    print(chunk.candidates[0].content.parts[0].text, end="", flush=True)',
      ''].join('\n');
  }
  if (method === 'rawPredict') {
    return [...head,
      'from google.api import httpbody_pb2',
      `response = client.raw_predict(endpoint=${name}, http_body=httpbody_pb2.HttpBody(data=json.dumps(body).encode(), content_type="application/json"))`,
      'print(json.loads(response.data)["choices"][0]["message"]["content"])',
      ''].join('\n');
  }
  return [...head,
    'from google.protobuf import json_format, struct_pb2',
    'instances = [json_format.ParseDict(i, struct_pb2.Value()) for i in body["instances"]]',
    `response = client.predict(endpoint=${name}, instances=instances)`,
    'print(response.predictions)',
    ''].join('\n');
}

function typescript(target: Pick<PlaygroundTarget, 'name' | 'kind' | 'region'>, method: string, body: Body, host: CodeHost): string {
  const u = new URL(host.baseUrl);
  const options = host.emulator
    ? `{ apiEndpoint: ${jsString(u.hostname)}, port: ${Number(u.port || 80)}, protocol: 'http', fallback: true }`
    : `{ apiEndpoint: ${jsString(vertexHost(target.region))} }`;
  const name = jsString(target.name);
  const head = [
    `import { helpers, v1 } from '@google-cloud/aiplatform';`,
    '',
    `const client = new v1.PredictionServiceClient(${options});`,
    `const body = ${JSON.stringify(body, null, 2)};`,
    '',
  ];
  if (method === 'streamGenerateContent') {
    return [...head,
      `const stream = client.streamGenerateContent({ model: ${name}, ...body });`,
      'for await (const chunk of stream) process.stdout.write(chunk.candidates?.[0]?.content?.parts?.[0]?.text ?? \'\');',
      ''].join('\n');
  }
  if (method === 'rawPredict') {
    return [...head,
      `const [response] = await client.rawPredict({ endpoint: ${name}, httpBody: { data: Buffer.from(JSON.stringify(body)), contentType: 'application/json' } });`,
      'console.log(response);',
      ''].join('\n');
  }
  return [...head,
    `const [response] = await client.predict({ endpoint: ${name}, instances: body.instances.map((i) => helpers.toValue(i)!) });`,
    'console.log(response.predictions?.map((p) => helpers.fromValue(p as never)));',
    ''].join('\n');
}
