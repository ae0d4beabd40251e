// BigQuery's query semantics through the official client: a slow query blocks no other,
// jobs.query answers jobComplete: false after timeoutMs and getQueryResults brings the rows,
// jobs.cancel interrupts a running query, --max-query-ms stops a runaway with BigQuery's
// timeout error, and pages stop at about 10 MB however many rows are asked for.
import * as assert from 'node:assert/strict';
import { BigQuery } from '@google-cloud/bigquery';
import { OAuth2Client } from 'google-auth-library';
import { rejection, useEmulator } from './emulatorHarness';

const PROJECT = 'genai-demo';
/** A cross join of 300,000 × 300,000 elements: minutes of DuckDB work. */
const RUNAWAY = 'SELECT COUNT(*) AS n FROM UNNEST(GENERATE_ARRAY(1, 300000)) AS a CROSS JOIN UNNEST(GENERATE_ARRAY(1, 300000)) AS b WHERE a + b = 7';
/** Well over 50 ms of work, well under a test's time: 5,000 × 5,000. */
const SLOW = 'SELECT COUNT(*) AS n FROM UNNEST(GENERATE_ARRAY(1, 5000)) AS a CROSS JOIN UNNEST(GENERATE_ARRAY(1, 5000)) AS b WHERE a + b = 7';

interface QueryReply {
  jobComplete: boolean;
  jobReference: { jobId: string; location: string };
  rows?: unknown[];
}

function client(url: string): BigQuery {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'emulator', expiry_date: Date.now() + 3_600_000 });
  return new BigQuery({ apiEndpoint: url, projectId: PROJECT, authClient });
}

/** jobs.query through the client's own authenticated request, so the reply is seen as sent. */
async function jobsQuery(bq: BigQuery, query: string, timeoutMs: number): Promise<QueryReply> {
  return new Promise((resolve, reject) =>
    bq.request({ method: 'POST', uri: '/queries', json: { query, useLegacySql: false, timeoutMs } }, (err, reply) => (err ? reject(err) : resolve(reply as QueryReply))),
  );
}

describe('emulator BigQuery: query jobs with BigQuery semantics', function () {
  this.timeout(60_000);
  const h = useEmulator({ seed: 'demo' });
  let bq: BigQuery;
  before(async () => {
    bq = client(h.emulator.url);
    // The first BigQuery call loads the seed: not what the timings below are about.
    await bq.query({ query: 'SELECT 1' });
  });

  it('answers a SELECT 1 promptly while a runaway query runs, then cancels the runaway', async () => {
    const runaway = await jobsQuery(bq, RUNAWAY, 0);
    assert.equal(runaway.jobComplete, false);
    const job = bq.job(runaway.jobReference.jobId, { location: runaway.jobReference.location });
    assert.equal((await job.getMetadata())[0].status.state, 'RUNNING');
    const started = Date.now();
    const [rows] = await bq.query({ query: 'SELECT 1 AS one' });
    const took = Date.now() - started;
    assert.deepEqual(rows, [{ one: 1 }]);
    assert.ok(took < 2000, `SELECT 1 took ${took} ms beside the runaway`);
    assert.equal((await job.getMetadata())[0].status.state, 'RUNNING', 'the runaway is still running');

    // As in BigQuery, cancel returns at once and the job ends soon after: poll it.
    await job.cancel();
    let [metadata] = await job.getMetadata();
    for (let polls = 0; metadata.status.state !== 'DONE' && polls < 40; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      [metadata] = await job.getMetadata();
    }
    assert.equal(metadata.status.state, 'DONE');
    assert.deepEqual(metadata.status.errorResult, { reason: 'stopped', message: 'Job execution was cancelled: User requested cancellation' });
    const err = await rejection(job.getQueryResults());
    assert.match(err.message, /Job execution was cancelled: User requested cancellation/);
  });

  it('answers jobComplete: false after timeoutMs; getQueryResults waits and brings the rows', async () => {
    const reply = await jobsQuery(bq, SLOW, 50);
    assert.equal(reply.jobComplete, false);
    assert.equal(reply.rows, undefined);
    const [rows] = await bq.job(reply.jobReference.jobId, { location: reply.jobReference.location }).getQueryResults();
    assert.deepEqual(rows, [{ n: 6 }]);
  });

  it('pages query results and table rows at about 10 MB, however many rows are asked for', async () => {
    const dataset = bq.dataset('genai_demo_data');
    const [job] = await bq.createQueryJob({
      query: `SELECT x, RPAD('', 1000, 'x') AS pad FROM UNNEST(GENERATE_ARRAY(1, 12000)) AS x ORDER BY x`,
      useLegacySql: false,
      destination: dataset.table('wide_rows'),
    });
    const [firstPage, next] = (await job.getQueryResults({ maxResults: 1_000_000_000_000, autoPaginate: false })) as unknown as [unknown[], { pageToken?: string } | null];
    assert.ok(firstPage.length > 5000 && firstPage.length < 12000, `${firstPage.length} rows in the first page`);
    assert.ok(next?.pageToken, 'the rest is a page token away');
    const [all] = await job.getQueryResults();
    assert.equal(all.length, 12000);

    const table = dataset.table('wide_rows');
    const res = await h.fetch(`/bigquery/v2/projects/${PROJECT}/datasets/genai_demo_data/tables/wide_rows/data?maxResults=1000000000000`);
    const text = await res.text();
    assert.equal(res.status, 200);
    assert.ok(text.length < 11 * 1024 * 1024, `a page of ${text.length} bytes`);
    const page = JSON.parse(text) as { rows: unknown[]; pageToken?: string; totalRows: string };
    assert.equal(page.totalRows, '12000');
    assert.ok(page.rows.length < 12000 && page.pageToken);
    const [rows] = await table.getRows();
    assert.equal(rows.length, 12000);
  });

  it('answers an out-of-range startIndex or maxResults with 400 invalid, not 500', async () => {
    for (const query of ['startIndex=1e20', 'startIndex=100000000000000000000', 'maxResults=-1', 'maxResults=1.5', 'startIndex=abc']) {
      const res = await h.fetch(`/bigquery/v2/projects/${PROJECT}/datasets/genai_demo_logs/tables/request_response_logging/data?${query}`);
      assert.equal(res.status, 400, query);
      const body = (await res.json()) as { error: { errors: { reason: string }[]; message: string } };
      assert.equal(body.error.errors[0].reason, 'invalid', query);
      assert.match(body.error.message, /^Invalid (startIndex|maxResults)/, query);
    }
    const job = await jobsQuery(bq, 'SELECT 1 AS one', 10_000);
    const res = await h.fetch(`/bigquery/v2/projects/${PROJECT}/queries/${job.jobReference.jobId}?startIndex=1e20`);
    assert.equal(res.status, 400);
  });
});

describe('emulator BigQuery: --max-query-ms', function () {
  this.timeout(60_000);
  const h = useEmulator({ seed: 'empty', maxQueryMs: 1000 });

  it("stops a runaway query with BigQuery's timeout error", async () => {
    const bq = client(h.emulator.url);
    const started = Date.now();
    const err = (await rejection(bq.query({ query: RUNAWAY }))) as Error & { errors?: { reason?: string }[] };
    assert.ok(Date.now() - started < 8000, 'stopped near the cap');
    assert.equal(err.message, 'Job execution was cancelled: Job timed out after 1s');
    assert.equal(err.errors?.[0]?.reason, 'timeout');
  });

  it("stops a job at its own jobTimeoutMs when that is shorter", async () => {
    const bq = client(h.emulator.url);
    const err = await rejection(bq.createQueryJob({ query: RUNAWAY, useLegacySql: false, jobTimeoutMs: 500 }));
    assert.equal(err.message, 'Job execution was cancelled: Job timed out after 0s');
  });
});
