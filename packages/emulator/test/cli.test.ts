import * as assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// This file runs as dist/test/cli.test.js; the CLI bundle is dist/emulator.js (scripts/build.mjs).
const CLI = process.env.VGO_EMULATOR_JS ?? resolve(__dirname, '../emulator.js');

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) done(text.slice(0, text.indexOf('\n')));
    });
    child.once('exit', (code) => fail(new Error(`exited ${code} before printing`)));
  });
}

describe('emulator CLI', function () {
  this.timeout(15_000);
  before(function () {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run node esbuild.mjs first`);
  });

  it('prints its URL, serves requests and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--seed', 'demo'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await firstLine(child);
    const match = /^Vertex GenAI emulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(seed demo\)$/.exec(line);
    assert.ok(match, line);
    const res = await fetch(`${match[1]}/v1/projects`, { headers: { Authorization: 'Bearer cli' } });
    assert.equal(res.status, 200);
    const exit = exited(child);
    child.kill('SIGTERM');
    assert.equal(await exit, 0);
  });

  it('reports over IPC when forked and exits when the parent disconnects', async () => {
    const child = fork(CLI, ['--port', '0', '--seed', 'empty'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    const message = await new Promise<{ type: string; url: string }>((done) => child.once('message', (m) => done(m as { type: string; url: string })));
    assert.equal(message.type, 'listening');
    assert.match(message.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const exit = exited(child);
    child.disconnect();
    assert.equal(await exit, 0);
  });

  it('exits with an error for an unknown seed', async () => {
    const child = spawn(process.execPath, [CLI, '--seed', 'nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    assert.equal(await exited(child), 2);
    assert.match(stderr, /Unknown seed "nope"/);
  });
});
