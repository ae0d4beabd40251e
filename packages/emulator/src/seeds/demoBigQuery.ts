// The demo's BigQuery: genai_demo_logs.request_response_logging (Vertex AI's logging
// table for the demo endpoints) and genai_demo_data with fraud_transactions (the rows
// the demo fraud classifier learns from) and support_conversations (prompt/response
// pairs, the source of the support-chat tuning JSONL), tuning_examples (ten rows with
// the gaps real tuning tables have) and web_events (one million generated rows). All of
// it is made when BigQuery is first called, with times relative to when the seed ran.
import { seedBigQuery, type BigQueryState, type TableMeta } from '../bigquery/bigQueryState';
import { generateFraudRows } from '../models/fraudData';
import type { FieldSchema } from '../sql/sqlTypes';
import { DEMO_PROJECT } from './demoIds';
import { REQUEST_LOG_SCHEMA } from '../logging/requestLogSchema';
import { requestLogRows } from './demoRequestLogs';
import { demoModelName } from './demoModels';
import { backingOf } from '../models/modelBacking';
import type { FraudFeatures } from '../models/fraudData';
import { SUPPORT_CONVERSATIONS, SUPPORT_VALIDATION_COUNT } from './demoSupportChat';
import { TUNING_EXAMPLES, TUNING_EXAMPLES_SCHEMA } from './demoTuningExamples';
import { generateWebEvents, WEB_EVENTS_SCHEMA } from './demoWebEvents';
import type { SeedWriter } from './seedWriter';

export const DEMO_LOG_DATASET = 'genai_demo_logs';
export const DEMO_DATA_DATASET = 'genai_demo_data';

const field = (name: string, type: string, mode = 'NULLABLE', description?: string): FieldSchema => ({ name, type, mode, ...(description ? { description } : {}) });

export function seedDemoBigQuery(w: SeedWriter): void {
  seedBigQuery(w.state, (bq) => seedTables(w, bq));
}

function seedTables(w: SeedWriter, bq: BigQueryState): void {
  const defer = (op: Parameters<typeof bq.defer>[0]) => bq.defer(op);
  const now = new Date(w.ago(0, 's'));
  const projectId = DEMO_PROJECT.projectId;
  const dataset = (datasetId: string, description: string, daysAgo: number) => {
    const time = new Date(w.ago(daysAgo, 'd')).getTime();
    bq.addDataset({ projectId, datasetId, location: 'US', creationTime: time, lastModifiedTime: time, description, labels: { team: 'genai' } }, defer);
  };
  const table = (datasetId: string, tableId: string, schema: FieldSchema[], rows: Record<string, unknown>[], description: string, daysAgo: number) => {
    const time = new Date(w.ago(daysAgo, 'd')).getTime();
    const meta: TableMeta = { projectId, datasetId, tableId, schema, creationTime: time, lastModifiedTime: now.getTime(), numRows: 0, numBytes: 0, description };
    bq.addTable(meta, defer);
    bq.seedRows(meta, rows);
    return meta;
  };

  dataset(DEMO_LOG_DATASET, 'Request-response logs of the demo endpoints (Vertex AI request-response logging).', 30);
  table(DEMO_LOG_DATASET, 'request_response_logging', REQUEST_LOG_SCHEMA, requestLogRows(now, (versionId, instance) => churnScore(w, versionId, instance)), 'Sampled requests and responses of support-bot-prod and churn-scoring.', 30);

  dataset(DEMO_DATA_DATASET, 'Training and evaluation data of the demo models.', 120);
  const fraudSchema = [
    field('transaction_id', 'STRING', 'REQUIRED'),
    field('amount', 'FLOAT', 'NULLABLE', 'Transaction amount in EUR.'),
    field('hour_of_day', 'INTEGER'),
    field('distance_from_home_km', 'FLOAT'),
    field('merchant_category', 'STRING'),
    field('card_present', 'BOOLEAN'),
    field('is_fraud', 'INTEGER', 'NULLABLE', 'Label: 1 for a confirmed fraud.'),
  ];
  // The rows the fraud classifier's version 1 is trained on (models/modelBacking.ts).
  const fraud = generateFraudRows(3000, 1001).map((row) => ({ ...row }));
  table(DEMO_DATA_DATASET, 'fraud_transactions', fraudSchema, fraud, 'Card transactions with fraud labels.', 90);

  const supportSchema = [
    field('conversation_id', 'STRING', 'REQUIRED'),
    field('turn', 'INTEGER', 'REQUIRED', 'Position of the exchange in the conversation, from 1.'),
    field('topic', 'STRING'),
    field('prompt', 'STRING', 'REQUIRED'),
    field('response', 'STRING', 'REQUIRED'),
    field('split', 'STRING', 'NULLABLE', 'train or validation, as in gs://genai-demo-tuning/support-chat/.'),
    field('created_time', 'TIMESTAMP'),
  ];
  const trainCount = SUPPORT_CONVERSATIONS.length - SUPPORT_VALIDATION_COUNT;
  const support = SUPPORT_CONVERSATIONS.flatMap((c, i) =>
    c.turns.map((t, turn) => ({
      conversation_id: `conv-${String(i + 1).padStart(4, '0')}`,
      turn: turn + 1,
      topic: c.topic,
      prompt: t.user,
      response: t.model,
      split: i < trainCount ? 'train' : 'validation',
      created_time: w.ago(60 - i, 'd'),
    })),
  );
  table(DEMO_DATA_DATASET, 'support_conversations', supportSchema, support, 'Curated support conversations, one row per prompt/response pair.', 60);
  table(DEMO_DATA_DATASET, 'tuning_examples', TUNING_EXAMPLES_SCHEMA, TUNING_EXAMPLES, 'Hand-written question/answer pairs, some without an answer.', 20);
  const events = table(DEMO_DATA_DATASET, 'web_events', WEB_EVENTS_SCHEMA, [], 'One million synthetic web events.', 10);
  defer(generateWebEvents(events, now));
}

/** The deployed churn classifier's answer, as predict would give it. */
function churnScore(w: SeedWriter, versionId: string, instance: FraudFeatures): number {
  const version = w.state.store.get(`${demoModelName('churnClassifier')}@${versionId}`);
  const backing = version && backingOf(w.state, version.data);
  if (backing?.kind !== 'tabular') throw new Error(`The demo churn classifier version ${versionId} is missing from the seed.`);
  return backing.classifier.probability(instance);
}
