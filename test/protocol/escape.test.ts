// escapeMarkdown and the hover cards as pure functions (no server): hostile strings stay text.

import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { escapeMarkdown, renderHover } from '../../server/src/hover';
import type { Dataset } from '../../server/src/facts/types';
import type { CheckResult } from '../../server/src/types';

// VS Code renders hovers with a CommonMark renderer; markdown-it with linkify and HTML on is the strictest test.
const md = new MarkdownIt({ html: true, linkify: true });

const HOSTILE = [
  '[x](command:workbench.action.terminal.new)',
  '<img src=x onerror=alert(1)>',
  '`code` and ``` fences',
  '<https://evil.example>',
  'https://evil.example/path and www.evil.example',
  'mail me: evil@evil.example',
  '![img](https://evil.example/x.png)',
  '[ref]: https://evil.example',
  '# heading\n- list\n> quote\n\n<script>alert(1)</script>',
  '*em* _em_ **strong** ~~del~~',
  '&lt;img src=x&gt; &#60;b&#62;',
  'line\u2028separator\u0000nul\u001b[31mansi',
  '\\[escaped backslash\\](command:x)',
  '| a | b |\n|---|---|\n| c | d |',
];

/** Renders escaped text inline and checks that it is exactly the original text, with no elements but <p>. */
function roundTrip(text: string): void {
  const html = md.render(escapeMarkdown(text)).trim();
  assert.ok(/^<p>[\s\S]*<\/p>$/.test(html) || html === '', `not a single paragraph: ${html}`);
  const inner = html.replace(/^<p>|<\/p>$/g, '');
  assert.ok(!/<(?!\/?p>)[a-z]/i.test(inner), `an element was produced: ${html}`);
  assert.ok(!/href=/i.test(inner), `a link was produced: ${html}`);
  const decoded = inner.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const expected = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  assert.strictEqual(decoded.trim(), expected);
}

describe('hover: escapeMarkdown', () => {
  for (const text of HOSTILE) {
    it(`renders as plain text: ${JSON.stringify(text).slice(0, 60)}`, () => roundTrip(text));
  }

  it('handles non-strings', () => {
    assert.strictEqual(escapeMarkdown(undefined), '');
    assert.strictEqual(escapeMarkdown(null), '');
    assert.strictEqual(escapeMarkdown(42), '42');
  });

  it('leaves ordinary prose readable', () => {
    assert.strictEqual(escapeMarkdown('Lukashenko’s second trip to Beijing in 2023'), 'Lukashenko’s second trip to Beijing in 2023');
  });
});

describe('hover: renderHover', () => {
  const source = { seed: '002_705faf08c05380e2.txt', line: 11, quote: HOSTILE[0] + ' ' + HOSTILE[1] };
  const dataset: Dataset = {
    version: 1,
    seeds: [],
    people: [
      { id: 'p', name: 'Evil `name` <b>', role: 'President [x](command:evil)', country: 'c', aliases: ['Evil'], sources: [source] },
    ],
    places: [{ id: 'c', name: 'Belarus <i>', kind: 'country', aliases: ['Belarus'], sources: [source] }],
    events: [
      {
        id: 'e',
        type: 'visit',
        actors: ['p'],
        place: 'c',
        when: { start: '2023-12-03', end: '2023-12-03', precision: 'day', text: 'December 3, 2023 <script>' },
        status: 'done',
        label: 'Visit ![x](https://evil.example/x.png)',
        sources: [source],
      },
    ],
    coverage: [],
  };
  const result: CheckResult = {
    referenceDate: '2023-12-03',
    referenceDateSource: 'front-matter',
    diagnostics: [
      {
        range: { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } },
        severity: 2,
        code: 'count-mismatch',
        source: 'factcheck',
        message: 'Wrong <img src=x onerror=alert(1)>',
        data: { claim: '[claim](command:x)', expected: 'second `x`', sources: [source] },
      },
    ],
    claims: [],
    mentions: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, kind: 'person', id: 'p', text: 'Evil' }],
    dates: [{ range: { start: { line: 0, character: 20 }, end: { line: 0, character: 29 } }, text: 'this year <b>', resolved: '2023' }],
    stats: { claims: 1, contradicted: 1, undecidable: 0 },
  };

  function assertSafe(markdown: string | null): string {
    assert.ok(markdown);
    const html = md.render(markdown);
    assert.ok(!/<(a|img|script|b|i|code)\b/i.test(html), `unsafe element in ${html}`);
    assert.ok(!/href=/i.test(html), `a link in ${html}`);
    return html;
  }

  it('a person card: name, role, country, timeline with sources, all escaped', () => {
    const html = assertSafe(renderHover(dataset, result, { line: 0, character: 2 }));
    assert.match(html, /President \[x\]\(command:evil\)/);
    assert.match(html, /December 3, 2023 &lt;script&gt;/);
    assert.match(html, /002_705faf08c05380e2\.txt, line 11/);
  });

  it('a claim card: the claim, what the sources say, the quote', () => {
    const html = assertSafe(renderHover(dataset, result, { line: 0, character: 12 }));
    assert.match(html, /\[claim\]\(command:x\)/);
    assert.match(html, /second `x`/);
  });

  it('a date card: the date as resolved and against what', () => {
    const html = assertSafe(renderHover(dataset, result, { line: 0, character: 22 }));
    assert.match(html, /this year &lt;b&gt;/);
    assert.match(html, /2023/);
    assert.match(html, /front matter/);
  });

  it('null where there is nothing', () => {
    assert.strictEqual(renderHover(dataset, result, { line: 5, character: 0 }), null);
  });

  it('a place card lists the visits there', () => {
    const r = { ...result, mentions: [{ range: result.mentions[0].range, kind: 'place' as const, id: 'c', text: 'Belarus' }] };
    const html = assertSafe(renderHover(dataset, r, { line: 0, character: 1 }));
    assert.match(html, /Belarus &lt;i&gt;/);
    assert.match(html, /Visit !\[x\]/);
  });
});
