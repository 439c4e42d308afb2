// The engine reads a sentence once per text and judges it once per reading key (the parts of the context it can
// depend on), and a block once per text and context. Those caches must never change a result: a draft checked with
// them gives what it gives when every sentence is judged afresh in its own context.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createEngine, loadDataset } from '../../server/src/engine';
import { buildDraft, prng } from '../../bench/drafts';

const ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.join(ROOT, 'seeds');
const dataset = loadDataset(path.join(ROOT, 'data'), SEEDS);

const PEOPLE = ['Lukashenko', 'Alexander Lukashenko', 'Putin', 'Xi Jinping', 'Hun Sen', 'Ebrahim Raisi', 'Min Aung Hlaing', 'the Belarusian leader'];
const PLACES = ['Minsk', 'Beijing', 'Moscow', 'Tehran', 'Myanmar', 'Sochi', 'Belarus', 'China', 'Russia', 'Iran', 'Naypyidaw', 'Saint Petersburg'];
const DATES = ['on Friday', 'on March 12, 2023', 'in late February 2023', 'in June 2019', 'in December 2022', 'this year', 'last year', 'in 2021'];
const ORDINALS = ['first', 'second', 'third', 'fourth'];
// Sentences that lean on the context ("he", "him", "there", "the country", "the two leaders", an event keyword) and
// sentences that move it (a person, a place), in random order: every sentence meets many contexts.
const TEMPLATES = [
  '{P} met {Q} in {L} {D}.',
  '{P} arrived in {L} {D}.',
  'He arrived there {D}.',
  'He arrived {D}.',
  'It is his {O} visit to the country {D}.',
  'It is his {O} trip to {L} this year.',
  'The two leaders held talks in {L} {D}.',
  'They last met {D}.',
  '{P} phoned him {D}.',
  'He has not visited {L} since 2021.',
  'The visit is of a working nature.',
  'The talks are set {D}.',
  'The {L} summit was held {D}.',
  'He was last there {D}.',
  'He visited {L} for the {O} time since the coup.',
  'The invasion began {D}.',
  '{P} said the election was held {D}.',
  "{P}'s most recent visit was {D}.",
  'His earlier trip was {D}.',
  'The weather was mild.',
];

/** A draft of `sentences` sentences drawn from a pool of `pool` (each met about sentences / pool times). */
function pronounDraft(seed: number, sentences: number, pool: number): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const texts = Array.from({ length: pool }, (_, i) =>
    TEMPLATES[i % TEMPLATES.length].replace('{P}', pick(PEOPLE)).replace('{Q}', pick(PEOPLE)).replace('{L}', pick(PLACES)).replace('{D}', pick(DATES)).replace('{O}', pick(ORDINALS)),
  );
  const out: string[] = ['---', 'date: 2023-12-05', '---', ''];
  let paragraph: string[] = [];
  for (let i = 0; i < sentences; i++) {
    paragraph.push(pick(texts));
    if (rnd() < 0.3) {
      out.push(rnd() < 0.2 ? `- ${paragraph.join(' ')}` : paragraph.join(' '), '');
      paragraph = [];
    }
  }
  out.push(paragraph.join(' '));
  return out.join('\n');
}

/** Everything a check reports, as plain data. */
function report(memo: boolean, text: string) {
  const r = createEngine(dataset, { seedsDir: SEEDS, memo }).check(text, { referenceDate: '2023-12-05' });
  return { diagnostics: r.diagnostics, claims: r.claims, mentions: r.mentions, dates: r.dates, stats: r.stats };
}

describe('the engine caches', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`change nothing in a draft of sentences that lean on their context (seed ${seed})`, () => {
      const text = pronounDraft(seed, 600, 48);
      const fresh = report(false, text);
      assert.ok(fresh.stats.claims > 100, `the draft holds claims (${fresh.stats.claims})`);
      assert.deepEqual(report(true, text), fresh);
    });
  }

  it('read a repeated sentence that leans on the place before it at each place it follows', () => {
    // The same words after Minsk and after Beijing: "most recent visit" is a visit to the place just named.
    const text = "Putin arrived in Minsk on Friday. Putin's most recent visit was in June 2019.\n\nPutin arrived in Beijing on Friday. Putin's most recent visit was in June 2019.\n";
    const claims = report(true, text).claims.filter((c) => c.text.startsWith("Putin's most recent")).map((c) => c.summary);
    assert.equal(claims.length, 2);
    assert.match(claims[0], /Putin visit to Minsk/);
    assert.match(claims[1], /Putin visit to Beijing/);
  });

  it('change nothing in a benchmark draft of seed sentences, code, tables and lists', () => {
    const text = buildDraft({ words: 6_000 }, 7).text;
    const fresh = report(false, text);
    assert.ok(fresh.diagnostics.length > 10);
    assert.deepEqual(report(true, text), fresh);
  });
});
