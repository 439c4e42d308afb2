// The engine's table of sentence texts: a repeated sentence is found by its text, and its names are found once.

import * as assert from 'node:assert/strict';
import { SentenceTable, type SentenceEntry } from '../../server/src/check/sentences';
import * as path from 'node:path';
import { createEngine, loadDataset } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.join(ROOT, 'data');
const SEEDS_DIR = path.join(ROOT, 'seeds');

const entryFor = (text: string): SentenceEntry<string, string> => ({
  text, hits: [], worth: true, tooLong: false, mayHoldClaim: true, readsContext: false, cues: 0, ref: undefined, reading: text, plain: [undefined, undefined], byContext: [undefined, undefined],
});

describe('sentence table', () => {
  it('tells apart sentences whose words are the same and whose punctuation is not', () => {
    const table = new SentenceTable<string, string>(100);
    const a = entryFor('He visited Minsk.');
    table.add(a);
    assert.equal(table.get('He visited Minsk!'), undefined);
    const b = entryFor('He visited Minsk!');
    table.add(b);
    assert.equal(table.get('He visited Minsk.'), a);
    assert.equal(table.get('He visited Minsk!'), b);
  });

  it('empties itself at its bound', () => {
    const table = new SentenceTable<string, string>(5000);
    const texts = Array.from({ length: 5001 }, (_, i) => `Sentence number ${i} of the draft.`);
    for (const t of texts.slice(0, 4000)) table.add(entryFor(t));
    for (const t of texts.slice(0, 4000)) assert.equal(table.get(t)?.text, t);
    for (const t of texts.slice(4000)) table.add(entryFor(t));
    assert.equal(table.size, 1);
    assert.equal(table.get(texts[0]), undefined);
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
