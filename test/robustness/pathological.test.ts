// Pathological drafts: each is checked in bounded time, with every range in the document, and where a wrong
// claim is present its diagnostic lands on exactly the claim's words (the same words, shifted to where the claim
// sits, as in a draft that holds only the claim).

import * as assert from 'node:assert/strict';
import { EngineWorker, assertResultValid, lspLines, rangeText, type Checked } from './harness';
import { HEADLINE_CLAIM, seedSentences } from '../../bench/drafts';
import type { Diagnostic } from '../../server/src/types';

const CLAIM = HEADLINE_CLAIM; // "Lukashenko is in Beijing for the fourth time this year." (it is his second, in 2023)

describe('robustness: pathological drafts', function () {
  this.timeout(120_000);
  const engine = new EngineWorker();
  /** The diagnostics of the claim alone, as offsets into the claim. */
  let baseline: { code: string; start: number; end: number; text: string }[];

  before(async () => {
    await engine.init();
    const { result } = await engine.check(CLAIM);
    assert.ok(result.diagnostics.length > 0, `the baseline claim is not flagged: ${JSON.stringify(result.claims)}`);
    baseline = result.diagnostics.map((d) => ({ code: d.code, start: d.range.start.character, end: d.range.end.character, text: CLAIM.slice(d.range.start.character, d.range.end.character) }));
    for (const d of result.diagnostics) assert.equal(d.range.start.line, d.range.end.line, 'baseline diagnostic on one line');
  });
  after(async () => engine.dispose());

  /** The claim starts at (line, character) of `text`: its diagnostics must be exactly the baseline's, shifted. */
  function assertClaimAt(text: string, checked: Checked, line: number, character: number, what: string) {
    const lines = lspLines(text);
    assert.equal(lines[line].slice(character, character + CLAIM.length), CLAIM, `${what}: test setup, the claim is not at ${line}:${character}`);
    for (const b of baseline) {
      const found = checked.result.diagnostics.find((d: Diagnostic) => d.code === b.code && d.range.start.line === line && d.range.start.character === character + b.start);
      assert.ok(found, `${what}: no ${b.code} diagnostic at ${line}:${character + b.start} ("${b.text}"); got ${JSON.stringify(checked.result.diagnostics.map((d) => [d.code, d.range]))}`);
      assert.deepEqual(found.range.end, { line, character: character + b.end }, `${what}: diagnostic end`);
      assert.equal(rangeText(lines, found.range), b.text, `${what}: the diagnostic covers the claim's words`);
    }
  }

  async function checkWithin(text: string, ms: number, what: string): Promise<Checked> {
    // The worker timeout is the hang guard; the time bound is asserted on the check itself.
    const checked = await engine.check(text, Math.max(ms * 4, 20_000));
    assert.ok(checked.ms <= ms, `${what}: check took ${checked.ms.toFixed(0)} ms (bound ${ms} ms)`);
    assertResultValid(text, checked.result);
    return checked;
  }

  it('a 5 MB single line: checked in ≤ 2.5 s, with one Information diagnostic that its claims were not read', async () => {
    const prose = seedSentences().slice(0, 40).map((s) => s.text).join(' ');
    let line = '';
    while (line.length < 5_000_000) line += prose + ' ';
    line += CLAIM;
    const text = `---\ndate: 2023-12-05\n---\n${line}\n`;
    const checked = await checkWithin(text, 2500, '5 MB line');
    const notChecked = checked.result.diagnostics.filter((d: Diagnostic) => d.code === 'not-checked');
    assert.equal(notChecked.length, 1, JSON.stringify(checked.result.diagnostics.map((d: Diagnostic) => d.code)));
    assert.equal(notChecked[0].severity, 3);
    assert.equal(notChecked[0].range.start.line, 3);
    assert.match(notChecked[0].message, /^This paragraph has [\d,]+ sentences \(\d+ KB\); claims in paragraphs of more than 1,500 sentences are not checked\./);
    assert.deepEqual(checked.result.diagnostics.filter((d: Diagnostic) => d.severity <= 2), []);
  });

  it('a 5 MB line without a single space or newline, in ≤ 2.5 s', async () => {
    const text = 'Lukashenko'.repeat(500_000);
    await checkWithin(text, 2500, '5 MB word');
  });

  it('100,000 headings, then the claim, in ≤ 4 s (about 0.6 s here)', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) parts.push(`# Heading ${i}`);
    parts.push('', CLAIM, '');
    const text = parts.join('\n');
    const checked = await checkWithin(text, 4000, '100k headings');
    assertClaimAt(text, checked, 100_001, 0, '100k headings');
  });

  it('100,000 headings that each hold a name and a date, in ≤ 3 s', async () => {
    const parts: string[] = [];
    for (let i = 0; i < 100_000; i++) parts.push(`## Lukashenko in Beijing, March ${1 + (i % 28)}`);
    const text = parts.join('\n');
    await checkWithin(text, 3000, '100k headings with names');
  });

  it('deeply nested block quotes (10,000 levels) and lists (2,000 levels), in ≤ 1 s each', async () => {
    const quotes = '>'.repeat(10_000) + ' ' + CLAIM + '\n';
    const q = await checkWithin(quotes, 1000, 'nested quotes');
    // Markdown parsers cap nesting; if the claim is found at all, it must be on the claim's words.
    if (q.result.diagnostics.length) assertClaimAt(quotes, q, 0, 10_001, 'nested quotes');
    const list: string[] = [];
    for (let i = 0; i < 2000; i++) list.push(`${'  '.repeat(i)}- level ${i}`);
    list.push(`${'  '.repeat(2000)}- ${CLAIM}`);
    const lt = list.join('\n');
    const l = await checkWithin(lt, 1000, 'nested lists');
    if (l.result.diagnostics.length) assertClaimAt(lt, l, 2000, 4002, 'nested lists');
    const mixed = Array.from({ length: 500 }, (_, i) => `${'> - '.repeat(i)}item`).join('\n') + '\n\n' + CLAIM;
    const m = await checkWithin(mixed, 1000, 'nested quotes and lists');
    assertClaimAt(mixed, m, 501, 0, 'claim after nested quotes and lists');
  });

  it('moderately nested quotes and lists still find the claim exactly', async () => {
    const text = `> > > - - ${CLAIM}\n`;
    const checked = await checkWithin(text, 500, 'nested 5');
    assertClaimAt(text, checked, 0, 10, 'nested 5');
    const list = `- a\n  - b\n    - c\n      - ${CLAIM}\n`;
    assertClaimAt(list, await checkWithin(list, 500, 'list 4'), 3, 8, 'list 4');
  });

  it('CRLF, CR and mixed line ends: a wrong claim gets the right line and column', async () => {
    const body = ['# Title', '', 'Belarus strengthens relations with China.', '', `Some text. ${CLAIM}`, ''];
    for (const eol of ['\r\n', '\r', '\n']) {
      const text = body.join(eol);
      assertClaimAt(text, await checkWithin(text, 500, JSON.stringify(eol)), 4, 11, `line ends ${JSON.stringify(eol)}`);
    }
    const mixed = `# Title\r\n\r\nOne.\rTwo.\n\r\nThree.\r\r\n\nSome text. ${CLAIM}\r\n`;
    // Lines: "# Title", "", "One.", "Two.", "", "Three.", "", "", "Some text. …"
    assertClaimAt(mixed, await checkWithin(mixed, 500, 'mixed'), 8, 11, 'mixed line ends');
    const fm = `---\r\ndate: 2023-12-05\r\n---\r\n\r\n${CLAIM}\r\n`;
    const checked = await engine.check(fm, 10_000, [], {});
    assert.equal(checked.result.referenceDate, '2023-12-05', 'front matter date read through CRLF');
    assertClaimAt(fm, checked, 4, 0, 'CRLF front matter');
  });

  it('emoji, combining marks, zero-width characters and RTL text before a claim: exact UTF-16 column', async () => {
    const prefixes = [
      '😀😀👨‍👩‍👧🇧🇾.',
      'Cafe\u0301 na\u0308ive a\u0301\u0301\u0301.',
      'zero\u200bwidth\u200c\u200d\u2060\ufeff.',
      'مرحبا بالعالم. שלום עולם.',
      '\u202eevil\u202c \u200fmark\u200e.',
      '𝐁𝐨𝐥𝐝 𝕄𝕒𝕥𝕙 🏳️‍🌈 e\u0301\u0302\u0303.',
    ];
    for (const prefix of prefixes) {
      const line = `${prefix} ${CLAIM}`;
      const text = `Intro paragraph.\n\n${line}\n`;
      assertClaimAt(text, await checkWithin(text, 500, prefix), 2, prefix.length + 1, `prefix ${JSON.stringify(prefix)}`);
    }
  });

  it('NUL bytes and other control characters around a claim', async () => {
    const line = `A\u0000B\u0000. \u0001\u0007\u001b[31m. ${CLAIM}\u0000`;
    const text = `\u0000\n${line}\n\u0000\u0000\n`;
    assertClaimAt(text, await checkWithin(text, 500, 'NUL'), 1, line.indexOf(CLAIM), 'NUL bytes');
    const many = '\u0000'.repeat(1_000_000) + '\n' + CLAIM;
    assertClaimAt(many, await checkWithin(many, 1500, '1M NULs'), 1, 0, 'after 1M NULs');
  });

  it('an unclosed code fence: a claim before it is found, a claim inside it is not', async () => {
    const text = `${CLAIM}\n\n\`\`\`ts\nconst x = 1;\n${CLAIM}\n`;
    const checked = await checkWithin(text, 500, 'unclosed fence');
    assertClaimAt(text, checked, 0, 0, 'before an unclosed fence');
    assert.ok(!checked.result.diagnostics.some((d) => d.range.start.line >= 2), `no diagnostic inside the unclosed fence: ${JSON.stringify(checked.result.diagnostics.map((d) => d.range))}`);
    const tilde = '~~~\n' + `${CLAIM}\n`.repeat(10_000);
    const t = await checkWithin(tilde, 1500, 'unclosed ~~~ fence');
    assert.equal(t.result.diagnostics.length, 0, 'nothing flagged inside an unclosed ~~~ fence');
    const fences = '```\n'.repeat(50_001) + CLAIM; // odd count: the last fence is open
    await checkWithin(fences, 1500, '50,001 fences');
  });

  it('lone surrogates, a BOM and U+2028 do not shift positions (LSP counts only CR and LF)', async () => {
    const line = `\ud800 x \udc00 \u2028 \u2029 ${CLAIM}`;
    const text = `\ufeff${line}\n`;
    assertClaimAt(text, await checkWithin(text, 500, 'surrogates'), 0, 1 + line.indexOf(CLAIM), 'after lone surrogates and U+2028');
  });

  it('many claims: 20,000 wrong claims in one draft, in ≤ 3 s, each flagged on its own line', async () => {
    const text = Array.from({ length: 20_000 }, () => CLAIM).join('\n\n');
    const checked = await checkWithin(text, 3000, '20k claims');
    const flagged = new Set(checked.result.diagnostics.map((d) => d.range.start.line));
    assert.equal(flagged.size, 20_000, 'every claim flagged');
  });

  it('huge front matter and broken front matter do not throw', async () => {
    const big = `---\n${Array.from({ length: 50_000 }, (_, i) => `k${i}: v${i}`).join('\n')}\ndate: 2023-12-05\n---\n${CLAIM}\n`;
    const b = await checkWithin(big, 3000, 'big front matter');
    assertClaimAt(big, b, 50_003, 0, 'after big front matter');
    for (const fm of ['---\ndate: [unclosed\n---\n', '---\n: : :\n---\n', '---\n&a [*a, *a]\n---\n', '---\ndate: !!js/function "function(){}"\n---\n', '---\n' + 'a: &x [1]\n' + 'b: [*x, *x, *x]\n'.repeat(2) + '---\n', '---\n']) {
      await checkWithin(fm + CLAIM + '\n', 1000, JSON.stringify(fm));
    }
  });
});

describe('robustness: pathological drafts through the Markdown layer alone', function () {
  this.timeout(120_000);
  const worker = new EngineWorker();
  after(async () => worker.dispose());

  // Bounds against a hang or a quadratic blow-up (which would take minutes here), each at least about four times what
  // a check takes in this VM's fast phases: its slow phases double every time, and a single sample has no second try.
  const cases: [string, () => string, number][] = [
    ['a 5 MB single line', () => 'Lukashenko visited *Beijing* on [March 12](x). '.repeat(110_000), 2500],
    ['100,000 headings', () => Array.from({ length: 100_000 }, (_, i) => `# Heading ${i}`).join('\n'), 2000],
    ['10,000 nested quotes', () => '>'.repeat(10_000) + ' text', 1000],
    ['2,000 nested list levels', () => Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'), 1000],
    ['100,000 unmatched emphasis and link openers', () => '*_[`<'.repeat(100_000), 2000],
    ['100,000 nested brackets', () => '['.repeat(100_000) + 'x' + ']'.repeat(100_000), 2000],
    ['50,000 table rows', () => '| a | b |\n| --- | --- |\n' + '| Lukashenko | Beijing |\n'.repeat(50_000), 2000],
    ['1,000,000 NULs and CRs', () => '\u0000\r'.repeat(500_000), 4000],
  ];
  for (const [name, make, bound] of cases) {
    it(`${name}: parsed in ≤ ${bound} ms, segment offsets inside the document`, async () => {
      const text = make();
      const parsed = await worker.markdown(text, Math.max(20_000, bound * 4));
      assert.ok(parsed.ms <= bound, `${name}: parse took ${parsed.ms.toFixed(0)} ms`);
      const lines = lspLines(text);
      for (const s of parsed.segments) {
        assert.equal(s.offsets.length, s.text.length + 1);
        assert.ok(s.offsets[s.offsets.length - 1] <= text.length && s.endLine < lines.length);
      }
    });
  }
});
