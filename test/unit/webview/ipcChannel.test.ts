// The panel/webview conversation (src/common/ipc.ts) with two channels wired to each
// other: each response reaches the request with its id, whatever order answers come in.
import * as assert from 'node:assert/strict';
import { IpcChannel, type IpcEnvelope, type IpcRequestType } from '../../../src/common/ipc';

interface Protocol {
  commands: { type: 'ready' } | { type: 'pick'; item: string };
  notifications: { type: 'items'; items: string[] };
  requests: { square: IpcRequestType<number, number> };
  hostRequests: { echo: IpcRequestType<string, string> };
}
type Host = { send: Protocol['notifications']; receive: Protocol['commands']; ask: Protocol['hostRequests']; answer: Protocol['requests'] };
type Webview = { send: Protocol['commands']; receive: Protocol['notifications']; ask: Protocol['requests']; answer: Protocol['hostRequests'] };

/** Two ends; what one transmits the other receives on the next turn, as postMessage delivers. */
function pair() {
  const wire: IpcEnvelope[] = [];
  const host: IpcChannel<Host> = new IpcChannel<Host>((e) => {
    wire.push(e);
    setTimeout(() => void webview.receive(e));
  });
  const webview: IpcChannel<Webview> = new IpcChannel<Webview>((e) => {
    wire.push(e);
    setTimeout(() => void host.receive(e));
  });
  return { host, webview, wire };
}

describe('IPC channel', () => {
  it('delivers commands and notifications to the other side', async () => {
    const { host, webview } = pair();
    const commands: unknown[] = [];
    const notifications: unknown[] = [];
    host.onMessage = (m) => commands.push(m);
    webview.onMessage = (m) => notifications.push(m);
    webview.post({ type: 'pick', item: 'a' });
    host.post({ type: 'items', items: ['a', 'b'] });
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(commands, [{ type: 'pick', item: 'a' }]);
    assert.deepEqual(notifications, [{ type: 'items', items: ['a', 'b'] }]);
  });

  it('pairs each answer with its request by id, even when answers come back in another order', async () => {
    const { host, webview, wire } = pair();
    host.answers = { square: (n) => new Promise<number>((r) => setTimeout(() => r(n * n), n === 3 ? 20 : 0)) };
    const answers = await Promise.all([webview.request('square', 3), webview.request('square', 4)]);
    assert.deepEqual(answers, [9, 16]);
    const ids = wire.map((e) => (e.kind === 'message' ? e.kind : `${e.kind}:${e.id}`));
    assert.deepEqual(ids, ['request:1', 'request:2', 'response:2', 'response:1']);
  });

  it('works the other way too: the host asks, the webview answers', async () => {
    const { host, webview } = pair();
    webview.answers = { echo: (s) => s.toUpperCase() };
    assert.equal(await host.request('echo', 'fox'), 'FOX');
  });

  it('rejects with the answering side’s error sentence', async () => {
    const { host, webview } = pair();
    host.answers = {
      square: () => {
        throw new Error('The table no_such_table does not exist.');
      },
    };
    await assert.rejects(webview.request('square', 2), /^Error: The table no_such_table does not exist\.$/);
  });

  it('rejects a request nobody answers after its timeout, and every waiting one when the channel closes', async () => {
    const { host, webview } = pair();
    webview.answers = { echo: () => new Promise<string>(() => undefined) };
    await assert.rejects(host.request('echo', 'x', 10), /no answer within 10 ms/);
    const waiting = host.request('echo', 'y');
    host.close();
    await assert.rejects(waiting, /closed before it was answered/);
    await assert.rejects(host.request('echo', 'z'), /closed/);
  });
});
