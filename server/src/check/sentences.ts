// What the engine keeps about each sentence text it has read: its names, whether it can hold a claim, its reading,
// and its judgements by reference date, subject mode and context. A draft repeats its sentences (in a long one, most
// sentences are repeats): a repeated sentence is looked up by its text, and its words are scanned and its names found
// once, the first time.

import type { EntityHit } from '../facts/index';

export interface SentenceEntry<R, J> {
  readonly text: string;
  /** Its names, in sentence offsets: shared by every occurrence of the text. */
  readonly hits: EntityHit[];
  /** Whether it names anyone or anything, or says "he", "the president", "there": else it is passed over. */
  readonly worth: boolean;
  /** Longer than any real sentence: its names count for hover cards, its words are not parsed. */
  readonly tooLong: boolean;
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

/** Sentence entries by text; emptied when it holds `limit` entries. */
export class SentenceTable<R, J> {
  private entries = new Map<string, SentenceEntry<R, J>>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(text: string): SentenceEntry<R, J> | undefined {
    return this.entries.get(text);
  }

  add(entry: SentenceEntry<R, J>): void {
    if (this.entries.size >= this.limit) this.clear();
    this.entries.set(entry.text, entry);
  }

  clear(): void {
    this.entries = new Map();
  }
}
