// Each prose segment's sentences, read once per text. A document keeps the readings of its last check, keyed by the
// segment's kind, the reference date and its text, so that an edit re-reads only the segments it changed; what the
// edit replaced is dropped, so a document's readings are bounded by its own size.

import type { FactIndex } from '../facts/index';
import type { ProseSegment, SegmentKind } from '../markdown/index';
import type { MentionSpan } from '../claims/frame';
import type { DateExpr } from '../dates/expressions';
import { sentenceSpans } from '../claims/sentences';
import { readClaims, type SentenceReading } from '../claims/read';

export interface SentenceRead {
  /** Offsets in the segment's text. */
  start: number;
  end: number;
  /** Names the sentence holds, in sentence offsets: for hover cards, read or not. */
  mentions: MentionSpan[];
  /** Dates the sentence holds, in sentence offsets. */
  dates: DateExpr[];
  /** What it claims; absent for sentences that name nothing to check. */
  reading?: SentenceReading;
}

export interface SegmentReading {
  /** Its cache key, a copy of its own (see `detached`). */
  key: string;
  kind: SegmentKind;
  sentences: SentenceRead[];
  /** Longer than any paragraph of prose (its number of sentences): its names are kept for hover cards, its claims are not read. */
  tooLong?: number;
}

/** Words that let a sentence that names no one still speak of someone the draft named. */
const LEANS_ON_CONTEXT = /\b(he|his|him|they|their|them|both|two|leaders?|presidents?|visit|visits|trip|talks|meeting|summit|counterpart|minister|premier|there|country|capital|nation)\b/i;
/** Longer "sentences" are run-ons, tables of data or garbage: reading them could only produce false alarms. */
const MAX_SENTENCE = 1_500;
/**
 * A paragraph of more sentences than this is no prose a writer checks claim by claim (a paste, a data dump): reading
 * it would take seconds. About 100 KB of prose.
 */
export const MAX_SENTENCES = 1_500;

/** A copy of `s` that shares no memory with the document it was cut from (a key must not keep the document alive). */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

export class SegmentReader {
  private readonly spans: number[] = [];
  constructor(private readonly index: FactIndex) {}

  /** The segment's reading: from the document's last check (`kept`) or this one (`now`), or read now and kept in `now`. */
  read(seg: ProseSegment, ref: string, kept: Map<string, SegmentReading>, now: Map<string, SegmentReading>): SegmentReading {
    const key = `${ref}\u0001${seg.kind}\u0001${seg.text}`;
    let reading = now.get(key) ?? kept.get(key);
    if (!reading) reading = this.readSegment(seg, ref, detached(key));
    now.set(reading.key, reading);
    return reading;
  }

  private readSegment(seg: ProseSegment, ref: string, key: string): SegmentReading {
    const sentences: SentenceRead[] = [];
    const n = sentenceSpans(seg.text, this.spans);
    const tooLong = n > MAX_SENTENCES;
    for (let i = 0; i < n; i++) {
      const start = this.spans[2 * i];
      const end = this.spans[2 * i + 1];
      // Its own copy: what is kept of the sentence (names, dates) must not keep the document's text alive.
      const text = detached(seg.text.slice(start, end));
      const hits = this.index.findEntities(text);
      // A table row or list item leaves its subject to the draft ("| March 2023 | Trade deals worth $5 billion |").
      if (hits.length === 0 && seg.kind !== 'tableRow' && seg.kind !== 'listItem' && !LEANS_ON_CONTEXT.test(text)) continue;
      const mentions = hits.filter((h) => h.kind !== 'event').map((h) => ({ kind: h.kind, id: h.id, start: h.start, end: h.end, text: text.slice(h.start, h.end) }));
      if (text.length > MAX_SENTENCE || tooLong) {
        sentences.push({ start, end, mentions, dates: [] });
        continue;
      }
      const reading = readClaims(text, ref, this.index, { tableRow: seg.kind === 'tableRow', hits });
      sentences.push({ start, end, mentions, dates: reading.dates, reading });
    }
    return { key, kind: seg.kind, sentences, ...(tooLong ? { tooLong: n } : {}) };
  }
}
