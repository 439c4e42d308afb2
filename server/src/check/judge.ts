// A draft's sentences judged in order: each frame's references resolved in the draft's context (claims/context.ts),
// then every registered claim shape asked what the facts say (claims/shapes). One sentence may hold several findings
// (two clauses, two errors); two shapes flagging the same words keep the first.

import type { ProseSegment } from '../markdown/index';
import type { ClaimReport } from '../types';
import type { Facts } from '../claims/facts';
import type { ResolvedFrame } from '../claims/context';
import { advance, newDiscourse, resolveFrame, type Discourse } from '../claims/context';
import type { SentenceReading } from '../claims/read';
import { SHAPES } from '../claims/shapes/index';
import type { Finding, SentenceClaims } from '../claims/shapes/shape';
import type { SegmentReading, SentenceRead } from './segments';
import { ordinalWord } from '../claims/numbers';
import { overlaps } from '../dates/iso';
import type { FactEvent } from '../facts/types';

export interface JudgedSentence {
  segment: ProseSegment;
  /** The sentence, as offsets in the segment's text. */
  start: number;
  end: number;
  verdict?: ClaimReport['verdict'];
  /** Contradictions, in sentence offsets. */
  findings: Finding[];
  /** The claim as understood, in words. */
  summary: string;
}

/** The one known event an asserted frame is about: by its date, or the draft's event near its reference date. */
export function identified(c: ResolvedFrame, facts: Facts, ref: string): FactEvent | undefined {
  const f = c.frame;
  if (c.event) return c.event;
  // A "last visit" looks back from the event the draft tells of; it does not become that event.
  if (!c.who || c.group || c.unknown || f.hedged || f.negated || f.previous) return undefined;
  const d = f.when;
  if (d && d.relative === undefined) {
    const at = facts.candidates(c).filter((e) => overlaps({ start: d.from, end: d.to }, e.when));
    return at.length === 1 ? at[0] : undefined;
  }
  return facts.currentEvent(c, ref);
}


/** Whether a frame states something the facts can decide: a date, a count, an anchor, a gap, a kind of visit. */
function checkable(c: ResolvedFrame): boolean {
  const f = c.frame;
  return !!(f.when || f.ordinal || f.count || f.since || f.gap || f.kind || f.again || f.never);
}

/** What judging a sentence gave, and the draft's context after it (never changed once made). */
interface Judgement {
  before: string;
  implicit: boolean;
  verdict?: ClaimReport['verdict'];
  findings: Finding[];
  summary: string;
  after: Discourse;
  afterKey: string;
}

/**
 * Judgements by sentence reading (the segment cache's objects, so they go when it drops them) and the context the
 * sentence was judged in: a keystroke judges again only the sentences it changed, and those after it whose context
 * changed. For the edit budget (README "Performance"): judging every sentence of a 10,000-word draft again took
 * about 20 ms a keystroke.
 */
export type JudgeMemo = WeakMap<SentenceRead, Judgement>;

export function newJudgeMemo(): JudgeMemo {
  return new WeakMap();
}

/** The context in words: equal keys resolve every reference alike. */
function contextKey(d: Discourse): string {
  const e = d.lastEvent;
  return `${d.people.join(',')}|${d.subject ?? ''}|${d.places.join(',')}|${[...d.seen].join(',')}|${e ? `${e.who}>${e.others.join(',')}>${e.action}` : ''}|${d.lastKnown?.id ?? ''}`;
}

function copyOf(d: Discourse): Discourse {
  return { ...d, people: [...d.people], places: [...d.places], seen: new Set(d.seen) };
}

export function judgeDraft(segments: { seg: ProseSegment; reading: SegmentReading }[], ref: string, facts: Facts, memo: JudgeMemo = newJudgeMemo()): JudgedSentence[] {
  const out: JudgedSentence[] = [];
  let d = newDiscourse();
  let key: string | undefined;
  for (const { seg, reading } of segments) {
    // A table row or list item may leave its subject to the draft: "| Beijing (state visit) | late February 2023 |".
    const implicit = reading.kind === 'tableRow' || reading.kind === 'listItem';
    for (const s of reading.sentences) {
      const r = s.reading;
      if (!r) {
        if (s.mentions.length === 0) continue;
        d = copyOf(d);
        advance(d, { frames: [], subjects: [], titles: [], namedEvents: [], amounts: [], mentions: s.mentions, places: [], dates: [] }, undefined);
        key = undefined;
        continue;
      }
      key ??= contextKey(d);
      let j = memo.get(s);
      if (!j || j.before !== key || j.implicit !== implicit) {
        j = judgeSentence(seg.text.slice(s.start, s.end), r, copyOf(d), implicit, ref, facts, key);
        memo.set(s, j);
      }
      out.push({ segment: seg, start: s.start, end: s.end, verdict: j.verdict, findings: j.findings, summary: j.summary });
      d = j.after;
      key = j.afterKey;
    }
  }
  return out;
}

/** One sentence judged in the context `d`, which it then advances. */
function judgeSentence(text: string, r: SentenceReading, d: Discourse, implicit: boolean, ref: string, facts: Facts, before: string): Judgement {
  const resolve = (f: Parameters<typeof resolveFrame>[0]): ResolvedFrame => {
    const c = resolveFrame(f, d, r, facts.index);
    if (!c.who && implicit && d.subject && !f.who) c.who = d.subject;
    return c;
  };
  const frames = r.frames.map(resolve);
  const seen = new Set(d.seen);
  for (const m of r.mentions) seen.add(m.id);
  const claims: SentenceClaims = {
    text,
    ref,
    frames,
    titles: r.titles,
    namedEvents: r.namedEvents,
    amounts: r.amounts.map((a) => ({ claim: a, frame: resolve(a.frame) })),
    mentions: r.mentions,
    seen,
    told: d.lastKnown,
  };
  const findings: Finding[] = [];
  let decided = false;
  for (const shape of SHAPES) {
    for (const v of shape.judge(claims, facts)) {
      if (v === true) decided = true;
      else if (v && !findings.some((x) => x.start < v.end && v.start < x.end)) findings.push(v);
    }
  }
  const hasClaim = frames.some(checkable) || r.titles.length > 0 || r.namedEvents.length > 0 || r.amounts.length > 0;
  const verdict = findings.length ? 'contradicted' : decided ? 'consistent' : hasClaim ? 'undecidable' : undefined;
  const summary = verdict ? summarize(frames[0], facts, ref) : '';
  advance(d, r, frames.find((c) => c.frame.clause === 'main')?.who, frames);
  const known = frames.map((c) => identified(c, facts, ref)).filter((e) => e).pop();
  if (known) d.lastKnown = known;
  return { before, implicit, verdict, findings, summary, after: d, afterKey: contextKey(d) };
}

/** The claim as understood, in words: "Lukashenko visit to Beijing (second) in 2023". */
function summarize(c: ResolvedFrame | undefined, facts: Facts, ref: string): string {
  if (!c) return `a title, a named event or an amount (reference date ${ref})`;
  const f = c.frame;
  const parts = [c.who ? facts.name(c.who) : 'someone', f.negated ? '(negated)' : '', f.action, c.others.length ? 'with ' + c.others.map((o) => facts.name(o)).join(', ') : ''];
  if (c.where) parts.push(`${f.action === 'visit' ? 'to' : 'in'} ${facts.placeName(c.where.id)}`);
  if (f.ordinal) parts.push(`(${ordinalWord(f.ordinal.value)})`);
  if (f.count) parts.push(`(${f.count.value}${f.count.earlier ? ' earlier' : ''})`);
  if (f.scope) parts.push(`in ${f.scope.from.slice(0, 4)}`);
  if (f.since) parts.push(`since ${f.since.event ? facts.event(f.since.event)?.label : f.since.date?.text ?? f.since.span.text}`);
  if (f.gap) parts.push(`first in ${f.gap.text}`);
  if (f.when) parts.push(`on ${f.when.from === f.when.to ? f.when.from : `${f.when.from}..${f.when.to}`}`);
  return parts.filter(Boolean).join(' ') + ` (reference date ${ref})`;
}
