// What the engine keeps about each sentence text it has read: its names, whether it can hold a claim, its reading,
// and its judgements by reference date, subject mode and context. A draft repeats its sentences (in a long one, most
// sentences are repeats): a repeated sentence is looked up by its text, and its words are scanned and its names found
// once, the first time.

import type { EntityHit } from '../facts/index';

export interface SentenceEntry<R, J> {
  readonly text: string;
  /** textHash of the text. */
  readonly hash: number;
  /** Its names, in sentence offsets: shared by every occurrence of the text. */
  readonly hits: EntityHit[];
  /** Whether it names anyone or anything, or says "he", "the president", "there": else it is passed over. */
  readonly worth: boolean;
  /** Longer than any real sentence: its names count for hover cards, its words are not parsed. */
  readonly tooLong: boolean;
  readonly mayHoldClaim: boolean;
  /** The parts of the context its reading depends on (contextReads; 0 when it reads alike in any context). */
  readonly reads: number;
  readonly cues: number;
  /** The reference date `reading` and the judgements are for; another date starts them again. */
  ref: string | undefined;
  reading: R | undefined;
  /** Judgements that do not depend on the context: [named subject, implicit subject]. */
  plain: [J | undefined, J | undefined];
  /** Judgements by context key: [named subject, implicit subject]. */
  byContext: [Map<string, J> | undefined, Map<string, J> | undefined];
}

/**
 * A hash of text[start, end) from its length and a sample of its characters: about twenty, evenly spread and the last
 * four, however long the sentence. Texts that differ only between the samples collide, and are told apart by their
 * text when looked up.
 */
export function textHash(text: string, start: number, end: number): number {
  const length = end - start;
  let h = length;
  const step = length > 16 ? length >> 4 : 1;
  for (let i = start; i < end; i += step) h = Math.imul(h ^ text.charCodeAt(i), 0x9e3779b1);
  for (let i = Math.max(start, end - 4); i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b);
  return h | 0;
}

/**
 * Sentence entries by text, open addressing over textHash; emptied when it holds `limit` entries. Looked up by a
 * range of the block it is in: a sentence is hashed by a sample of its characters, never whole, and cut out of its
 * block only to be compared with an entry of its hash.
 */
export class SentenceTable<R, J> {
  private slots = new Int32Array(1024).fill(-1);
  private entries: SentenceEntry<R, J>[] = [];

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.length;
  }

  /** The entry whose text is source[start, end), found by that text's textHash. */
  get(hash: number, source: string, start: number, end: number): SentenceEntry<R, J> | undefined {
    const { slots, entries } = this;
    const mask = slots.length - 1;
    const length = end - start;
    // Compared as a slice: === compares two strings' memory at once, where startsWith(text, start) goes code unit by
    // code unit (about five times longer on a sentence).
    let text: string | undefined;
    for (let p = hash & mask; slots[p] >= 0; p = (p + 1) & mask) {
      const e = entries[slots[p]];
      if (e.hash === hash && e.text.length === length && (text ??= source.slice(start, end)) === e.text) return e;
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
