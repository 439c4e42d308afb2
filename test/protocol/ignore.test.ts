// "Ignore this claim" over the wire, in every block a claim can sit in: the edit must change nothing in how the
// document renders (markdown-it, HTML on, as VS Code's preview renders it) but the comment itself, and the claim
// must then go unflagged. A comment line of its own ends a table, splits a paragraph or a list, and pulls a lazy
// block-quote line out of its quote; the server must put the comment where it changes nothing.

import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { CodeActionResolveRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, editsOf, startServer, uriOf, type Server } from './helpers';

const CLAIM = 'Lukashenko is in Beijing for the fourth time this year.';
const FM = '---\ndate: 2023-12-03\n---\n';

const md = new MarkdownIt({ html: true });

/** The rendered HTML, with factcheck comments removed and whitespace around tags ignored. */
function rendered(text: string): string {
  return md
    .render(text)
    .replace(/[ \t]*<!--\s*factcheck-[a-z-]+\s*-->/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?(<[^>]*>) ?/g, '$1')
    .trim();
}

const CASES: { name: string; body: string; ownLine?: boolean }[] = [
  { name: 'a paragraph\'s first line (the comment goes on a line of its own)', body: `Some context.\n\n${CLAIM}\nMore text.\n`, ownLine: true },
  { name: 'a paragraph\'s second line', body: `The talks went well. Nothing else\nhappened. ${CLAIM}\nThe end.\n` },
  { name: 'a paragraph\'s second line ending in a hard break (two spaces)', body: `The talks went well.\n${CLAIM}  \nThe end.\n` },
  { name: 'a paragraph\'s second line ending in a hard break (backslash)', body: `The talks went well.\n${CLAIM}\\\nThe end.\n` },
  { name: 'a table body row', body: `| when | what |\n| --- | --- |\n| December | ${CLAIM} |\n| March | Lukashenko landed in Tehran. |\n` },
  { name: 'a table row without outer pipes', body: `when | what\n--- | ---\nDecember | ${CLAIM}\nMarch | Lukashenko landed in Tehran.\n` },
  { name: 'a table row with fewer cells than the header', body: `| when | what | note |\n| --- | --- | --- |\n| December | ${CLAIM} |\n| March | x | y |\n` },
  { name: 'an ordered list\'s second item', body: `1. Lukashenko met Xi.\n2. ${CLAIM}\n3. Done.\n` },
  { name: 'a bullet list\'s second item', body: `- Lukashenko met Xi.\n- ${CLAIM}\n- Done.\n` },
  { name: 'a list item\'s continuation line', body: `- item one\n  ${CLAIM}\n- item two\n` },
  { name: 'a lazy block-quote line', body: `> Lukashenko met Xi in Beijing.\n${CLAIM}\n\nAfter.\n` },
  { name: 'a lazy line of a nested block quote', body: `> > Lukashenko met Xi in Beijing.\n> ${CLAIM}\n\nAfter.\n` },
  { name: 'a nested block quote\'s second line', body: `> > Lukashenko met Xi in Beijing.\n> > ${CLAIM}\n> back in the outer quote\n` },
  { name: 'a block quote in a list item', body: `- item\n  > Lukashenko met Xi in Beijing.\n  > ${CLAIM}\n- next\n` },
  { name: 'a heading with a closing sequence', body: `## ${CLAIM.replace(/\.$/, '')} ##\n\nText.\n` },
  { name: 'a setext heading', body: `${CLAIM}\n===\n\nText.\n` },
];

describe('protocol: "Ignore this claim" keeps the Markdown structure', function () {
  this.timeout(30000);
  let server: Server;
  before(async () => {
    server = await startServer({ pull: true });
  });
  after(async () => server?.stop());

  async function ignoreAction(uri: string, text: string): Promise<{ diags: Diagnostic[]; action: CodeAction }> {
    server.open(uri, text);
    const diags = await server.diagnostics(uri);
    assert.ok(diags.length >= 1, `the claim is flagged in:\n${text}`);
    const actions = (await server.codeActions(uri, diags[0].range, [diags[0]])) as CodeAction[];
    const action = actions.find((a) => /ignore/i.test(a.title));
    assert.ok(action, `an Ignore action: ${JSON.stringify(actions.map((a) => a.title))}`);
    return { diags, action };
  }

  CASES.forEach((c, i) => {
    it(`a claim in ${c.name}`, async () => {
      const uri = uriOf(`ignore-structure-${i}.md`);
      const text = FM + c.body;
      const { diags, action } = await ignoreAction(uri, text);
      const edits = editsOf(action, uri);
      const after = applyEdits(text, edits);
      assert.strictEqual(rendered(after), rendered(text), `the structure changed:\n--- before\n${text}\n--- after\n${after}`);
      if (c.ownLine) assert.match(after, /^<!-- factcheck-disable-next-line -->\n/m, after);
      // Applied, the claim is no longer flagged.
      server.change(uri, edits.map((e) => ({ range: e.range, text: e.newText })));
      const now = await server.diagnostics(uri);
      assert.ok(!now.some((d) => d.message === diags[0].message && d.range.start.line === diags[0].range.start.line), `still flagged:\n${after}`);
    });
  });

  for (const [name, eol] of [['CR-only', '\r'], ['CRLF', '\r\n']] as const) {
    it(`in a ${name} file the comment line ends with the file's own line ending`, async () => {
      const uri = uriOf(`ignore-eol-${name}.md`);
      const text = (FM + `Some context.\n\n${CLAIM}\n`).replace(/\n/g, eol);
      const { action } = await ignoreAction(uri, text);
      const after = applyEdits(text, editsOf(action, uri));
      assert.ok(after.includes(`<!-- factcheck-disable-next-line -->${eol}${CLAIM}`), JSON.stringify(after));
      if (eol === '\r') assert.ok(!after.includes('\n'), `an LF was inserted: ${JSON.stringify(after)}`);
      else assert.ok(!/[^\r]\n/.test(after), `a bare LF was inserted: ${JSON.stringify(after)}`);
      assert.strictEqual(rendered(after), rendered(text));
    });
  }
});

describe('protocol: "Ignore this claim" with codeAction/resolve', function () {
  this.timeout(30000);
  let server: Server;
  before(async () => {
    server = await startServer({
      pull: true,
      capabilities: (caps) => {
        caps.textDocument!.codeAction = { ...caps.textDocument!.codeAction, resolveSupport: { properties: ['edit'] }, dataSupport: true };
      },
    });
  });
  after(async () => server?.stop());

  it('a client that resolves actions gets the edit only on resolve, and it keeps the structure', async () => {
    assert.deepStrictEqual((server.initializeResult.capabilities.codeActionProvider as { resolveProvider?: boolean }).resolveProvider, true);
    const uri = uriOf('ignore-resolve.md');
    const text = FM + CASES.find((c) => /table body row/.test(c.name))!.body;
    server.open(uri, text);
    const diags = await server.diagnostics(uri);
    const actions = (await server.codeActions(uri, diags[0].range, [diags[0]])) as CodeAction[];
    const listed = actions.find((a) => /ignore/i.test(a.title))!;
    assert.ok(listed && !listed.edit && listed.data, JSON.stringify(listed));
    const resolved = await server.conn.sendRequest(CodeActionResolveRequest.type, listed);
    const after = applyEdits(text, editsOf(resolved as CodeAction, uri));
    assert.notStrictEqual(after, text);
    assert.strictEqual(rendered(after), rendered(text), after);
    // Listed for one version, resolved after an edit: refused rather than applied to other text.
    server.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await assert.rejects(server.conn.sendRequest(CodeActionResolveRequest.type, listed), /changed/);
  });
});
