// One sentence in, what it claims out: tokens (wink) → units (names, dates, numbers) → clauses → frames, titles,
// named events and amounts. Pure: the same sentence and reference date always read alike, so readings can be kept by
// text; who "he" is comes later, from the draft (context.ts).

import type { EntityHit, FactIndex } from '../facts/index';
import type { DateExpr } from '../dates/expressions';
import type { AmountClaim, Frame, MentionSpan, NamedEventClaim, PartyRef, TitleClaim } from './frame';
import { readSentence } from './sentence';
import { clausesOf } from './clauses';
import { framesOf } from './frames';
import { titlesOf } from './titles';
import { namedEventsOf } from './named';
import { amountsOf } from './amounts';

export interface SentenceReading {
  /** Frames with the index of their clause; clause 0 is the sentence's first. */
  frames: (Frame & { clauseIndex: number })[];
  /** Each clause's subject. The first clause's is who the sentence is about. */
  subjects: PartyRef[][];
  titles: TitleClaim[];
  namedEvents: NamedEventClaim[];
  amounts: AmountClaim[];
  mentions: MentionSpan[];
  /** Places named, in order, for "the country" and "there" in what follows. */
  places: string[];
  /** Every date the sentence holds, as read in the present tense: for hover cards. */
  dates: DateExpr[];
}

const CORRECTION = /^\W*(correction|clarification|editor['’]?s note|update)\b|\ban earlier version of this (article|story|report)\b/i;

export interface ReadOptions {
  /** A table row: its cells are joined by " ; " and read as one clause. */
  tableRow?: boolean;
  /** The sentence's names, when the caller has found them. */
  hits?: EntityHit[];
}

export function readClaims(text: string, ref: string, index: FactIndex, options: ReadOptions = {}): SentenceReading {
  const s = readSentence(text, ref, index, options.hits);
  const clauses = clausesOf(s, options.tableRow);
  const readings = framesOf(s, clauses);
  // "Correction: an earlier version said this was his third trip": what was wrong is quoted, not claimed.
  if (CORRECTION.test(text)) for (const r of readings) for (const f of r.frames) f.hedged = true;
  const frames = readings.flatMap((r, ci) => r.frames.map((f) => Object.assign(f, { clauseIndex: ci })));
  // "| March 2023 | Working visit; welcomed with a gun salute |": a row's first cell, a date, dates the whole row.
  const first = s.unitOf[0] >= 0 ? s.units[s.unitOf[0]] : undefined;
  if (options.tableRow && first?.kind === 'date') {
    const dated = frames.find((f) => f.when?.start === first.start);
    if (dated) for (const f of frames) f.when ??= dated.when;
  }
  const mentions: MentionSpan[] = [];
  const places: string[] = [];
  for (const u of s.units) {
    if (u.kind === 'person' || u.kind === 'place' || u.kind === 'event') mentions.push({ kind: u.kind, id: u.id!, start: u.start, end: u.end, text: u.text });
    if (u.kind === 'place') places.push(u.id!);
  }
  return {
    frames,
    subjects: readings.map((r) => r.subject),
    titles: titlesOf(s),
    namedEvents: namedEventsOf(s, clauses, readings.map((r) => r.frames)),
    amounts: amountsOf(s, clauses, readings),
    mentions,
    places,
    dates: s.units.filter((u) => u.kind === 'date').map((u) => u.dates!.present),
  };
}
