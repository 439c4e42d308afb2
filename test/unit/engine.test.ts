// The engine through its public face: suppression comments, Markdown structures, exact UTF-16 ranges, fixes,
// related information, reference-date precedence, and the seeds themselves checked through the built CLI.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEngine, loadDataset } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.join(ROOT, 'seeds');
const engine = createEngine(loadDataset(path.join(ROOT, 'data'), SEEDS), { seedsDir: SEEDS });
const WRONG = 'Lukashenko is on his fourth trip to Beijing this year.';
const doc = (...lines: string[]) => ['---', 'date: 2023-12-03', '---', '', ...lines, ''].join('\n');
const warnings = (md: string, opts = {}) => engine.check(md, opts).diagnostics.filter((d) => d.severity <= 2);
const lines = (md: string) => warnings(md).map((d) => d.range.start.line);

describe('engine: suppression comments', () => {
  it('disable-next-line silences the next line only', () => {
    assert.deepEqual(lines(doc('<!-- factcheck-disable-next-line -->', WRONG, '', WRONG)), [7]);
  });
  it('disable … enable silences the lines between', () => {
    assert.deepEqual(lines(doc('<!-- factcheck-disable -->', '', WRONG, '', '<!-- factcheck-enable -->', '', WRONG)), [10]);
  });
  it('disable-line silences its own line; a comment in a code block counts for nothing', () => {
    assert.deepEqual(lines(doc(`${WRONG} <!-- factcheck-disable-line -->`)), []);
    assert.deepEqual(lines(doc('```', '<!-- factcheck-disable-next-line -->', '```', '', WRONG)), [8]);
  });
});

describe('engine: Markdown structures', () => {
  it('list item, table row, block quote, heading, emphasis are checked', () => {
    assert.deepEqual(lines(doc(`- ${WRONG}`)), [4]);
    assert.deepEqual(lines(doc('| When | What |', '| --- | --- |', `| December | ${WRONG} |`)), [6]);
    assert.deepEqual(lines(doc(`> ${WRONG}`)), [4]);
    assert.deepEqual(lines(doc('# Lukashenko makes his fourth trip to Beijing this year')), [4]);
    assert.deepEqual(lines(doc('Lukashenko is on his **fourth** trip to *Beijing* this year.')), [4]);
  });
  it('fenced code, indented code and inline code are skipped', () => {
    assert.deepEqual(lines(doc('```', WRONG, '```')), []);
    assert.deepEqual(lines(doc(`    ${WRONG}`)), []);
    assert.deepEqual(lines(doc('Editors removed `Lukashenko is on his fourth trip to Beijing this year` from the copy.')), []);
  });
  it('a link target is skipped, the link text is checked', () => {
    assert.deepEqual(lines(doc('Lukashenko arrived in [Tehran](https://example.org/march-10-2023) on March 12.').replace('2023-12-03', '2023-03-13')), []);
    const md = doc('[Lukashenko is on his fourth trip to Beijing this year](https://example.org/x).');
    assert.deepEqual(lines(md), [4]);
  });
});

describe('engine: ranges, fixes and sources', () => {
  it('UTF-16 columns: an emoji before the claim shifts the range by two code units', () => {
    const md = doc(`🇧🇾 ${WRONG}`);
    const [d] = warnings(md);
    const line = md.split('\n')[4];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), 'fourth');
    assert.equal(d.range.start.character, '🇧🇾 '.length + WRONG.indexOf('fourth'));
  });
  it('applying the fix yields the corrected sentence', () => {
    const md = doc(`A note. ${WRONG}`);
    const [d] = warnings(md);
    const e = d.fixes![0].edit;
    const out = md.split('\n');
    const l = out[e.range.start.line];
    out[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    assert.equal(out[4], 'A note. Lukashenko is on his second trip to Beijing this year.');
    assert.deepEqual(warnings(out.join('\n')), []);
  });
  it('relatedInformation points at the seed file and the quote on its line', () => {
    const [d] = warnings(doc(WRONG));
    assert.ok(d.relatedInformation?.length);
    for (const r of d.relatedInformation!) {
      const file = fileURLToPath(r.location.uri);
      assert.equal(path.dirname(file), SEEDS);
      const text = fs.readFileSync(file, 'utf8').split('\n')[r.location.range.start.line];
      const quote = /“(.*)”$/.exec(r.message)![1];
      assert.ok(text.includes(quote), `"${quote}" not on line ${r.location.range.start.line + 1} of ${file}`);
      assert.equal(text.slice(r.location.range.start.character, r.location.range.end.character), quote);
    }
    assert.ok(d.relatedInformation!.some((r) => r.message.includes('second trip to Beijing in 2023')));
  });
  it('code, source and severity', () => {
    const [d] = warnings(doc(WRONG));
    assert.deepEqual([d.code, d.source, d.severity], ['count-mismatch', 'factcheck', 2]);
  });
});

describe('engine: reference date precedence', () => {
  const body = 'Lukashenko is on his second trip to Beijing this year.\n';
  it('front matter beats the option', () => {
    const r = engine.check(`---\ndate: 2023-12-03\n---\n\n${body}`, { referenceDate: '2020-01-01' });
    assert.deepEqual([r.referenceDate, r.referenceDateSource], ['2023-12-03', 'front-matter']);
    assert.equal(r.diagnostics.length, 0);
  });
  it('the option beats today', () => {
    const r = engine.check(body, { referenceDate: '2023-03-01' });
    assert.deepEqual([r.referenceDate, r.referenceDateSource], ['2023-03-01', 'option']);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['count-mismatch']);
  });
  it('today when neither is given', () => {
    const r = engine.check(body);
    assert.equal(r.referenceDateSource, 'today');
    assert.equal(r.referenceDate, new Date().toISOString().slice(0, 10));
  });
});

describe('engine: repeated sentences and caches', () => {
  // The same words are read once per text; who "he" is comes from the context each time.
  const AGAIN = 'He arrived in Tehran on March 20, 2023.';
  it('a sentence repeated after another subject is judged for that subject', () => {
    const md = doc('Lukashenko is travelling.', '', AGAIN, '', 'Putin is travelling.', '', AGAIN, '', 'Lukashenko is travelling again.', '', AGAIN);
    assert.deepEqual(
      warnings(md).map((d) => [d.range.start.line, d.code]),
      [
        [6, 'date-mismatch'],
        [14, 'date-mismatch'],
      ],
    );
  });
  it('the same sentence read under one reference date, then another, then the first again: each date its verdict', () => {
    const codes = (referenceDate: string) => engine.check(body2, { referenceDate }).diagnostics.map((d) => d.code);
    const body2 = 'Lukashenko is on his second trip to Beijing this year.\n\n- Lukashenko is on his second trip to Beijing this year.\n';
    assert.deepEqual(codes('2023-03-01'), ['count-mismatch', 'count-mismatch']);
    assert.deepEqual(codes('2023-12-03'), []);
    assert.deepEqual(codes('2023-03-01'), ['count-mismatch', 'count-mismatch']);
  });
  it('a sentence that opens with a title is read like any other (the title at offset 0)', () => {
    const r = engine.check(doc('President Lukashenko is on his fourth trip to Beijing this year.', '', 'Prime Minister Li Qiang met him.'));
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['count-mismatch']);
  });
  it('a second engine on the same dataset, and a second check, give the same result', () => {
    const md = doc(WRONG, '', AGAIN);
    const other = createEngine(engine.dataset, { seedsDir: SEEDS });
    assert.deepEqual(JSON.stringify(other.check(md)), JSON.stringify(engine.check(md)));
    assert.deepEqual(JSON.stringify(other.check(md)), JSON.stringify(engine.check(md)));
  });
  it('claims, mentions and dates are plain data, and a hover reads those of its own line', () => {
    const md = doc(WRONG, '', 'Putin met Lukashenko in Sochi in May 2021.');
    const fresh = engine.check(md);
    assert.ok(fresh.around, 'a check result offers around()');
    assert.deepEqual(fresh.around!(6).mentions.map((m) => m.text), ['Putin', 'Lukashenko', 'Sochi']);
    assert.match(engine.hover(fresh, { line: 6, character: 1 }) ?? '', /Putin/);
    const r = engine.check(md);
    const copy = structuredClone(r);
    assert.deepEqual(copy.mentions, r.mentions);
    assert.equal(r.claims.length, 2);
  });
});

describe('engine: the seeds themselves', () => {
  before(function () {
    this.timeout(120_000);
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  });
  it('`factcheck seeds/*.txt` through dist/cli.js reports nothing', () => {
    const files = fs.readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => path.join('seeds', f));
    const r = spawnSync(process.execPath, ['dist/cli.js', ...files], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^0 problems in 0 of 5 files checked$/m);
  });
});
