// Lazy chunk: the BigQuery client, loaded only when a BigQuery node is opened.
export { BigQuery } from '@google-cloud/bigquery';
