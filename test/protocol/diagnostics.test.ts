// Diagnostics over the wire: pull and push, incremental edits, debouncing, stale versions, settings, size limit.

import * as assert from 'assert';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { DRAFT, startServer, text, uriOf, type Server } from './helpers';

const LINE = 4; // "Lukashenko is in Beijing for the fourth time this year."

function contradictions(diags: { code?: unknown; severity?: number }[]) {
  return diags.filter((d) => d.code !== 'file-too-large');
}

describe('protocol: diagnostics', function () {
  this.timeout(20000);
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('pull: advertises a diagnostic provider and reports the wrong count on line 4 with the source and a fix', async () => {
    server = await startServer({ pull: true });
    assert.ok(server.initializeResult.capabilities.diagnosticProvider, 'diagnosticProvider');
    const uri = uriOf('pull.md');
    server.open(uri, DRAFT);
    const report = await server.pullDiagnostics(uri);
    assert.strictEqual(report.kind, 'full');
    const items = report.kind === 'full' ? report.items : [];
    assert.strictEqual(items.length, 1, JSON.stringify(items));
    const d = items[0];
    assert.strictEqual(d.range.start.line, LINE);
    assert.strictEqual(d.severity, DiagnosticSeverity.Warning);
    assert.strictEqual(d.source, 'factcheck');
    assert.match(text(d.message), /second/);
    assert.ok(d.relatedInformation?.some((r) => /seeds\/002_[^/]+\.txt$/.test(r.location.uri)), JSON.stringify(d.relatedInformation));
    // Same version, same settings: the server may answer "unchanged".
    const again = await server.pullDiagnostics(uri, report.resultId);
    if (report.resultId) assert.strictEqual(again.kind, 'unchanged');
  });

  it('push: without the pull capability, diagnostics are published with the document version', async () => {
    server = await startServer({ pull: false });
    assert.strictEqual(server.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = uriOf('push.md');
    server.open(uri, DRAFT, 'markdown', 7);
    const p = await server.waitForPush(uri, { version: 7 });
    assert.strictEqual(p.diagnostics.length, 1);
    assert.strictEqual(p.diagnostics[0].range.start.line, LINE);
    assert.match(text(p.diagnostics[0].message), /second/);
  });

  it('incremental edits: fixing the word clears the diagnostic, breaking it again brings it back', async () => {
    server = await startServer({ pull: true });
    const uri = uriOf('edit.md');
    server.open(uri, DRAFT);
    assert.strictEqual((await server.diagnostics(uri)).length, 1);
    const col = DRAFT.split('\n')[LINE].indexOf('fourth');
    server.change(uri, [{ range: { start: { line: LINE, character: col }, end: { line: LINE, character: col + 6 } }, text: 'second' }]);
    assert.deepStrictEqual(contradictions(await server.diagnostics(uri)), []);
    server.change(uri, [{ range: { start: { line: LINE, character: col }, end: { line: LINE, character: col + 6 } }, text: 'fourth' }]);
    assert.strictEqual((await server.diagnostics(uri)).length, 1);
    // An inserted line above moves the diagnostic down.
    server.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Intro paragraph.\n\n' }]);
    const moved = await server.diagnostics(uri);
    assert.strictEqual(moved.length, 1);
    assert.strictEqual(moved[0].range.start.line, LINE + 2);
  });

  it('push: a burst of keystrokes is coalesced and the last version wins', async () => {
    server = await startServer({ pull: false });
    const uri = uriOf('burst.md');
    const base = DRAFT.replace('fourth', '');
    server.open(uri, base);
    await server.waitForPush(uri, { version: 1 });
    const since = server.published.length;
    const col = base.split('\n')[LINE].indexOf('for the ') + 'for the '.length;
    let version = 1;
    for (const [i, ch] of [...'fourth'].entries()) {
      version = server.change(uri, [{ range: { start: { line: LINE, character: col + i }, end: { line: LINE, character: col + i } }, text: ch }]);
    }
    const p = await server.waitForPush(uri, { since, version });
    assert.strictEqual(p.diagnostics.length, 1);
    await new Promise((r) => setTimeout(r, 300));
    const pushes = server.published.slice(since).filter((x) => x.uri === uri);
    assert.ok(pushes.length <= 2, `expected the burst to be coalesced, got ${pushes.length} publishes`);
    assert.strictEqual(pushes[pushes.length - 1].version, version);
    assert.strictEqual(server.texts.get(uri), DRAFT);
  });

  it('ignores out-of-order versions and edits for documents that are not open', async () => {
    server = await startServer({ pull: true });
    const uri = uriOf('order.md');
    server.open(uri, DRAFT, 'markdown', 5);
    // A stale change (version 3 < 5) that would fix the claim: ignored.
    const col = DRAFT.split('\n')[LINE].indexOf('fourth');
    server.change(uri, [{ range: { start: { line: LINE, character: col }, end: { line: LINE, character: col + 6 } }, text: 'second' }], 3);
    // A change for a document that was never opened: ignored.
    server.change(uriOf('never-opened.md'), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 2);
    const items = await server.diagnostics(uri);
    assert.strictEqual(items.length, 1, 'the stale edit must not have been applied');
    assert.ok(!server.exited);
  });

  it('checks Markdown only: a plaintext .txt document gets nothing', async () => {
    server = await startServer({ pull: false });
    const txt = uriOf('notes.txt');
    server.open(txt, DRAFT, 'plaintext');
    const md = uriOf('other.md');
    server.open(md, DRAFT);
    await server.waitForPush(md);
    assert.ok(!server.published.some((p) => p.uri === txt));
  });

  it('severity setting: a change re-publishes with the new severity; enable=false clears', async () => {
    server = await startServer({ pull: false });
    const uri = uriOf('settings.md');
    server.open(uri, DRAFT);
    assert.strictEqual((await server.waitForPush(uri)).diagnostics[0].severity, DiagnosticSeverity.Warning);
    let since = server.published.length;
    server.configure({ severity: 'error' });
    let p = await server.waitForPush(uri, { since });
    assert.strictEqual(p.diagnostics[0].severity, DiagnosticSeverity.Error);
    since = server.published.length;
    server.configure({ severity: 'hint' });
    p = await server.waitForPush(uri, { since });
    assert.strictEqual(p.diagnostics[0].severity, DiagnosticSeverity.Hint);
    since = server.published.length;
    server.configure({ enable: false });
    p = await server.waitForPush(uri, { since });
    assert.deepStrictEqual(p.diagnostics, []);
  });

  it('pull: a configuration change asks the client to refresh, and the next pull follows it', async () => {
    server = await startServer({ pull: true });
    const uri = uriOf('refresh.md');
    server.open(uri, DRAFT);
    assert.strictEqual((await server.diagnostics(uri))[0].severity, DiagnosticSeverity.Warning);
    const before = server.refreshes;
    server.configure({ severity: 'error' });
    await server.waitFor(() => server!.refreshes > before, 'workspace/diagnostic/refresh');
    assert.strictEqual((await server.diagnostics(uri))[0].severity, DiagnosticSeverity.Error);
    server.configure({ enable: false });
    await server.waitFor(() => server!.refreshes > before + 1, 'a second refresh');
    assert.deepStrictEqual(await server.diagnostics(uri), []);
  });

  it('settings without workspace/configuration: taken from didChangeConfiguration', async () => {
    server = await startServer({ pull: true, configuration: false });
    const uri = uriOf('noconfig.md');
    server.open(uri, DRAFT);
    assert.strictEqual((await server.diagnostics(uri))[0].severity, DiagnosticSeverity.Warning);
    server.configure({ severity: 'information' });
    await server.waitFor(() => server!.refreshes > 0, 'refresh');
    assert.strictEqual((await server.diagnostics(uri))[0].severity, DiagnosticSeverity.Information);
  });

  it('run=onSave: edits are not re-checked until the document is saved', async () => {
    server = await startServer({ pull: true, settings: { run: 'onSave' } });
    const uri = uriOf('onsave.md');
    server.open(uri, DRAFT);
    assert.strictEqual((await server.diagnostics(uri)).length, 1, 'checked on open');
    const col = DRAFT.split('\n')[LINE].indexOf('fourth');
    server.change(uri, [{ range: { start: { line: LINE, character: col }, end: { line: LINE, character: col + 6 } }, text: 'second' }]);
    assert.strictEqual((await server.diagnostics(uri)).length, 1, 'not re-checked before saving');
    const before = server.refreshes;
    server.save(uri);
    await server.waitFor(() => server!.refreshes > before, 'refresh after save');
    assert.deepStrictEqual(contradictions(await server.diagnostics(uri)), []);
  });

  it('run=manual: nothing until factcheck.checkDocument', async () => {
    server = await startServer({ pull: false, settings: { run: 'manual' } });
    const uri = uriOf('manual.md');
    server.open(uri, DRAFT);
    const first = await server.waitForPush(uri);
    assert.deepStrictEqual(first.diagnostics, []);
    const since = server.published.length;
    const summary = await server.execute<{ claims: number; contradicted: number }>('factcheck.checkDocument', [uri]);
    assert.ok(summary.contradicted >= 1);
    const p = await server.waitForPush(uri, { since });
    assert.strictEqual(p.diagnostics.length, 1);
  });

  it('referenceDate setting is used when the draft has no front matter date', async () => {
    server = await startServer({ pull: true, settings: { referenceDate: '2023-12-03' } });
    const uri = uriOf('refdate.md');
    server.open(uri, '# Minsk and Beijing\nLukashenko is in Beijing for the fourth time this year.\n');
    const items = await server.diagnostics(uri);
    assert.strictEqual(items.length, 1, JSON.stringify(items));
    assert.match(text(items[0].message), /second/);
  });

  it('size limit: above factcheck.maxFileSize nothing is checked and one Information diagnostic says so', async () => {
    server = await startServer({ pull: true, settings: { maxFileSize: 100 } });
    const uri = uriOf('big.md');
    server.open(uri, DRAFT + 'x'.repeat(200) + '\n');
    const items = await server.diagnostics(uri);
    assert.strictEqual(items.length, 1);
    assert.strictEqual(items[0].severity, DiagnosticSeverity.Information);
    assert.match(text(items[0].message), /maxFileSize/);
    // Below the limit again: checked normally.
    server.configure({ maxFileSize: 2 * 1024 * 1024 });
    await server.waitFor(() => server!.refreshes > 0, 'refresh');
    const after = await server.diagnostics(uri);
    assert.ok(after.some((d) => /second/.test(text(d.message))));
  });

  it('closing a document clears its pushed diagnostics', async () => {
    server = await startServer({ pull: false });
    const uri = uriOf('close.md');
    server.open(uri, DRAFT);
    await server.waitForPush(uri);
    const since = server.published.length;
    server.close(uri);
    const p = await server.waitForPush(uri, { since });
    assert.deepStrictEqual(p.diagnostics, []);
  });
});
