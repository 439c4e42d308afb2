// What a clause says as a whole, whatever event it names: its tense, whether it is asserted, its subject, whether it
// names a place the dataset does not know, and how a unit stands for a party or a place.

import type { Tense } from '../dates/expressions';
import type { PartyRef, PlaceRef, Span } from './frame';
import type { Sentence, Unit } from './sentence';
import type { Clause } from './clauses';
import { isPreposition } from './regions';
import { FUTURE_WORDS, HEDGES } from './lexicon';

export const span = (s: Sentence, from: number, to: number): Span => ({ start: s.tokens[from].start, end: s.tokens[to - 1].end, text: s.text.slice(s.tokens[from].start, s.tokens[to - 1].end) });
export const unitSpan = (u: Unit): Span => ({ start: u.start, end: u.end, text: u.text });

export function partyOf(u: Unit): PartyRef | undefined {
  const sp = unitSpan(u);
  switch (u.kind) {
    case 'person':
      return { kind: 'person', id: u.id!, span: sp };
    case 'pronoun':
      return { kind: 'pronoun', span: sp, country: u.country };
    case 'pair':
      return { kind: 'pair', span: sp };
    case 'counterpart':
      return { kind: 'counterpart', span: sp };
    case 'group':
      return { kind: 'group', id: u.id!, span: sp };
    case 'unknown':
      return { kind: 'unknown', span: sp };
    default:
      return undefined;
  }
}

export function placeOf(u: Unit): PlaceRef | undefined {
  if (u.kind === 'place') return { kind: 'place', id: u.id!, span: unitSpan(u) };
  if (u.kind === 'anaphor') return { kind: 'anaphor', noun: u.noun!, span: unitSpan(u) };
  if (u.kind === 'unknown') return { kind: 'unknown', span: unitSpan(u) };
  return undefined;
}

export const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", 'has', 'have']);

export function tenseOfClause(s: Sentence, clause: Clause): Tense {
  let past = false;
  for (const k of clause.tokens) {
    const t = s.tokens[k];
    if (s.unitOf[k] >= 0) continue;
    // "Lukashenko plans official visit": the tagger may take "plans" for a noun.
    const verbal = t.pos === 'AUX' || t.pos === 'VERB' || t.pos === 'ADJ' || t.lower === 'upcoming' || (t.pos === 'NOUN' && s.unitOf[k - 1] >= 0 && s.units[s.unitOf[k - 1]].kind === 'person');
    if (FUTURE_WORDS.has(t.lower) && verbal) {
      // "is set to", "is due to", "is expected to": only with "to" after them; "set" alone is often past.
      if ((t.lower === 'set' || t.lower === 'due' || t.lower === 'expected' || t.lower === 'going') && s.tokens[k + 1]?.lower !== 'to' && s.tokens[k + 1]?.lower !== 'for') continue;
      return 'future';
    }
    if ((t.lower === 'is' || t.lower === 'are') && s.tokens[k + 1]?.lower === 'to' && s.tokens[k + 2]?.pos === 'VERB') return 'future';
    if (t.lower === 'would') return 'present';
    if (t.pos === 'AUX' && PAST_AUX.has(t.lower)) past = true;
    if (t.pos === 'VERB' && t.lower !== t.lemma && !t.lower.endsWith('ing') && !t.lower.endsWith('s')) past = true;
  }
  return past ? 'past' : 'present';
}

export function hedgedClause(s: Sentence, clauses: Clause[], ci: number): boolean {
  for (let c: number = ci; c >= 0; c = clauses[c].parent) {
    const clause = clauses[c];
    if (clause.kind === 'adverbial' && (clause.opener === 'if' || clause.opener === 'unless' || clause.opener === 'whether')) return true;
    if (c === ci && clause.tokens.some((k) => s.unitOf[k] < 0 && HEDGES.has(s.tokens[k].lower) && !(s.tokens[k].lower === 'should' && k > clause.tokens[0]))) return true;
    // "Officials denied that this was his fourth trip": what is denied is not asserted.
    if (c !== ci && clause.kind !== 'adverbial' && clauses[ci].kind === 'complement' && clauses[ci].parent === c && clause.tokens.some((k) => /^(deny|dismiss|reject|refute|dispute)$/.test(s.tokens[k].lemma))) return true;
    if (clause.kind !== 'adverbial' && c !== ci) break;
  }
  return false;
}

/** The subject of a clause: the parties (or place, for "Minsk hosted") before its first verb, past any fronted phrase. */
export function subjectOf(s: Sentence, clause: Clause): { parties: PartyRef[]; place?: PlaceRef; at: number[] } {
  const parties: PartyRef[] = [];
  let place: PlaceRef | undefined;
  const at: number[] = [];
  let prep = false;
  for (const k of clause.tokens) {
    const t = s.tokens[k];
    const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
    if (u) {
      if (k !== u.from) continue;
      if (prep) {
        // "In June they convened": the phrase ends at its head.
        if (u.kind === 'date') prep = false;
        continue;
      }
      const p = partyOf(u);
      if (p) {
        parties.push(p);
        at.push(k);
      } else if (!place && (u.kind === 'place' || u.kind === 'anaphor')) place = placeOf(u);
      continue;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') break;
    if (t.text === ',' || t.lower === 'that' || t.lower === 'who' || t.lower === 'which') {
      prep = false;
      continue;
    }
    if (isPreposition(s, k)) prep = true;
    // "the leader of Belarus": the phrase after "of" is the subject's; a relative pronoun is its antecedent's.
    if (t.lower === 'of' && parties.length > 0) prep = true;
  }
  return { parties, place, at };
}

/**
 * A place the dataset does not know, anywhere in the clause's phrases of place ("on the sidelines of the SCO summit
 * in Samarkand"): the clause is about an event the dataset does not know.
 */
/** A name before a common noun, which it modifies: "Ryanair flight", "CSTO summit", "Diaoyutai residence". */
export function isModifier(s: Sentence, u: Unit): boolean {
  const next = s.tokens[u.to];
  return !!next && next.pos === 'NOUN' && s.unitOf[u.to] < 0 && /^\p{Ll}/u.test(next.text);
}

export function unknownPlace(s: Sentence, clause: Clause): PlaceRef | undefined {
  for (const k of clause.tokens) {
    const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
    if (u?.kind === 'unknown' && k === u.from && !isModifier(s, u) && /^(in|at|to|into)$/.test(s.tokens[k - 1]?.lower ?? '')) return placeOf(u);
  }
  return undefined;
}

/** "the visit", "this trip", "the Beijing visit", "the December trip": a determiner that points at a known event. */
export function isDefinite(s: Sentence, at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const t = s.tokens[k];
    if (t.pos === 'DET') return /^(the|this|that|these|those)$/.test(t.lower);
    // "current visit", "ongoing trip": the one under way, as "this visit" is.
    if (t.lower === 'current' || t.lower === 'ongoing') return true;
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM')) return false;
  }
  return false;
}
