// The VS Code client's crash handling, from the outside: the built client (dist/client.js) runs in a process of its
// own with a stub of the `vscode` API (client-host.cjs) and starts the real server over IPC, as VS Code would; the
// test kills that server again and again. The client restarts it up to four times in three minutes and then gives
// up; "Fact Check: Restart Server" must then start a new window of restarts: before, the crash after it stayed down,
// because the handler still counted the five crashes before.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { ROOT } from './harness';

class Host {
  private next = 1;
  private waiting = new Map<number, (m: Record<string, unknown>) => void>();
  readonly activated: Promise<Record<string, unknown>>;
  constructor(readonly proc: ChildProcess) {
    let onActivated!: (m: Record<string, unknown>) => void;
    this.activated = new Promise((r) => (onActivated = r));
    proc.on('message', (m: Record<string, unknown>) => {
      if ('activated' in m) onActivated(m);
      const w = this.waiting.get(m.id as number);
      if (w) {
        this.waiting.delete(m.id as number);
        w(m);
      }
    });
  }

  ask(op: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host: no answer to ${op}`)), 10_000);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(String(m.error)));
        else resolve(m);
      });
      this.proc.send({ id, op, ...extra });
    });
  }

  async servers(): Promise<number[]> {
    return (await this.ask('servers')).pids as number[];
  }

  async log(): Promise<string[]> {
    return (await this.ask('log')).log as string[];
  }

  private started = 0;

  /**
   * Waits until exactly one server runs that is not `old` and, with `ready`, until it has said that it started
   * (so that the client is running, not starting); undefined if none comes within `ms`.
   */
  async newServer(old: number | undefined, ms: number, ready = true): Promise<number | undefined> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const pids = (await this.servers()).filter((p) => p !== old);
      if (pids.length === 1) {
        if (!ready) return pids[0];
        const started = (await this.log()).filter((l) => /Fact Check server started/.test(l)).length;
        if (started > this.started) {
          this.started = started;
          return pids[0];
        }
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    return undefined;
  }

  /** Kills the running server and waits for the client to have noticed (its output says so). */
  async crash(pid: number): Promise<void> {
    const before = (await this.log()).filter((l) => /stopped unexpectedly|not restarting/.test(l)).length;
    await this.ask('kill', { pid });
    const deadline = Date.now() + 10_000;
    while ((await this.log()).filter((l) => /stopped unexpectedly|not restarting/.test(l)).length === before) {
      if (Date.now() > deadline) throw new Error('the client did not notice the crash');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('robustness: the VS Code client restarts a crashed server, and Restart Server resets the crash window', function () {
  this.timeout(90_000);
  const hosts: Host[] = [];

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js')) || !fs.existsSync('/proc/self/stat')) this.skip();
  });
  afterEach(async () => {
    for (const h of hosts.splice(0)) {
      await h.ask('stop').catch(() => undefined);
      h.proc.kill('SIGKILL');
    }
  });

  async function launch(): Promise<{ host: Host; pid: number }> {
    const h = new Host(fork(path.join(__dirname, 'client-host.cjs'), [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] }));
    hosts.push(h);
    const activated = await h.activated;
    assert.equal(activated.activated, true, String(activated.error));
    const pid = await h.newServer(undefined, 10_000);
    assert.ok(pid, 'the client started a server');
    return { host: h, pid };
  }

  for (const [name, killWhileStarting] of [
    ['each crash of a running server', false],
    ['the fifth crash while the restarted server is still starting (the client\'s start then failed)', true],
  ] as const) {
    it(`four restarts, then none; Restart Server; then a crash is restarted again: ${name}`, async () => {
      const { host, pid: first } = await launch();
      let pid = first;
      for (let crash = 1; crash <= 4; crash++) {
        await host.crash(pid);
        const next = await host.newServer(pid, 10_000, !(killWhileStarting && crash === 4));
        assert.ok(next, `restarted after crash ${crash}`);
        pid = next;
      }
      await host.crash(pid);
      assert.equal(await host.newServer(pid, 1500, false), undefined, 'the fifth crash in three minutes is not restarted');
      assert.ok((await host.log()).some((l) => /crashed 5 times in 3 minutes; not restarting/.test(l)));

      await host.ask('command', { command: 'factcheck.restartServer' });
      const restarted = await host.newServer(pid, 10_000);
      assert.ok(restarted, `Restart Server starts a server:\n${(await host.log()).join('\n')}`);

      await host.crash(restarted);
      const after = await host.newServer(restarted, 10_000);
      assert.ok(after, `a crash after Restart Server is restarted (a new window of four):\n${(await host.log()).join('\n')}`);
      const warnings = (await host.log()).filter((l) => /^warning: The Fact Check server crashed and was restarted/.test(l));
      assert.equal(warnings.length, 1, 'the user is told once');
    });
  }
});
