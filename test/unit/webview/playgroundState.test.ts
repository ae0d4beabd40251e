import * as assert from 'node:assert/strict';
import type { Answer, PlaygroundTarget } from '../../../src/features/playground/protocol';
import { servedByLabel } from '../../../webview-ui/playground/figures';
import { compareOptions, initialState, isBusy, newTurn, parseParams, reduce, requestFor, type PlaygroundState } from '../../../webview-ui/playground/state';

const target = (id: string): PlaygroundTarget => ({ name: `projects/1/locations/us-central1/endpoints/${id}`, displayName: id, region: 'us-central1', kind: 'gemini', deployed: [] });
const targets = ['a', 'b', 'c', 'd', 'e'].map(target);
const [A, B] = targets.map((t) => t.name);
const emptyFields = { temperature: '', topP: '', topK: '', maxOutputTokens: '', stopSequences: '', seed: '', candidateCount: '' };

function send(s: PlaygroundState, id: string, prompt: string): PlaygroundState {
  return reduce(s, { type: 'sent', turn: newTurn(s, id, prompt, undefined, {}, 0) });
}

describe('playground state', () => {
  it('selects the target the host asked for, else keeps the user\'s choice, else the first', () => {
    let s = reduce(initialState, { type: 'targets', targets, selected: B });
    assert.deepEqual(s.selected, [B]);
    s = reduce(s, { type: 'select', column: 0, target: A });
    s = reduce(s, { type: 'targets', targets });
    assert.deepEqual(s.selected, [A], 'a refresh keeps the user\'s choice');
    s = reduce(initialState, { type: 'targets', targets, selected: 'projects/1/locations/us-central1/endpoints/gone' });
    assert.deepEqual(s.selected, [A]);
  });

  it('compares 2 to 4 targets: each added column takes an unused target, never more than four', () => {
    let s = reduce(initialState, { type: 'targets', targets });
    for (let i = 0; i < 5; i++) s = reduce(s, { type: 'addColumn' });
    assert.deepEqual(s.selected, targets.slice(0, 4).map((t) => t.name));
    s = reduce(s, { type: 'removeColumn', column: 1 });
    assert.equal(s.selected.length, 3);
    s = send(s, 't1', 'hello');
    assert.deepEqual(s.turns[0].answers.map((a) => [a.id, a.target]), s.selected.map((n, i) => [`t1:${i}`, n]));
  });

  it('compares only targets that can answer the same prompt: no tabular predict endpoint beside a chat target', () => {
    const churn: PlaygroundTarget = { ...target('churn'), kind: 'predict' };
    const gemma: PlaygroundTarget = { ...target('gemma'), kind: 'openChat' };
    const all = [target('bot'), churn, gemma, { ...target('fraud'), kind: 'predict' as const }];
    let s = reduce(reduce(initialState, { type: 'targets', targets: all }), { type: 'addColumn' });
    assert.deepEqual(s.selected, [all[0].name, gemma.name], 'the Compare default skips the predict endpoint');
    assert.deepEqual(compareOptions(s).map((t) => t.displayName), ['bot', 'gemma']);
    s = reduce(s, { type: 'select', column: 0, target: churn.name });
    assert.deepEqual(s.selected, [churn.name], 'a predict first target drops the chat column it cannot be compared with');
    s = reduce(s, { type: 'addColumn' });
    assert.deepEqual(s.selected, [churn.name, all[3].name]);
  });

  it('names the deployed model and version that answered, from deployedModelId or the model version', () => {
    const bot: PlaygroundTarget = {
      ...target('bot'),
      deployed: [
        { id: '11', displayName: 'support-bot-v2', trafficPercent: 90, version: 'projects/1/locations/us-central1/models/7@2' },
        { id: '12', displayName: 'support-bot-v3-canary', trafficPercent: 10, version: 'projects/1/locations/us-central1/models/7@3' },
      ],
    };
    const answer = (figures: Answer['figures']): Answer => ({ id: 'x', target: bot.name, status: 'done', candidates: ['hi'], figures });
    assert.equal(servedByLabel(answer({ totalMs: 1, servedBy: 'projects/1/locations/us-central1/models/7@3 (emulator 3-gram LM)' }), bot), 'support-bot-v3-canary (version 3)');
    assert.equal(servedByLabel(answer({ totalMs: 1, deployedModelId: '11', servedBy: 'projects/1/locations/us-central1/models/7@2' }), bot), 'support-bot-v2 (version 2)');
    assert.equal(servedByLabel(answer({ totalMs: 1, servedBy: 'gemini-2.0-flash-001 (emulator 3-gram LM)' }), undefined), 'gemini-2.0-flash-001');
    assert.equal(servedByLabel(answer(undefined), bot), undefined);
  });

  it('appends streamed pieces per candidate, counts them, and is busy until every column ends', () => {
    let s = reduce(reduce(initialState, { type: 'targets', targets }), { type: 'addColumn' });
    s = send(s, 't1', 'hello');
    s = reduce(s, { type: 'delta', id: 't1:0', candidate: 0, text: 'Once' });
    s = reduce(s, { type: 'delta', id: 't1:0', candidate: 0, text: ' upon' });
    s = reduce(s, { type: 'delta', id: 't1:0', candidate: 1, text: 'A fox' });
    assert.deepEqual(s.turns[0].answers[0].candidates, ['Once upon', 'A fox']);
    assert.equal(s.received['t1:0'], 3);
    s = reduce(s, { type: 'answer', id: 't1:0', candidates: ['Once upon', 'A fox'], figures: { totalMs: 12, ttftMs: 3, outputTokens: 4, finishReason: 'STOP' } });
    assert.equal(isBusy(s), true, 'the second column still streams');
    s = reduce(s, { type: 'answerError', id: 't1:1', message: 'Stopped.', stopped: true });
    assert.equal(isBusy(s), false);
    assert.deepEqual(s.turns[0].answers.map((a) => a.status), ['done', 'stopped']);
    s = reduce(s, { type: 'retrying', id: 't1:1' });
    assert.deepEqual([s.turns[0].answers[1].status, s.turns[0].answers[1].error, s.received['t1:1']], ['streaming', undefined, 0]);
  });

  it('continues each target\'s own conversation: history holds only that target\'s finished answers', () => {
    let s = reduce(reduce(initialState, { type: 'targets', targets }), { type: 'addColumn' });
    s = send(s, 't1', 'first');
    s = reduce(s, { type: 'answer', id: 't1:0', candidates: ['from a'], figures: { totalMs: 1 } });
    s = reduce(s, { type: 'answerError', id: 't1:1', message: 'Quota exceeded' });
    s = send(s, 't2', 'second');
    const [toA, toB] = s.turns[1].answers.map((a) => requestFor(s, s.turns[1], a));
    assert.deepEqual(toA.history, [{ role: 'user', text: 'first' }, { role: 'model', text: 'from a' }]);
    assert.deepEqual(toB.history, [], 'a failed answer is not part of the conversation');
    assert.equal(toA.prompt, 'second');
  });

  it('restores a stored conversation; an answer cut off by the window closing shows as interrupted', () => {
    let s = send(reduce(initialState, { type: 'targets', targets }), 't1', 'hello');
    const conversation = { id: 'playground', title: 'Playground', turns: s.turns };
    s = reduce(initialState, { type: 'restore', conversation });
    assert.equal(s.turns[0].answers[0].status, 'stopped');
    assert.match(s.turns[0].answers[0].error ?? '', /Interrupted/);
    assert.equal(isBusy(s), false);
  });

  it('checks parameters before anything is sent, naming the field and the range', () => {
    assert.deepEqual(parseParams({ ...emptyFields, temperature: '0.2', maxOutputTokens: '64', stopSequences: 'END, ###', seed: '7' }), {
      params: { temperature: 0.2, maxOutputTokens: 64, stopSequences: ['END', '###'], seed: 7 },
    });
    assert.deepEqual(parseParams({ ...emptyFields, temperature: '3' }), { error: 'temperature must be a number from 0 to 2; it is "3".' });
    assert.deepEqual(parseParams({ ...emptyFields, topK: '2.5' }), { error: 'topK must be a whole number from 1 to 40; it is "2.5".' });
    assert.deepEqual(parseParams({ ...emptyFields, stopSequences: 'a,b,c,d,e,f' }), { error: 'At most 5 stop sequences; there are 6.' });
    assert.deepEqual(parseParams(emptyFields), { params: {} });
  });
});
