// The LSP lifecycle as the specification states it: `initialize` may only be sent once (a second one is an
// InvalidRequest, and changes nothing: before, it was accepted, and with the `initialized` after it the server loaded
// its data and watched its folder again); a request before `initialize` is ServerNotInitialized (-32002); after
// `shutdown` every request is an InvalidRequest and only `exit` counts, which then ends the process with 0.

import * as assert from 'assert';
import { spawn } from 'child_process';
import {
  createProtocolConnection,
  ErrorCodes,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { capabilities, DRAFT, SERVER, startServer, uriOf, type Server } from './helpers';

const codeOf = (p: Promise<unknown>) => p.then(() => 'answered', (err: { code?: number }) => err.code);

describe('protocol: the LSP lifecycle', function () {
  this.timeout(30000);
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('a second initialize is an InvalidRequest, and the initialized after it loads nothing again', async () => {
    server = await startServer({ pull: true, initializationOptions: { watchData: true } });
    const s = server;
    const loads = () => s.logs.filter((l) => /Dataset loaded \(startup\)|server started/.test(l.message)).length;
    const before = loads();
    const second = s.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { dataDir: '/nonexistent', watchData: true },
    });
    assert.strictEqual(await codeOf(second), ErrorCodes.InvalidRequest);
    await s.conn.sendNotification(InitializedNotification.type, {});
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(loads(), before, JSON.stringify(s.logs.map((l) => l.message)));
    // Still the first session's server: pull diagnostics, the real dataset.
    const uri = uriOf('lifecycle-second-init.md');
    s.open(uri, DRAFT);
    assert.strictEqual((await s.diagnostics(uri)).length, 1);
  });

  it('after shutdown every request is an InvalidRequest; exit then ends the process with 0', async () => {
    server = await startServer({ pull: true });
    const s = server;
    const uri = uriOf('lifecycle-shutdown.md');
    s.open(uri, DRAFT);
    const diags = await s.diagnostics(uri);
    await s.conn.sendRequest(ShutdownRequest.type);
    const after = [
      s.hover(uri, 4, 3),
      s.pullDiagnostics(uri),
      s.codeActions(uri, diags[0].range, diags),
      s.execute('factcheck.checkDocument', [uri]),
      s.execute('factcheck.reloadData'),
      s.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 0, character: 0 } }),
      s.conn.sendRequest(ShutdownRequest.type),
    ];
    for (const [i, p] of after.entries()) assert.strictEqual(await codeOf(p), ErrorCodes.InvalidRequest, `request ${i}`);
    void s.conn.sendNotification(ExitNotification.type);
    await s.waitFor(() => s.exited, 'the process to exit');
    assert.strictEqual(s.proc.exitCode, 0);
  });

  it('a request before initialize is ServerNotInitialized (-32002), and initialize still works after it', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.listen();
    try {
      const uri = uriOf('lifecycle-early.md');
      assert.strictEqual(await codeOf(conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } })), -32002);
      assert.strictEqual(await codeOf(conn.sendRequest('workspace/executeCommand', { command: 'factcheck.reloadData', arguments: [] })), -32002);
      const result = (await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: capabilities(true), workspaceFolders: null })) as InitializeResult;
      assert.ok(result.capabilities.hoverProvider);
      await conn.sendRequest(ShutdownRequest.type);
      void conn.sendNotification(ExitNotification.type);
      const code = await new Promise<number | null>((r) => proc.once('exit', r));
      assert.strictEqual(code, 0);
    } finally {
      conn.dispose();
      proc.kill('SIGKILL');
    }
  });
});
