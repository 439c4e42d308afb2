// Broken stdio frames, written raw to the server's stdin after a normal start. Before, one stray byte or a missing,
// short, long or negative Content-Length left the server running but deaf to every later request, with nothing
// logged. Now it must say why and exit non-zero, so that the client restarts it; well-formed traffic, however it is
// cut into chunks, must go on working.

import * as assert from 'assert';
import { startServer, type Server } from './helpers';

const body = (id: number) => JSON.stringify({ jsonrpc: '2.0', id, method: 'workspace/executeCommand', params: { command: 'factcheck.reloadData', arguments: [] } });
const frame = (text: string, length = Buffer.byteLength(text)) => `Content-Length: ${length}\r\n\r\n${text}`;

/** Resolves with the response to request `id`, read raw from stdout. */
function response(server: Server, id: number, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = '';
    const onData = (b: Buffer) => {
      seen += b.toString('latin1');
      if (seen.includes(`"id":${id},`) || seen.includes(`"id":${id}}`)) done(true);
    };
    const timer = setTimeout(() => done(false), ms);
    const done = (v: boolean) => {
      clearTimeout(timer);
      server.proc.stdout!.off('data', onData);
      resolve(v);
    };
    server.proc.stdout!.on('data', onData);
  });
}

const BROKEN: [string, () => string][] = [
  ['one stray byte between messages', () => 'x' + frame(body(900))],
  ['a stray line break between messages', () => '\n' + frame(body(900))],
  ['a missing Content-Length', () => `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body(900)}`],
  ['a short Content-Length', () => frame(body(900), Buffer.byteLength(body(900)) - 10)],
  ['a long Content-Length, then another message', () => frame(body(900), Buffer.byteLength(body(900)) + 10) + frame(body(901))],
  ['a negative Content-Length', () => frame(body(900), -5)],
  ['a Content-Length that is not a number', () => `Content-Length: twelve\r\n\r\n${body(900)}`],
  ['JSON with no header at all', () => body(900)],
];

describe('protocol: a broken stdio frame makes the server log why and exit non-zero', function () {
  this.timeout(30000);
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  for (const [name, bytes] of BROKEN) {
    it(name, async () => {
      server = await startServer({ pull: true });
      const s = server;
      s.proc.stdin!.write(bytes());
      // A well-formed request after it: before, it went unanswered by a server that never exited.
      s.proc.stdin!.write(frame(body(902)));
      await s.waitFor(() => s.exited, 'the server to exit', 5000);
      assert.notStrictEqual(s.proc.exitCode, 0, `exit code ${s.proc.exitCode}`);
      assert.match(s.stderr, /broken message \(message \d+: .+\); exiting/, `stderr: ${s.stderr}`);
    });
  }

  it('well-formed traffic cut into single bytes, with a Content-Type header, is answered and does not end the server', async () => {
    server = await startServer({ pull: true });
    const s = server;
    const text = `Content-Length: ${Buffer.byteLength(body(910))}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${body(910)}`;
    const answered = response(s, 910, 5000);
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i++) s.proc.stdin!.write(bytes.subarray(i, i + 1));
    assert.ok(await answered, 'the request was answered');
    const two = response(s, 912, 5000);
    s.proc.stdin!.write(frame(body(911)) + frame(body(912)));
    assert.ok(await two, 'two frames in one write are answered');
    assert.ok(!s.exited);
  });
});
