// The server under abuse: unknown documents, bad positions, cancellation, broken and hostile datasets, a killed
// process. It must answer with errors or null and keep serving.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CancellationTokenSource, DocumentDiagnosticRequest, LSPErrorCodes, MessageType } from 'vscode-languageserver-protocol/node';
import { copyData, DRAFT, hoverText, startServer, tmpDir, uriOf, type Server } from './helpers';

const LINE = 4;
const HOSTILE = '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `code` ``` **bold** <https://evil.example>';

/** Every Markdown-active character in the hover is escaped: no link, autolink, HTML or code span can form. */
function assertInert(markdown: string): void {
  assert.ok(!/\]\(/.test(markdown.replace(/\\\]\\\(/g, '')), `a link could form in: ${markdown}`);
  for (const ch of ['<', '`', '[', ']']) {
    const re = new RegExp(`(^|[^\\\\])\\${ch}`);
    assert.ok(!re.test(markdown), `unescaped ${ch} in: ${markdown}`);
  }
}

async function alive(server: Server): Promise<void> {
  const uri = uriOf('alive.md');
  server.open(uri, DRAFT);
  await server.diagnostics(uri);
  assert.ok(!server.exited, 'server process is alive');
}

describe('protocol: robustness', function () {
  this.timeout(30000);
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('requests for unknown documents answer with errors, not crashes', async () => {
    server = await startServer({ pull: true });
    const uri = uriOf('nobody.md');
    await assert.rejects(server.pullDiagnostics(uri), /Unknown document/);
    await assert.rejects(server.hover(uri, 0, 0), /Unknown document/);
    await assert.rejects(server.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, []), /Unknown document/);
    await alive(server);
  });

  it('bad positions answer with errors; positions past the end of a line are clamped', async () => {
    server = await startServer({ pull: true });
    const uri = uriOf('positions.md');
    server.open(uri, DRAFT);
    await assert.rejects(server.hover(uri, 999, 0), /Bad position/);
    await assert.rejects(server.hover(uri, -1, 0), /Bad position/);
    await assert.rejects(
      server.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 'x', character: null } }),
      /Bad position/,
    );
    await assert.rejects(server.conn.sendRequest('textDocument/hover', { textDocument: { uri } }), /Bad position/);
    await assert.rejects(server.conn.sendRequest('textDocument/hover', {}), /Unknown document/);
    assert.strictEqual(await server.hover(uri, 1, 9999), null);
    await alive(server);
  });

  it('malformed notifications are ignored', async () => {
    server = await startServer({ pull: false });
    void server.conn.sendNotification('textDocument/didOpen', {});
    void server.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///x.md' } });
    void server.conn.sendNotification('textDocument/didClose', {});
    void server.conn.sendNotification('workspace/didChangeConfiguration', null);
    await alive(server);
  });

  it('cancellation: a cancelled pull is answered as cancelled and the server goes on', async () => {
    server = await startServer({ pull: true });
    const uri = uriOf('cancel.md');
    server.open(uri, DRAFT);
    const source = new CancellationTokenSource();
    const pending = server.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(pending, (err: { code?: number }) => err.code === LSPErrorCodes.RequestCancelled);
    assert.strictEqual((await server.diagnostics(uri)).length, 1);
  });

  it('cancellation: checkWorkspace stops between files', async () => {
    const dir = tmpDir('factcheck-ws-cancel-');
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(3, '0')}.md`), DRAFT);
    server = await startServer({ pull: true, workspaceFolders: [dir] });
    const source = new CancellationTokenSource();
    const pending = server.execute<{ files: number; cancelled: boolean }>('factcheck.checkWorkspace', [], source);
    await server.waitFor(() => server!.published.length > 3, 'some files checked');
    source.cancel();
    const result = await pending.catch((err: { code?: number }) => ({ files: -1, cancelled: err.code === LSPErrorCodes.RequestCancelled }));
    assert.ok(result.cancelled, JSON.stringify(result));
    assert.ok(result.files < 300);
    await alive(server);
  });

  it('a stale pull (document changed meanwhile) is dropped so the client asks again', async () => {
    server = await startServer({ pull: true });
    const uri = uriOf('stale.md');
    server.open(uri, DRAFT);
    const pending = server.pullDiagnostics(uri);
    server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    // Either answered before the change arrived, or cancelled with retrigger: never an answer for a stale version
    // mislabelled as current.
    await pending.then(
      () => undefined,
      (err: { code?: number; data?: { retriggerRequest?: boolean } }) => {
        assert.strictEqual(err.code, LSPErrorCodes.ServerCancelled);
        assert.strictEqual(err.data?.retriggerRequest, true);
      },
    );
    assert.strictEqual((await server.diagnostics(uri)).length, 1);
  });

  for (const [what, breakIt, field] of [
    ['bad JSON', (file: string) => fs.writeFileSync(file, '{"version": 1, "people": ['), undefined],
    [
      'a schema error',
      (file: string) => {
        const d = JSON.parse(fs.readFileSync(file, 'utf8'));
        d.events[0].when.start = 42;
        fs.writeFileSync(file, JSON.stringify(d));
      },
      /events/,
    ],
    [
      'a quote that is not in its seed',
      (file: string) => {
        const d = JSON.parse(fs.readFileSync(file, 'utf8'));
        d.events[0].sources[0].quote = 'Words that appear in no seed at all.';
        fs.writeFileSync(file, JSON.stringify(d));
      },
      /events/,
    ],
    ['JSON.parse quoting the text around the error, across lines', (file: string) => fs.writeFileSync(file, 'x' + fs.readFileSync(file, 'utf8')), /JSON/],
    [
      'an impossible date (2023-02-30)',
      (file: string) => {
        const d = JSON.parse(fs.readFileSync(file, 'utf8'));
        d.events[1].when.start = '2023-02-30';
        fs.writeFileSync(file, JSON.stringify(d));
      },
      /\/events\/1\/when\/start/,
    ],
    [
      'every event\'s start and end swapped',
      (file: string) => {
        const d = JSON.parse(fs.readFileSync(file, 'utf8'));
        for (const e of d.events) [e.when.start, e.when.end] = [e.when.end, e.when.start];
        fs.writeFileSync(file, JSON.stringify(d));
      },
      /\/events\/\d+\/when\/end/,
    ],
  ] as const) {
    it(`a broken dataset (${what}) gives one clear message naming the file, and the server keeps serving`, async () => {
      const { dataDir } = copyData();
      breakIt(path.join(dataDir, 'facts.json'));
      server = await startServer({ pull: true, initializationOptions: { dataDir } });
      await server.waitFor(() => server!.messages.length > 0, 'window/showMessage');
      await new Promise((r) => setTimeout(r, 200)); // and no second one
      const errors = server.messages.filter((m) => m.type === MessageType.Error);
      assert.strictEqual(errors.length, 1, JSON.stringify(server.messages));
      assert.match(errors[0].message, /facts\.json/);
      assert.ok(!/[\r\n]/.test(errors[0].message), `one line: ${JSON.stringify(errors[0].message)}`);
      if (field) assert.match(errors[0].message, field);
      assert.ok(server.logs.some((l) => /facts\.json/.test(l.message)), 'logged too');
      const uri = uriOf('broken.md');
      server.open(uri, DRAFT);
      assert.deepStrictEqual(await server.diagnostics(uri), []);
      assert.strictEqual(await server.hover(uri, LINE, 3), null);
      assert.ok(!server.exited);
    });
  }

  it('a facts.json with a UTF-8 byte-order mark loads', async () => {
    const { dataDir } = copyData();
    const file = path.join(dataDir, 'facts.json');
    fs.writeFileSync(file, '\ufeff' + fs.readFileSync(file, 'utf8'));
    server = await startServer({ pull: true, initializationOptions: { dataDir } });
    assert.deepStrictEqual(server.messages.filter((m) => m.type === MessageType.Error), []);
    const uri = uriOf('bom-data.md');
    server.open(uri, DRAFT);
    assert.strictEqual((await server.diagnostics(uri)).length, 1);
  });

  it('factcheck.reloadData: a broken reload keeps the last good dataset; a good one is picked up', async () => {
    const { dataDir } = copyData();
    const file = path.join(dataDir, 'facts.json');
    const good = fs.readFileSync(file, 'utf8');
    server = await startServer({ pull: true, initializationOptions: { dataDir } });
    const uri = uriOf('reload.md');
    server.open(uri, DRAFT);
    assert.strictEqual((await server.diagnostics(uri)).length, 1);
    fs.writeFileSync(file, '{ not json');
    const bad = await server.execute<{ ok: boolean; message: string }>('factcheck.reloadData');
    assert.strictEqual(bad.ok, false);
    assert.match(bad.message, /facts\.json/);
    assert.match(bad.message, /last good/);
    assert.ok(server.messages.some((m) => m.type === MessageType.Error && /facts\.json/.test(m.message)));
    assert.strictEqual((await server.diagnostics(uri)).length, 1, 'still checking with the last good dataset');
    fs.writeFileSync(file, good);
    const ok = await server.execute<{ ok: boolean; facts: number }>('factcheck.reloadData');
    assert.strictEqual(ok.ok, true);
    assert.ok(ok.facts > 0);
  });

  it('the data folder is watched: a broken facts.json is reported without a command', async () => {
    const { dataDir } = copyData();
    server = await startServer({ pull: true, initializationOptions: { dataDir, watchData: true } });
    fs.writeFileSync(path.join(dataDir, 'facts.json'), '[');
    await server.waitFor(() => server!.messages.some((m) => m.type === MessageType.Error), 'an error message', 5000);
    await alive(server);
  });

  it('hostile strings in the dataset reach hovers escaped: no links, command URIs, HTML or code spans', async () => {
    const { dataDir, seedsDir } = copyData();
    const file = path.join(dataDir, 'facts.json');
    const d = JSON.parse(fs.readFileSync(file, 'utf8'));
    const luka = d.people.find((p: { id: string }) => p.id === 'lukashenko');
    luka.role = `President ${HOSTILE}`;
    for (const e of d.events) e.label = `${e.label} ${HOSTILE}`;
    // A hostile quote must be verbatim in its seed: add it to the seed copy.
    const seed = path.join(seedsDir, '002_705faf08c05380e2.txt');
    const lines = fs.readFileSync(seed, 'utf8').replace(/\n$/, '').split('\n');
    lines.push(HOSTILE);
    fs.writeFileSync(seed, lines.join('\n') + '\n');
    luka.sources.unshift({ seed: '002_705faf08c05380e2.txt', line: lines.length, quote: HOSTILE });
    fs.writeFileSync(file, JSON.stringify(d, null, 2));
    server = await startServer({ pull: true, initializationOptions: { dataDir, seedsDir } });
    assert.deepStrictEqual(server.messages.filter((m) => m.type === MessageType.Error), [], 'the hostile dataset is valid');
    const uri = uriOf('hostile.md');
    server.open(uri, DRAFT);
    const hover = hoverText(await server.hover(uri, LINE, 3));
    assert.match(hover, /President/);
    assert.match(hover, /command/); // the text is there, as text
    assertInert(hover);
  });

  it('bidirectional controls in the dataset (isolates U+2066-U+2069, marks, overrides) are stripped from hovers', async () => {
    const BIDI = ['\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e'];
    const { dataDir } = copyData();
    const file = path.join(dataDir, 'facts.json');
    const d = JSON.parse(fs.readFileSync(file, 'utf8'));
    const luka = d.people.find((p: { id: string }) => p.id === 'lukashenko');
    luka.role = `President \u2067gnihtoN\u2069 of ${BIDI.join('x')} Belarus`;
    for (const e of d.events) e.label = `${BIDI.join('')}${e.label}\u2066`;
    fs.writeFileSync(file, JSON.stringify(d, null, 2));
    server = await startServer({ pull: true, initializationOptions: { dataDir } });
    assert.deepStrictEqual(server.messages.filter((m) => m.type === MessageType.Error), [], 'the dataset is valid');
    const uri = uriOf('bidi.md');
    server.open(uri, DRAFT);
    const hover = hoverText(await server.hover(uri, LINE, 3));
    assert.match(hover, /President gnihtoN of/);
    for (const c of BIDI) assert.ok(!hover.includes(c), `U+${c.charCodeAt(0).toString(16)} in the hover: ${JSON.stringify(hover)}`);
  });

  it('a killed server process can be replaced by a fresh one that works', async () => {
    server = await startServer({ pull: true });
    const uri = uriOf('kill.md');
    server.open(uri, DRAFT);
    assert.strictEqual((await server.diagnostics(uri)).length, 1);
    server.proc.kill('SIGKILL');
    await server.waitFor(() => server!.exited, 'the process to exit');
    await assert.rejects(async () => server!.hover(uri, LINE, 3));
    await server.stop();
    server = await startServer({ pull: true });
    server.open(uri, DRAFT);
    assert.strictEqual((await server.diagnostics(uri)).length, 1);
  });

  it('exits cleanly on shutdown + exit', async () => {
    server = await startServer({ pull: false });
    await server.stop();
    assert.ok(server.exited);
    server = undefined;
  });
});
