// Hostile front matter over the wire. A 2 MB draft whose front matter is `x: [[[[…` blocked the server for 15 s (at
// 1.75 GB), and each keystroke inside it for 38 s more; a nesting deep enough to overflow the YAML parser could kill
// the process. Past a size and depth bound the front matter is skipped, with one Information diagnostic, and the rest
// of the draft is checked as usual.

import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, text, uriOf, type Server } from './helpers';

const CLAIM = 'Lukashenko is in Beijing for the fourth time this year.';

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
}

describe('protocol: front matter is parsed within bounds', function () {
  this.timeout(60000);
  let server: Server;
  before(async () => {
    server = await startServer({ pull: true, settings: { referenceDate: '2023-12-03' } });
  });
  after(async () => server?.stop());

  function assertSkipped(diags: Diagnostic[], draft: string): void {
    const notes = diags.filter((d) => d.code === 'front-matter');
    assert.strictEqual(notes.length, 1, JSON.stringify(diags.map((d) => d.code)));
    assert.strictEqual(notes[0].severity, 3, 'Information');
    assert.match(text(notes[0].message), /skipped/i);
    assert.ok(diags.some((d) => d.code === 'count-mismatch'), `the claim after the front matter is still checked (${draft.length} chars)`);
  }

  const cases: [string, string][] = [
    ['nearly 2 MB of `x: [[[[`', `x: ${'['.repeat(2_000_000)}`],
    ['a large front matter of ordinary keys', Array.from({ length: 40_000 }, (_, i) => `key${i}: value ${i}`).join('\n')],
    ['10,000 nested flow mappings', `x: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['16,000 nested block sequences on one line', `${'- '.repeat(16_000)}x`],
    ['10,000 nested complex keys', `${'? '.repeat(10_000)}x`],
  ];
  cases.forEach(([name, yaml], i) => {
    it(`${name}: skipped with one Information diagnostic, answered in seconds, and so is a keystroke inside it`, async () => {
      const uri = uriOf(`frontmatter-${i}.md`);
      const text = `---\n${yaml}\n---\n# Visits\n\n${CLAIM}\n`;
      server.open(uri, text);
      const t0 = Date.now();
      assertSkipped(await within(server.diagnostics(uri), 5000, 'diagnostics after open'), text);
      const open = Date.now() - t0;
      // A keystroke inside the front matter, at the end of its first line.
      const end = yaml.split('\n')[0].length;
      server.change(uri, [{ range: { start: { line: 1, character: end }, end: { line: 1, character: end } }, text: 'y' }]);
      const t1 = Date.now();
      assertSkipped(await within(server.diagnostics(uri), 5000, 'diagnostics after a keystroke'), text);
      const edit = Date.now() - t1;
      assert.ok(open < 5000 && edit < 5000, `open ${open} ms, edit ${edit} ms`);
      assert.ok(!server.exited, 'the server is alive');
    });
  });

  it('a normal front matter is still read: its date decides "this year"', async () => {
    const uri = uriOf('frontmatter-normal.md');
    server.open(uri, `---\ndate: 2022-12-03\ntags: [a, b, [c]]\nnested:\n  a:\n    - x\n---\n${CLAIM}\n`);
    const diags = await server.diagnostics(uri);
    assert.ok(!diags.some((d) => d.code === 'front-matter'), JSON.stringify(diags));
    // In 2022 the dataset knows no Beijing visits to count: nothing is flagged.
    assert.ok(!diags.some((d) => d.code === 'count-mismatch'), JSON.stringify(diags));
  });
});
