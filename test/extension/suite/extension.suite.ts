// Runs inside VS Code's extension host with this extension loaded from the repository (dist/ bundles).

import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'factcheck.factcheck';

async function until<T>(get: () => T | undefined | false, what: string, timeout = 30000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function draftUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const dir = folder?.uri.fsPath ?? process.env.FACTCHECK_TEST_WORKSPACE ?? '';
  return vscode.Uri.file(path.join(dir, 'draft.md'));
}

describe('Fact Check extension', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(draftUri());
    await vscode.window.showTextDocument(document);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await until(() => extension.isActive, 'activation on Markdown');
  });

  it('contributes its commands under the "Fact Check" category', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['factcheck.checkDocument', 'factcheck.checkWorkspace', 'factcheck.openSource', 'factcheck.restartServer']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('flags the wrong count on line 4 with "second"', async () => {
    const diagnostics = await until(() => {
      const d = vscode.languages.getDiagnostics(document.uri).filter((x) => x.source === 'factcheck');
      return d.length ? d : undefined;
    }, 'diagnostics');
    assert.strictEqual(diagnostics[0].range.start.line, 4);
    assert.match(diagnostics[0].message, /second/);
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
  });

  it('hovers on Lukashenko with a card, untrusted', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(4, 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /President/);
    assert.match(text, /Beijing/);
    for (const h of hovers) for (const c of h.contents) if (c instanceof vscode.MarkdownString) assert.ok(!c.isTrusted);
  });

  it('offers the quick fix, which makes the sentence say "second"', async () => {
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((x) => x.source === 'factcheck');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.some((a) => a.command?.command === 'factcheck.openSource'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(document.lineAt(4).text, 'Lukashenko is in Beijing for the second time this year.');
    await until(() => !vscode.languages.getDiagnostics(document.uri).some((x) => x.source === 'factcheck'), 'the diagnostic to clear');
    await vscode.commands.executeCommand('undo');
  });

  it('"Fact Check: Check Document" returns the summary', async () => {
    const summary = await vscode.commands.executeCommand<{ claims: number; contradicted: number }>('factcheck.checkDocument', document.uri);
    assert.ok(summary && summary.claims >= 1);
  });

  it('"Fact Check: Open Source" opens the seed file', async () => {
    const diagnostic = await until(
      () => vscode.languages.getDiagnostics(document.uri).find((x) => x.source === 'factcheck'),
      'the diagnostic to come back',
    );
    const location = diagnostic.relatedInformation?.[0]?.location;
    assert.ok(location);
    await vscode.commands.executeCommand('factcheck.openSource', { uri: location.uri.toString(), range: location.range });
    await until(() => vscode.window.activeTextEditor?.document.uri.fsPath.endsWith('.txt'), 'the seed to open');
  });

  it('"Fact Check: Restart Server" restarts and diagnostics come back', async () => {
    await vscode.commands.executeCommand('factcheck.restartServer');
    await vscode.window.showTextDocument(document);
    await until(() => vscode.languages.getDiagnostics(document.uri).some((x) => x.source === 'factcheck'), 'diagnostics after restart');
  });
});
