import * as assert from 'node:assert/strict';
import { consoleUrl } from '../../../src/features/trees/consoleUrls';
import { matchesTreeFilter, parseTreeFilter, serverFilter, type TreeFilter } from '../../../src/features/trees/treeFilter';

function parsed(text: string, allowState = true): TreeFilter {
  const f = parseTreeFilter(text, allowState);
  assert.ok(!('error' in f), `unexpected error: ${'error' in f ? f.error : ''}`);
  return f;
}

describe('tree filter', () => {
  it('reads words, states and labels', () => {
    const f = parsed('state:running label:team=nlp  Chat label:stage');
    assert.deepEqual(f.words, ['chat']);
    assert.deepEqual(f.states, ['running']);
    assert.deepEqual(f.labels, [{ key: 'team', value: 'nlp' }, { key: 'stage' }]);
    assert.equal(serverFilter(f), 'labels.team="nlp" AND labels.stage:*');
    assert.equal(serverFilter(parsed('chat')), undefined, 'words stay on the client');
  });

  it('says precisely what is wrong before anything is sent', () => {
    assert.deepEqual(parseTreeFilter('state:runing'), { error: 'Unknown state "runing": use one of pending, running, succeeded, failed, cancelling, cancelled, paused.' });
    assert.match((parseTreeFilter('label:=x') as { error: string }).error, /is not a label/);
    assert.match((parseTreeFilter('state:running', false) as { error: string }).error, /Only jobs have a state/);
  });

  it('matches name or id, state and labels together', () => {
    const job = { id: '42', displayName: 'support-chat-v3', state: 'running' as const, labels: { team: 'nlp', stage: 'x' } };
    assert.equal(matchesTreeFilter(job, parsed('state:running label:team=nlp chat')), true);
    assert.equal(matchesTreeFilter(job, parsed('state:failed chat')), false);
    assert.equal(matchesTreeFilter(job, parsed('label:team=vision')), false);
    assert.equal(matchesTreeFilter(job, parsed('42')), true);
    assert.equal(matchesTreeFilter({ id: '1', displayName: 'ds', labels: {} }, parsed('state:running')), false, 'no state, no match');
  });
});

describe('Cloud console links', () => {
  const us = 'projects/p/locations/us-central1';
  it('builds the page of each kind', () => {
    assert.equal(consoleUrl('endpoint', `${us}/endpoints/7`, 'p'), 'https://console.cloud.google.com/vertex-ai/online-prediction/locations/us-central1/endpoints/7?project=p');
    assert.equal(consoleUrl('modelVersion', `${us}/models/3@2`, 'p'), 'https://console.cloud.google.com/vertex-ai/models/locations/us-central1/models/3/versions/2/properties?project=p');
    assert.equal(consoleUrl('job', `${us}/tuningJobs/9`, 'p'), 'https://console.cloud.google.com/vertex-ai/generative/language/locations/us-central1/tuning/tuningJob/9/monitor?project=p');
    assert.equal(consoleUrl('bqTable', 'bq://p.d.t', 'p'), 'https://console.cloud.google.com/bigquery?project=p&ws=!1m5!1m4!4m3!1sp!2sd!3st');
    assert.equal(consoleUrl('bqColumn', 'amount', 'p'), undefined);
  });
});
