// The engine's table of sentence texts: a repeated sentence is found by its text in place, and its names are found once.

import * as assert from 'node:assert/strict';
import { SentenceTable, textHash, type SentenceEntry } from '../../server/src/check/sentences';
import * as path from 'node:path';
import { createEngine, loadDataset } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.join(ROOT, 'data');
const SEEDS_DIR = path.join(ROOT, 'seeds');

const entryFor = (text: string): SentenceEntry<string, string> => ({
  text, hash: textHash(text, 0, text.length), hits: [], worth: true, tooLong: false, mayHoldClaim: true, reads: 0, cues: 0, ref: undefined, reading: text, plain: [undefined, undefined], byContext: [undefined, undefined],
});

/** The entry for the sentence at text[start, end), as the engine looks it up. */
const find = (table: SentenceTable<string, string>, text: string, start = 0, end = text.length) => table.get(textHash(text, start, end), text, start, end);

describe('sentence table', () => {
  it('finds a sentence inside the block it is in, by its text', () => {
    const table = new SentenceTable<string, string>(100);
    const a = entryFor('He visited Minsk.');
    table.add(a);
    const block = 'It rained. He visited Minsk. It rained again.';
    assert.equal(find(table, block, 11, 28), a);
    assert.equal(find(table, block, 11, 27), undefined);
    assert.equal(find(table, block, 0, 10), undefined);
  });

  it('tells apart texts of one length that differ between the characters the hash samples', () => {
    const a = 'Lukashenko visited Minsk on many occasions, most recently in the year 2022, and again in 2023.';
    const b = a.replace('2022', '2021');
    assert.equal(textHash(a, 0, a.length), textHash(b, 0, b.length));
    const table = new SentenceTable<string, string>(100);
    table.add(entryFor(a));
    assert.equal(find(table, b), undefined);
    table.add(entryFor(b));
    assert.equal(find(table, a)?.text, a);
    assert.equal(find(table, b)?.text, b);
  });

  it('empties itself at its bound', () => {
    const table = new SentenceTable<string, string>(5000);
    const texts = Array.from({ length: 5001 }, (_, i) => `Sentence number ${i} of the draft.`);
    for (const t of texts.slice(0, 4000)) table.add(entryFor(t));
    for (const t of texts.slice(0, 4000)) assert.equal(find(table, t)?.text, t);
    for (const t of texts.slice(4000)) table.add(entryFor(t));
    assert.equal(table.size, 1);
    assert.equal(find(table, texts[0]), undefined);
  });
});

describe('a repeated sentence', () => {
  const dataset = loadDataset(DATA_DIR, SEEDS_DIR);
  const check = (text: string) => createEngine(dataset, { seedsDir: SEEDS_DIR }).check(text, { referenceDate: '2023-12-05' });

  it('gets its names and its diagnostic at each place it occurs, in a block of its own or among others', () => {
    const wrong = 'Lukashenko is in Beijing for the fourth time this year.';
    const r = check(`${wrong}\n\nThe weather was mild. ${wrong} Nothing else happened.\n\n- ${wrong}\n`);
    assert.deepEqual(r.diagnostics.map((d) => [d.range.start.line, d.range.start.character]), [[0, 33], [2, 55], [4, 35]]);
    const names = r.mentions.filter((m) => m.text === 'Lukashenko').map((m) => [m.range.start.line, m.range.start.character]);
    assert.deepEqual(names, [[0, 0], [2, 22], [4, 2]]);
  });
});
