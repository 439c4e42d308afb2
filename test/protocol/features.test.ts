// Hovers, code actions and commands over the wire.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, DRAFT, editsOf, hoverText, startServer, tmpDir, uriOf, type Server } from './helpers';

const LINE = 4;

describe('protocol: hover, code actions, commands', function () {
  this.timeout(20000);
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  async function openDraft(name: string, text = DRAFT, pull = true): Promise<{ uri: string; diags: Diagnostic[] }> {
    server = await startServer({ pull });
    const uri = uriOf(name);
    server.open(uri, text);
    return { uri, diags: await server.diagnostics(uri) };
  }

  it('hover on "Lukashenko" shows his card: role and a timeline mentioning Beijing', async () => {
    const { uri } = await openDraft('hover.md');
    const hover = await server!.hover(uri, LINE, 3);
    const text = hoverText(hover);
    assert.match(text, /President/);
    assert.match(text, /Beijing/);
    assert.ok(hover && typeof hover.contents === 'object' && 'kind' in hover.contents && hover.contents.kind === 'markdown');
  });

  it('hover on the flagged claim shows the claim, what the sources say, and the quote', async () => {
    const { uri } = await openDraft('hover-claim.md');
    const col = DRAFT.split('\n')[LINE].indexOf('fourth') + 2;
    const text = hoverText(await server!.hover(uri, LINE, col));
    assert.match(text, /second/);
    assert.match(text, /002\\?_705faf08c05380e2\\?\.txt/);
  });

  it('hover on plain text or the front matter gives null', async () => {
    const { uri } = await openDraft('hover-null.md');
    assert.strictEqual(await server!.hover(uri, 1, 2), null);
  });

  it('code actions: the preferred quick fix makes the sentence say "second"', async () => {
    const { uri, diags } = await openDraft('fix.md');
    assert.strictEqual(diags.length, 1);
    const actions = (await server!.codeActions(uri, diags[0].range, diags)) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions));
    assert.strictEqual(fix.kind, 'quickfix');
    assert.deepStrictEqual(fix.diagnostics?.map((d) => d.message), [diags[0].message]);
    const fixed = applyEdits(DRAFT, editsOf(fix, uri));
    assert.strictEqual(fixed.split('\n')[LINE], 'Lukashenko is in Beijing for the second time this year.');
    // Applied in the editor, the diagnostic goes away.
    server!.change(uri, editsOf(fix, uri).map((e) => ({ range: e.range, text: e.newText })));
    assert.deepStrictEqual(await server!.diagnostics(uri), []);
  });

  it('code actions: "Open source" runs factcheck.openSource on the seed file; the server opens it with showDocument', async () => {
    const { uri, diags } = await openDraft('open.md');
    const actions = (await server!.codeActions(uri, diags[0].range, diags)) as CodeAction[];
    const open = actions.find((a) => a.command?.command === 'factcheck.openSource');
    assert.ok(open?.command, JSON.stringify(actions));
    const arg = open.command.arguments?.[0] as { uri: string; range: unknown };
    assert.match(arg.uri, /seeds\/002_705faf08c05380e2\.txt$/);
    // Advertised by the server when the client does not claim it (Neovim and other editors).
    assert.ok(server!.initializeResult.capabilities.executeCommandProvider?.commands.includes('factcheck.openSource'));
    const ok = await server!.execute(open.command.command, open.command.arguments);
    assert.strictEqual(ok, true);
    assert.strictEqual(server!.shownDocuments[0].uri, arg.uri);
  });

  it('code actions: "Ignore this claim" inserts the disable comment above, with the line\'s indentation', async () => {
    const text = DRAFT.replace('Lukashenko is in Beijing', '  - Lukashenko is in Beijing');
    const { uri, diags } = await openDraft('ignore.md', text);
    assert.strictEqual(diags.length, 1);
    const actions = (await server!.codeActions(uri, diags[0].range, diags)) as CodeAction[];
    const ignore = actions.find((a) => /ignore/i.test(a.title));
    assert.ok(ignore, JSON.stringify(actions));
    const after = applyEdits(text, editsOf(ignore, uri)).split('\n');
    assert.strictEqual(after[LINE], '  <!-- factcheck-disable-next-line -->');
    assert.strictEqual(after[LINE + 1], '  - Lukashenko is in Beijing for the fourth time this year.');
  });

  it('code actions: none for a range without diagnostics, and none when only other kinds are asked for', async () => {
    const { uri, diags } = await openDraft('noactions.md');
    const none = await server!.codeActions(uri, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } }, []);
    assert.deepStrictEqual(none, []);
    const refactor = await server!.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: diags, only: ['refactor'] },
    });
    assert.deepStrictEqual(refactor, []);
  });

  it('factcheck.checkDocument returns the summary', async () => {
    const { uri } = await openDraft('summary.md');
    const summary = await server!.execute<{ claims: number; contradicted: number; undecidable: number }>('factcheck.checkDocument', [uri]);
    assert.ok(summary.claims >= 1, JSON.stringify(summary));
    assert.strictEqual(summary.contradicted, 1);
    assert.strictEqual(typeof summary.undecidable, 'number');
  });

  it('factcheck.checkWorkspace checks every .md file, publishes for unopened files, reports progress', async () => {
    const dir = tmpDir('factcheck-ws-');
    fs.writeFileSync(path.join(dir, 'a.md'), DRAFT);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.markdown'), DRAFT.replace('fourth', 'second'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'skip.md'), DRAFT);
    fs.writeFileSync(path.join(dir, 'notes.txt'), DRAFT);
    server = await startServer({ pull: true, workspaceFolders: [dir] });
    const summary = await server.execute<{ files: number; contradicted: number }>('factcheck.checkWorkspace');
    assert.strictEqual(summary.files, 2, JSON.stringify(summary));
    assert.strictEqual(summary.contradicted, 1);
    const a = pathToFileURL(path.join(dir, 'a.md')).href;
    const pushed = await server.waitForPush(a);
    assert.strictEqual(pushed.diagnostics.length, 1);
    assert.ok(server.progress.some((p) => (p as { kind?: string }).kind === 'begin'), 'work-done progress begins');
    assert.ok(server.progress.some((p) => (p as { kind?: string }).kind === 'end'), 'work-done progress ends');
    assert.ok(!server.published.some((p) => /node_modules|notes\.txt/.test(p.uri)));
  });

  it('Ignore this claim keeps CRLF line endings', async () => {
    const text = DRAFT.replace(/\n/g, '\r\n');
    const { uri, diags } = await openDraft('crlf.md', text);
    const actions = (await server!.codeActions(uri, diags[0].range, diags)) as CodeAction[];
    const ignore = actions.find((a) => /ignore/i.test(a.title))!;
    const after = applyEdits(text, editsOf(ignore, uri));
    assert.ok(after.includes('<!-- factcheck-disable-next-line -->\r\nLukashenko'), JSON.stringify(after));
    server!.change(uri, editsOf(ignore, uri).map((e) => ({ range: e.range, text: e.newText })));
    assert.deepStrictEqual(await server!.diagnostics(uri), [], 'the ignored claim is no longer flagged');
  });

  it('checkWorkspace follows workspace folder changes', async () => {
    const first = tmpDir('factcheck-ws1-');
    const second = tmpDir('factcheck-ws2-');
    fs.writeFileSync(path.join(first, 'a.md'), DRAFT);
    fs.writeFileSync(path.join(second, 'b.md'), DRAFT);
    server = await startServer({ pull: true, workspaceFolders: [first] });
    assert.strictEqual((await server.execute<{ files: number }>('factcheck.checkWorkspace')).files, 1);
    await server.conn.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(second).href, name: 'second' }], removed: [] },
    });
    assert.strictEqual((await server.execute<{ files: number }>('factcheck.checkWorkspace')).files, 2);
  });

  it('unknown commands answer with an error', async () => {
    await openDraft('unknown-command.md');
    await assert.rejects(server!.execute('factcheck.nope'), /Unknown command/);
    await assert.rejects(server!.execute('factcheck.checkDocument', []), /URI/);
  });
});
