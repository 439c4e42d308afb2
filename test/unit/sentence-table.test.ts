// The engine's table of sentence texts: found by a hash of the words, used only for the very same text.

import * as assert from 'node:assert/strict';
import { SentenceTable, sentenceHash, type SentenceEntry } from '../../server/src/check/sentences';
import { wordsOf } from '../../server/src/facts/index';

const entryFor = (text: string): SentenceEntry<string, string> => {
  const w = wordsOf(text);
  return { text, hash: sentenceHash(w, 0, w.length, text.length), mayHoldClaim: true, readsContext: false, cues: 0, ref: undefined, reading: text, plain: [undefined, undefined], byContext: [undefined, undefined] };
};

describe('sentence table', () => {
  it('two sentences with the same words and length share a hash and are told apart by their text', () => {
    const a = entryFor('He visited Minsk.');
    const b = entryFor('He visited Minsk!');
    assert.equal(a.hash, b.hash);
    const table = new SentenceTable<string, string>(100);
    table.add(a);
    assert.equal(table.get(b.hash, b.text), undefined);
    table.add(b);
    assert.equal(table.get(a.hash, 'He visited Minsk.'), a);
    assert.equal(table.get(b.hash, 'He visited Minsk!'), b);
  });

  it('words in another order make another hash', () => {
    assert.notEqual(entryFor('Putin met Lukashenko.').hash, entryFor('Lukashenko met Putin.').hash);
  });

  it('grows past its first slots and finds every entry; empties itself at its bound', () => {
    const table = new SentenceTable<string, string>(5000);
    const texts = Array.from({ length: 4000 }, (_, i) => `Sentence number ${i} of the draft.`);
    for (const t of texts) table.add(entryFor(t));
    for (const t of texts) assert.equal(table.get(entryFor(t).hash, t)?.text, t);
    for (let i = 4000; i < 5001; i++) table.add(entryFor(`Sentence number ${i} of the draft.`));
    assert.equal(table.size, 1);
    assert.equal(table.get(entryFor(texts[0]).hash, texts[0]), undefined);
  });
});
