// The REST call a launch is about to make, as a curl command the user can read,
// keep or run themselves. Shown before anything is sent. URL and body are quoted
// (src/quoting/quote.ts); only the token's `$(gcloud …)` is meant to run.
import { shellQuote } from '../common/quote';

export interface RestCall {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Full URL, e.g. https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/tuningJobs */
  readonly url: string;
  readonly body?: unknown;
}

export function curlCommand(call: RestCall): string {
  const lines = [`curl -X ${call.method} \\`, `  -H "Authorization: Bearer $(gcloud auth print-access-token)" \\`];
  if (call.body === undefined) return [...lines, `  ${shellQuote(call.url)}`].join('\n');
  const body = JSON.stringify(call.body, null, 2);
  return [...lines, `  -H 'Content-Type: application/json; charset=utf-8' \\`, `  ${shellQuote(call.url)} \\`, `  -d ${shellQuote(body)}`].join('\n');
}
