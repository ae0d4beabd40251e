// The BigQuery schema Vertex AI gives a request-response logging table (the generative-AI
// "v2" schema: the classic endpoint columns plus model, api_method and JSON columns).
import type { FieldSchema } from '../sql/sqlTypes';

export const REQUEST_LOG_SCHEMA: FieldSchema[] = [
  { name: 'endpoint', type: 'STRING', mode: 'NULLABLE' },
  { name: 'deployed_model_id', type: 'STRING', mode: 'NULLABLE' },
  { name: 'logging_time', type: 'TIMESTAMP', mode: 'NULLABLE' },
  { name: 'request_id', type: 'NUMERIC', mode: 'NULLABLE' },
  { name: 'request_payload', type: 'STRING', mode: 'REPEATED' },
  { name: 'response_payload', type: 'STRING', mode: 'REPEATED' },
  { name: 'model', type: 'STRING', mode: 'NULLABLE' },
  { name: 'model_version', type: 'STRING', mode: 'NULLABLE' },
  { name: 'api_method', type: 'STRING', mode: 'NULLABLE' },
  { name: 'full_request', type: 'JSON', mode: 'NULLABLE' },
  { name: 'full_response', type: 'JSON', mode: 'NULLABLE' },
  { name: 'metadata', type: 'JSON', mode: 'NULLABLE' },
  { name: 'otel_log', type: 'JSON', mode: 'NULLABLE' },
];
