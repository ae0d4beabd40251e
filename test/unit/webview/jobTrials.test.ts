import * as assert from 'node:assert/strict';
import { defaultSort, parameterIds, sortTrials, toggleSort, type Trial } from '../../../webview-ui/job/trials';

const trials: Trial[] = [
  { id: '1', state: 'SUCCEEDED', parameters: { learning_rate: 0.001, lora_rank: 8 }, value: 0.71 },
  { id: '2', state: 'INFEASIBLE', parameters: { learning_rate: 0.1, lora_rank: 4 } },
  { id: '3', state: 'SUCCEEDED', parameters: { learning_rate: 0.0003, lora_rank: 16 }, value: 0.83 },
  { id: '4', state: 'ACTIVE', parameters: { learning_rate: 0.01, lora_rank: 8 } },
  { id: '10', state: 'SUCCEEDED', parameters: { learning_rate: 0.003, lora_rank: 4 }, value: 0.64 },
];

describe('job panel: HPT trials table', () => {
  it('puts the best trial first for the study’s goal, unmeasured trials last', () => {
    assert.deepEqual(sortTrials(trials, defaultSort({ id: 'accuracy', goal: 'MAXIMIZE' })).map((t) => t.id), ['3', '1', '10', '2', '4']);
    assert.deepEqual(sortTrials(trials, defaultSort({ id: 'loss', goal: 'MINIMIZE' })).map((t) => t.id), ['10', '1', '3', '2', '4']);
  });

  it('sorts by a parameter or the trial number, and flips on a second click', () => {
    let sort = toggleSort(defaultSort(undefined), 'param:learning_rate');
    assert.deepEqual(sortTrials(trials, sort).map((t) => t.id), ['3', '1', '10', '4', '2']);
    sort = toggleSort(sort, 'param:learning_rate');
    assert.deepEqual(sortTrials(trials, sort).map((t) => t.id), ['2', '4', '10', '1', '3']);
    assert.deepEqual(sortTrials(trials, toggleSort(sort, 'id')).map((t) => t.id), ['1', '2', '3', '4', '10'], 'trial 10 after trial 4, not after 1');
  });

  it('has one column per parameter any trial used', () => {
    assert.deepEqual(parameterIds(trials), ['learning_rate', 'lora_rank']);
  });
});
