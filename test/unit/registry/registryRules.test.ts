import * as assert from 'node:assert/strict';
import { aliasProblem, artifactUriProblem, imageUriProblem, removeAliasProblem } from '../../../src/features/registry/registryRules';

describe('registry input rules', () => {
  it('accepts Vertex aliases and refuses the rest before anything is sent', () => {
    assert.equal(aliasProblem('prod'), undefined);
    assert.equal(aliasProblem('canary-2'), undefined);
    assert.match(String(aliasProblem('2prod')), /starts with a lowercase letter/);
    assert.match(String(aliasProblem('prod-')), /ends with a lowercase letter or digit/);
  });

  it('explains that default only moves', () => {
    assert.match(String(removeAliasProblem('default')), /cannot be removed, only moved/);
    assert.equal(removeAliasProblem('prod'), undefined);
  });

  it('checks artifact and container URIs', () => {
    assert.equal(artifactUriProblem('gs://genai-demo-models/churn/v3/'), undefined);
    assert.match(String(artifactUriProblem('s3://bucket/x')), /Cloud Storage folder/);
    assert.equal(imageUriProblem('us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-7:latest'), undefined);
    assert.match(String(imageUriProblem('docker.io/library/nginx')), /Artifact Registry/);
  });
});
