// Which table a BigQuery command was given: a Datasets tree node, a bq:// URI, or text.
import * as assert from 'node:assert/strict';
import { bqTableFrom } from '../../../src/features/datasets/bqTableFrom';

describe('BigQuery command targets', () => {
  it('reads tree table nodes and bq:// URIs', () => {
    const ref = { projectId: 'genai-demo', datasetId: 'genai_demo_data', tableId: 'web_events' };
    assert.deepEqual(bqTableFrom({ contextValue: 'vertexGenAi.bqTable', value: ref }), ref);
    assert.deepEqual(bqTableFrom('bq://genai-demo.genai_demo_data.web_events'), ref);
    assert.deepEqual(bqTableFrom(' genai-demo.genai_demo_data.web_events '), ref);
    assert.deepEqual(bqTableFrom('bq://example.com:app.logs.t1'), { projectId: 'example.com:app', datasetId: 'logs', tableId: 't1' }, 'domain-scoped project');
    assert.deepEqual(bqTableFrom({ value: { datasetId: 'd', id: 't' } }, 'p'), { projectId: 'p', datasetId: 'd', tableId: 't' }, 'a table listed without its project');
  });

  it('names no table for anything else', () => {
    assert.equal(bqTableFrom('bq://genai-demo.genai_demo_data'), undefined);
    assert.equal(bqTableFrom('projects/genai-demo/locations/us-central1/datasets/123'), undefined);
    assert.equal(bqTableFrom({ type: 'resource', kind: 'dataset', value: { name: 'projects/p/locations/l/datasets/1' } }), undefined);
    assert.equal(bqTableFrom(undefined), undefined);
  });
});
