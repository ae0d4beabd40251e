// BigQuery v2 datasets and tables: list, get, insert, delete, with BigQuery's id rules,
// schema validation and error wording ("Not found: Table p:d.t", "Already Exists: …").
import type { CustomCall, CustomRoute, HttpResult } from '../context';
import { compileTemplate } from '../pathTemplate';
import { duckScalarType, quoteIdent, type FieldSchema } from '../sql/sqlTypes';
import { BigQueryError, bqDuplicate, bqInvalid, bqNotFound } from './bigQueryError';
import { datasetListItem, datasetResource, etag, page, tableListItem, tableResource } from './bigQueryResources';
import { bigQueryOf, datasetKey, duckTable, tableKey, type BigQueryState, type DatasetMeta, type TableMeta } from './bigQueryState';

export const BIGQUERY_SERVICE = 'bigquery.googleapis.com';
const BASE = '/bigquery/v2/projects/{projectId}';

export function bqRoute(verb: CustomRoute['verb'], path: string, method: string, handle: CustomRoute['handle']): CustomRoute {
  return { kind: 'custom', verb, template: compileTemplate(`${BASE}${path}`), methodName: `google.cloud.bigquery.v2.${method}`, service: BIGQUERY_SERVICE, handle };
}

/** 204 No Content, as BigQuery answers a delete. */
export const noContent = (): HttpResult => ({ status: 204, body: undefined, raw: { data: Buffer.alloc(0) } });

export function datasetRoutes(): CustomRoute[] {
  return [
    bqRoute('GET', '/datasets', 'DatasetService.ListDatasets', ({ vars, query, state }) => {
      const all = [...bigQueryOf(state).datasets.values()].filter((d) => d.projectId === vars.projectId).sort((a, b) => a.datasetId.localeCompare(b.datasetId));
      const { items, nextPageToken } = page(all, query);
      const body: Record<string, unknown> = { kind: 'bigquery#datasetList', etag: etag(items) };
      if (items.length) body.datasets = items.map(datasetListItem);
      if (nextPageToken) body.nextPageToken = nextPageToken;
      return { body };
    }),
    bqRoute('GET', '/datasets/{datasetId}', 'DatasetService.GetDataset', ({ vars, state }) => ({ body: datasetResource(dataset(bigQueryOf(state), vars)) })),
    bqRoute('POST', '/datasets', 'DatasetService.InsertDataset', async ({ vars, body, state }) => {
      const bq = bigQueryOf(state);
      const input = (body ?? {}) as Partial<DatasetMeta> & { datasetReference?: { datasetId?: string } };
      const datasetId = input.datasetReference?.datasetId ?? '';
      if (!/^[A-Za-z0-9_]{1,1024}$/.test(datasetId)) {
        throw bqInvalid(`Invalid dataset ID "${datasetId}". Dataset IDs must be alphanumeric (plus underscores) and must be at most 1024 characters long.`);
      }
      if (bq.datasets.has(datasetKey(vars.projectId, datasetId))) throw bqDuplicate(`Dataset ${vars.projectId}:${datasetId}`);
      const now = state.now().getTime();
      const meta: DatasetMeta = {
        projectId: vars.projectId,
        datasetId,
        location: input.location ?? 'US',
        creationTime: now,
        lastModifiedTime: now,
        description: input.description,
        friendlyName: input.friendlyName,
        labels: input.labels,
      };
      await bq.addDataset(meta);
      return { body: datasetResource(meta) };
    }),
    bqRoute('DELETE', '/datasets/{datasetId}', 'DatasetService.DeleteDataset', async ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      const d = dataset(bq, vars);
      const tables = [...bq.tables.values()].filter((t) => t.projectId === d.projectId && t.datasetId === d.datasetId);
      if (tables.length && query.get('deleteContents') !== 'true') {
        throw new BigQueryError('resourceInUse', `Dataset ${d.projectId}:${d.datasetId} is still in use`);
      }
      for (const t of tables) bq.tables.delete(tableKey(t.projectId, t.datasetId, t.tableId));
      bq.datasets.delete(datasetKey(d.projectId, d.datasetId));
      await bq.run((db) => db.run(`DROP SCHEMA ${quoteIdent(d.projectId)}.${quoteIdent(d.datasetId)} CASCADE`));
      return noContent();
    }),
    bqRoute('GET', '/datasets/{datasetId}/tables', 'TableService.ListTables', ({ vars, query, state }) => {
      const bq = bigQueryOf(state);
      const d = dataset(bq, vars);
      const all = [...bq.tables.values()].filter((t) => t.projectId === d.projectId && t.datasetId === d.datasetId).sort((a, b) => a.tableId.localeCompare(b.tableId));
      const { items, nextPageToken } = page(all, query);
      const body: Record<string, unknown> = { kind: 'bigquery#tableList', etag: etag(items) };
      if (items.length) body.tables = items.map(tableListItem);
      if (nextPageToken) body.nextPageToken = nextPageToken;
      body.totalItems = all.length;
      return { body };
    }),
    bqRoute('GET', '/datasets/{datasetId}/tables/{tableId}', 'TableService.GetTable', ({ vars, state }) => {
      const bq = bigQueryOf(state);
      return { body: tableResource(table(bq, vars), dataset(bq, vars).location) };
    }),
    bqRoute('POST', '/datasets/{datasetId}/tables', 'TableService.InsertTable', insertTable),
    bqRoute('DELETE', '/datasets/{datasetId}/tables/{tableId}', 'TableService.DeleteTable', async ({ vars, state }) => {
      const bq = bigQueryOf(state);
      const t = table(bq, vars);
      bq.tables.delete(tableKey(t.projectId, t.datasetId, t.tableId));
      await bq.run((db) => db.run(`DROP TABLE ${duckTable(t)}`));
      return noContent();
    }),
  ];
}

async function insertTable({ vars, body, state }: CustomCall): Promise<HttpResult> {
  const bq = bigQueryOf(state);
  const d = dataset(bq, vars);
  const input = (body ?? {}) as Partial<TableMeta> & { tableReference?: { tableId?: string }; schema?: { fields?: FieldSchema[] } };
  const tableId = input.tableReference?.tableId ?? '';
  if (!/^[\p{L}\p{M}\p{N}\p{Pc}\p{Pd} ]{1,1024}$/u.test(tableId)) {
    throw bqInvalid(`Invalid table ID "${tableId}". Table IDs must be alphanumeric (plus underscores and dashes) and must be at most 1024 characters long. Also, Table decorators cannot be used.`);
  }
  if (bq.tables.has(tableKey(d.projectId, d.datasetId, tableId))) throw bqDuplicate(`Table ${d.projectId}:${d.datasetId}.${tableId}`);
  const schema = normalizeSchema(input.schema?.fields ?? []);
  if (!schema.length) throw bqInvalid(`Table ${d.projectId}:${d.datasetId}.${tableId} needs a schema: the Vertex GenAI emulator does not create tables without columns`);
  const now = state.now().getTime();
  const meta: TableMeta = {
    projectId: d.projectId,
    datasetId: d.datasetId,
    tableId,
    schema,
    creationTime: now,
    lastModifiedTime: now,
    numRows: 0,
    numBytes: 0,
    description: input.description,
    friendlyName: input.friendlyName,
    labels: input.labels,
  };
  await bq.addTable(meta);
  return { body: tableResource(meta, d.location) };
}

const LEGACY_TYPE: Record<string, string> = { INT64: 'INTEGER', FLOAT64: 'FLOAT', BOOL: 'BOOLEAN', STRUCT: 'RECORD' };

/** Checks a table schema and writes it as tables.get returns it (legacy type names, explicit modes). */
export function normalizeSchema(fields: FieldSchema[], path = ''): FieldSchema[] {
  const seen = new Set<string>();
  return fields.map((f) => {
    const name = f.name ?? '';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,299}$/.test(name)) {
      throw bqInvalid(`Invalid field name "${name}". Fields must contain only letters, numbers, and underscores, start with a letter or underscore, and be at most 300 characters long.`);
    }
    if (seen.has(name.toLowerCase())) throw bqInvalid(`Field ${path}${name} already exists in schema`);
    seen.add(name.toLowerCase());
    const upper = (f.type ?? '').toUpperCase();
    const type = LEGACY_TYPE[upper] ?? upper;
    if (type !== 'RECORD' && !duckScalarType(type)) throw bqInvalid(`Invalid value for type: ${f.type} is not a valid value`);
    const mode = (f.mode ?? 'NULLABLE').toUpperCase();
    if (!['NULLABLE', 'REQUIRED', 'REPEATED'].includes(mode)) throw bqInvalid(`Invalid value for mode: ${f.mode} is not a valid value`);
    const field: FieldSchema = { name, type, mode };
    if (type === 'RECORD') {
      if (!f.fields?.length) throw bqInvalid(`Field ${path}${name} is type RECORD but has no schema`);
      field.fields = normalizeSchema(f.fields, `${path}${name}.`);
    }
    if (f.description) field.description = f.description;
    return field;
  });
}

export function dataset(bq: BigQueryState, vars: Record<string, string>): DatasetMeta {
  const d = bq.datasets.get(datasetKey(vars.projectId, vars.datasetId));
  if (!d) throw bqNotFound(`Dataset ${vars.projectId}:${vars.datasetId}`);
  return d;
}

export function table(bq: BigQueryState, vars: Record<string, string>): TableMeta {
  dataset(bq, vars);
  const t = bq.tables.get(tableKey(vars.projectId, vars.datasetId, vars.tableId));
  if (!t) throw bqNotFound(`Table ${vars.projectId}:${vars.datasetId}.${vars.tableId}`);
  return t;
}
