// What the engine keeps about each sentence text it has read: whether it can hold a claim, its reading, and its
// judgements by reference date, subject mode and context. One entry a text, found by a hash of the sentence's words,
// which the word scan has worked out already: a Map keyed by the text hashed every new sentence string again,
// character by character, once for each of three maps. An entry is used only when its text equals the sentence.

import type { Words } from '../facts/index';

export interface SentenceEntry<R, J> {
  readonly text: string;
  readonly hash: number;
  readonly mayHoldClaim: boolean;
  readonly readsContext: boolean;
  readonly cues: number;
  /** The reference date `reading` and the judgements are for; another date starts them again. */
  ref: string | undefined;
  reading: R | undefined;
  /** Judgements that do not depend on the context: [named subject, implicit subject]. */
  plain: [J | undefined, J | undefined];
  /** Judgements by context key: [named subject, implicit subject]. */
  byContext: [Map<string, J> | undefined, Map<string, J> | undefined];
}

/** The hash of a sentence from its words' hashes and its length (texts with equal words and length collide). */
export function sentenceHash(words: Words, from: number, to: number, length: number): number {
  let h = length | 0;
  const hashes = words.hash;
  for (let i = from; i < to; i++) h = (Math.imul(h ^ hashes[i], 0x9e3779b1) + i - from) | 0;
  return h;
}

/** Sentence entries, open addressing over the hashes; emptied when it holds `limit` entries. */
export class SentenceTable<R, J> {
  private slots = new Int32Array(1024).fill(-1);
  private entries: SentenceEntry<R, J>[] = [];

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.length;
  }

  get(hash: number, text: string): SentenceEntry<R, J> | undefined {
    const { slots, entries } = this;
    const mask = slots.length - 1;
    for (let p = hash & mask; slots[p] >= 0; p = (p + 1) & mask) {
      const e = entries[slots[p]];
      if (e.hash === hash && e.text === text) return e;
    }
    return undefined;
  }

  add(entry: SentenceEntry<R, J>): void {
    if (this.entries.length >= this.limit) this.clear();
    if ((this.entries.length + 1) * 2 > this.slots.length) this.grow();
    this.place(this.entries.length, entry.hash);
    this.entries.push(entry);
  }

  clear(): void {
    this.entries = [];
    this.slots = new Int32Array(1024).fill(-1);
  }

  private place(index: number, hash: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    let p = hash & mask;
    while (slots[p] >= 0) p = (p + 1) & mask;
    slots[p] = index;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    for (let i = 0; i < this.entries.length; i++) this.place(i, this.entries[i].hash);
  }
}
