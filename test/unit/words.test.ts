// The word scan: words are read with their hashes and cut out only when asked for; names are found through the
// hash table whether the text lower-cases in place or (a letter like İ) word by word.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FactIndex, WordSet, hashWord, wordIs, wordText, wordsOf, type Words } from '../../server/src/facts/index';
import { loadDataset } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const all = (w: Words) => Array.from({ length: w.length }, (_, i) => wordText(w, i));

describe('words', () => {
  const index = new FactIndex(loadDataset(path.join(ROOT, 'data'), path.join(ROOT, 'seeds')));

  it('a text is cut into lower-case words with their offsets and hashes', () => {
    const w = wordsOf('Lukashenko met Xi Jinping in Beijing.');
    assert.deepEqual(all(w), ['lukashenko', 'met', 'xi', 'jinping', 'in', 'beijing']);
    assert.equal(w.start[2], 15);
    assert.equal(w.end[3], 25);
    for (let i = 0; i < w.length; i++) assert.equal(w.hash[i], hashWord(wordText(w, i)));
    assert.ok(wordIs(w, 3, 'jinping') && !wordIs(w, 3, 'jinpin') && !wordIs(w, 3, 'jinpings'));
  });

  it('a letter that lower-cases to two code units: words one by one, same offsets in the text', () => {
    const text = 'İzmir: Lukashenko met Xi Jinping.';
    const w = wordsOf(text);
    assert.equal(w.lower, null);
    assert.deepEqual(all(w).slice(1), ['lukashenko', 'met', 'xi', 'jinping']);
    assert.equal(text.slice(w.start[4], w.end[4]), 'Jinping');
    for (let i = 0; i < w.length; i++) assert.equal(w.hash[i], hashWord(wordText(w, i)));
  });

  it('a word set answers by hash first, then by the word', () => {
    const set = new WordSet(['he', 'visit']);
    const w = wordsOf('He paid a visit; the visitor left.');
    assert.deepEqual(all(w).filter((_, i) => set.hasWord(w, i)), ['he', 'visit']);
  });

  it('a two-word name is one hit, in either kind of text, and case matters for names', () => {
    for (const prefix of ['', 'İzmir. ']) {
      const text = `${prefix}Lukashenko met Xi Jinping; xi jinping replied.`;
      const hits = index.findEntities(text);
      const names = hits.map((h) => text.slice(h.start, h.end));
      assert.deepEqual(names, ['Lukashenko', 'Xi Jinping'], prefix);
    }
  });
});
