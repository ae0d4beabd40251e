import * as assert from 'node:assert/strict';
import { initialState, isBusy, reduce } from '../../../webview-ui/playground/state';

const targets = [
  { endpoint: 'projects/1/locations/us-central1/endpoints/a', displayName: 'a', region: 'us-central1' },
  { endpoint: 'projects/1/locations/us-central1/endpoints/b', displayName: 'b', region: 'us-central1' },
];

describe('playground state', () => {
  it('selects the endpoint the host asked for, else keeps the user\'s choice, else the first', () => {
    let s = reduce(initialState, { type: 'targets', targets, selected: targets[1].endpoint });
    assert.equal(s.selected, targets[1].endpoint);
    s = reduce(s, { type: 'select', endpoint: targets[0].endpoint });
    s = reduce(s, { type: 'targets', targets });
    assert.equal(s.selected, targets[0].endpoint, 'a refresh keeps the user\'s choice');
    s = reduce(initialState, { type: 'targets', targets, selected: 'projects/1/locations/us-central1/endpoints/gone' });
    assert.equal(s.selected, targets[0].endpoint);
  });

  it('follows a turn from sent to answered or failed, busy only while waiting', () => {
    let s = reduce(initialState, { type: 'targets', targets });
    s = reduce(s, { type: 'sent', id: '1', endpoint: targets[0].endpoint, prompt: 'hello' });
    assert.equal(isBusy(s), true);
    s = reduce(s, { type: 'answer', id: '1', text: 'hi', figures: { totalMs: 12, outputTokens: 1, finishReason: 'STOP' } });
    assert.equal(isBusy(s), false);
    assert.deepEqual([s.turns[0].status, s.turns[0].text], ['done', 'hi']);
    s = reduce(s, { type: 'sent', id: '2', endpoint: targets[0].endpoint, prompt: 'again' });
    s = reduce(s, { type: 'answerError', id: '2', message: 'Stopped.' });
    assert.deepEqual(s.turns.map((t) => t.status), ['done', 'error']);
  });
});
