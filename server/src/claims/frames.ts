// Frames from clauses: for each event a clause names, who took part, where, when, how many times, since when, and
// whether it is asserted at all. A word is read only with the event that owns it (regions.ts): a date in a relative
// clause, in a since/after/before clause or after a noun that is no event is not this event's date.

import type { DateExpr, Tense } from '../dates/expressions';
import type { ClauseKind, Frame, PartyRef, PlaceRef, Span } from './frame';
import type { Sentence, Unit } from './sentence';
import type { Clause } from './clauses';
import { anchorsOf, type Anchor } from './anchors';
import { ownersOf, primaryOf, isPreposition } from './regions';
import { FUTURE_WORDS, HEDGES, REPORTING_VERBS } from './lexicon';

export interface ClauseReading {
  frames: Frame[];
  /** The clause's subject, as the sentence names it: who "he" is in the next clause or sentence. */
  subject: PartyRef[];
}

const span = (s: Sentence, from: number, to: number): Span => ({ start: s.tokens[from].start, end: s.tokens[to - 1].end, text: s.text.slice(s.tokens[from].start, s.tokens[to - 1].end) });
const unitSpan = (u: Unit): Span => ({ start: u.start, end: u.end, text: u.text });

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

function placeOf(u: Unit): PlaceRef | undefined {
  if (u.kind === 'place') return { kind: 'place', id: u.id!, span: unitSpan(u) };
  if (u.kind === 'anaphor') return { kind: 'anaphor', noun: u.noun!, span: unitSpan(u) };
  if (u.kind === 'unknown') return { kind: 'unknown', span: unitSpan(u) };
  return undefined;
}

const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", 'has', 'have']);

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

function hedgedClause(s: Sentence, clauses: Clause[], ci: number): boolean {
  for (let c: number = ci; c >= 0; c = clauses[c].parent) {
    const clause = clauses[c];
    if (clause.kind === 'adverbial' && (clause.opener === 'if' || clause.opener === 'unless' || clause.opener === 'whether')) return true;
    if (c === ci && clause.tokens.some((k) => s.unitOf[k] < 0 && HEDGES.has(s.tokens[k].lower) && !(s.tokens[k].lower === 'should' && k > clause.tokens[0]))) return true;
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

/** Reads the frames of every clause of a sentence. */
export function framesOf(s: Sentence, clauses: Clause[]): ClauseReading[] {
  const readings: ClauseReading[] = [];
  const question = /\?\s*["”’')]*$/.test(s.text);
  clauses.forEach((clause, ci) => {
    const anchors = anchorsOf(s, clause);
    let subject = subjectOf(s, clause).parties;
    // "BelTA described the trip as a state visit": who reports is no party to what is reported.
    const verb = clause.tokens.find((k) => s.tokens[k].pos === 'VERB' && s.unitOf[k] < 0);
    if (verb !== undefined && REPORTING_VERBS.has(s.tokens[verb].lemma) && !anchors.some((a) => a.at === verb)) subject = [];
    // A relative clause's subject is what it describes; a participle's or a shared coordinate's, its host's.
    if (subject.length === 0 && clause.antecedent !== undefined) {
      if (clause.kind === 'relative') {
        const u = s.unitOf[clause.antecedent] >= 0 ? s.units[s.unitOf[clause.antecedent]] : undefined;
        const p = u && partyOf(u);
        // "who visited", "whose January 2022 visit" (the antecedent owns what follows), not "whom", "where".
        if (p && clause.opener !== 'whom' && clause.opener !== 'where' && clause.opener !== 'when') subject = [p];
      } else if (readings[clause.antecedent]) subject = readings[clause.antecedent].subject;
    }
    // "Since landing in Tehran on Monday, Lukashenko has been meeting …": a fronted clause without a subject is about
    // its host's subject, which comes after it.
    if (subject.length === 0 && clause.kind === 'adverbial' && clause.parent >= 0) subject = subjectOf(s, clauses[clause.parent]).parties;
    const tense = tenseOfClause(s, clause);
    const hedged = question || hedgedClause(s, clauses, ci);
    const frames = anchors.length ? buildFrames(s, clauses, ci, anchors, subject, tense, hedged) : [];
    readings.push({ frames, subject });
  });
  for (let ci = 0; ci < clauses.length; ci++) if (clauses[ci].kind === 'infinitive') leaderToVisit(s, clauses, ci, readings);
  // "When he went back in December, it was his third trip": the when-clause's event is the one the clause speaks of.
  clauses.forEach((c, ci) => {
    if (c.kind !== 'adverbial' || !/^(when|as|while)$/.test(c.opener ?? '') || c.parent < 0) return;
    const child = readings[ci].frames[0];
    const host = readings[c.parent]?.frames[0];
    if (!child || !host || host.when || child.action !== host.action) return;
    host.when = child.when;
    host.where ??= child.where;
    host.who ??= child.who;
  });
  return readings;
}

/**
 * "becoming only the second foreign leader to visit the country": the infinitive's event is counted within the group
 * named before it, and its visitor is whoever the group phrase describes (the host clause's subject), or the group.
 */
function leaderToVisit(s: Sentence, clauses: Clause[], ci: number, readings: ClauseReading[]): void {
  const to = clauses[ci].tokens[0];
  const frame = readings[ci].frames[0];
  if (!frame || s.tokens[to]?.lower !== 'to') return;
  const g = s.unitOf[to - 1] >= 0 ? s.units[s.unitOf[to - 1]] : undefined;
  if (!g || g.kind !== 'group') return;
  const o = s.unitOf[g.from - 1] >= 0 ? s.units[s.unitOf[g.from - 1]] : undefined;
  if (o?.kind === 'ordinal') frame.ordinal = { start: o.start, end: o.end, text: o.text, value: o.value! };
  frame.ordinalGroup = g.id;
  let host = readings[clauses[ci].parent]?.subject ?? [];
  // "the first European leader to visit" as a subject stands for the group; "made Lukashenko the first …", for him.
  const before = s.tokens.slice(0, (o ?? g).from);
  const predicate = before.some((t) => t.lemma === 'be' || t.lemma === 'become' || t.lemma === 'mark' || t.lemma === 'make');
  const made = before.findIndex((t) => t.lemma === 'make');
  if (made >= 0) {
    const u = s.unitOf[made + 1] >= 0 ? s.units[s.unitOf[made + 1]] : undefined;
    const p = u && partyOf(u);
    if (p) host = [p];
  }
  // With no subject to say who ("This was the second foreign leader to visit"), the draft's subject is meant.
  frame.who = predicate ? host[0] : { kind: 'group', id: g.id!, span: { start: g.start, end: g.end, text: g.text } };
  // "who visited in February 2022 and became the first foreign leader to travel to the country": one visit, so the
  // date of the clause it hangs from is its date.
  for (let c = clauses[ci].parent; c >= 0 && !frame.when; c = clauses[c].antecedent ?? clauses[c].parent) {
    const dated = readings[c]?.frames.find((f) => f.action === 'visit' && f.when);
    if (dated) frame.when = dated.when;
    if (clauses[c].kind !== 'participle' && clauses[c].kind !== 'coordinate') break;
  }
}

/**
 * A place the dataset does not know, anywhere in the clause's phrases of place ("on the sidelines of the SCO summit
 * in Samarkand"): the clause is about an event the dataset does not know.
 */
/** A name before a common noun, which it modifies: "Ryanair flight", "CSTO summit", "Diaoyutai residence". */
function isModifier(s: Sentence, u: Unit): boolean {
  const next = s.tokens[u.to];
  return !!next && next.pos === 'NOUN' && s.unitOf[u.to] < 0 && /^\p{Ll}/u.test(next.text);
}

function unknownPlace(s: Sentence, clause: Clause): PlaceRef | undefined {
  for (const k of clause.tokens) {
    const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
    if (u?.kind === 'unknown' && k === u.from && !isModifier(s, u) && /^(in|at|to|into)$/.test(s.tokens[k - 1]?.lower ?? '')) return placeOf(u);
  }
  return undefined;
}

function buildFrames(s: Sentence, clauses: Clause[], ci: number, anchors: Anchor[], subject: PartyRef[], tense: Tense, hedged: boolean): Frame[] {
  const clause = clauses[ci];
  const verb = clause.tokens.find((k) => s.tokens[k].pos === 'VERB' && s.unitOf[k] < 0);
  const speaker = verb !== undefined && REPORTING_VERBS.has(s.tokens[verb].lemma) && !anchors.some((a) => a.at === verb) ? verb : undefined;
  const elsewhere = unknownPlace(s, clause);
  const owners = ownersOf(s, clause, anchors);
  const primary = primaryOf(anchors, s);
  let main: Frame | undefined;
  return anchors.flatMap((a, i) => {
    // The speaker's words (before a reporting verb) are nobody's event.
    const mine = clause.tokens.filter((k) => owners.get(k) === i && !(speaker !== undefined && k < speaker && s.unitOf[k] >= 0 && partyOf(s.units[s.unitOf[k]])));
    const f = readFrame(s, clauses, ci, a, i === primary, mine, subject, tense, hedged);
    if (elsewhere && f.where?.kind !== 'unknown') f.elsewhere = true;
    if (i === primary) main = f;
    // "the press conference of Putin and Lukashenka on the results of the talks in Moscow": talks named without
    // their parties are the main meeting's.
    else if (main && !f.who && f.others.length === 0 && f.action !== 'visit' && main.action !== 'visit' && i > primary) [f.who, f.others] = [main.who, main.others];
    if (!f.alternatives) return [f];
    // One frame a date; "again" between them belongs to the later one.
    const all = [f.when!, ...f.alternatives];
    delete f.alternatives;
    const ownsAgain = (n: number) => !!f.again && f.again.start < all[n].start && (n === 0 || f.again.start > all[n - 1].end);
    return all.map((when, n) => ({ ...f, when, again: ownsAgain(n) ? f.again : undefined }));
  });
}

/** "the visit", "this trip", "the Beijing visit", "the December trip": a determiner that points at a known event. */
function isDefinite(s: Sentence, at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 4; k--) {
    const t = s.tokens[k];
    if (t.pos === 'DET') return /^(the|this|that|these|those)$/.test(t.lower);
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM')) return false;
  }
  return false;
}

/** The date a frame's tense picks from a unit's readings. */
function dateOf(u: Unit, tense: Tense): DateExpr | undefined {
  return u.dates?.[tense];
}

function readFrame(s: Sentence, clauses: Clause[], ci: number, a: Anchor, isPrimary: boolean, mine: number[], subject: PartyRef[], tense: Tense, hedged: boolean): Frame {
  const clause = clauses[ci];
  const { tokens, unitOf, units } = s;
  const anchorToken = tokens[a.at];
  const host = a.action === 'host';
  const f: Frame = {
    action: host ? 'visit' : (a.action as Frame['action']),
    anchor: span(s, a.at, a.at + 1),
    others: [],
    arrival: a.arrival,
    definite: a.type === 'noun' && isDefinite(s, a.at),
    words: mine.filter((k) => s.unitOf[k] < 0).map((k) => tokens[k].lower),
    negated: false,
    hedged,
    tense,
    clause: clause.kind as ClauseKind,
  };
  const passive = a.type === 'verb' && tokens[a.at - 1]?.lemma === 'be' && anchorToken.lower !== anchorToken.lemma;
  const nounAnchors = [a.at, ...a.carried];
  const before = (k: number) => k < a.at;
  const dates: { u: Unit; prep?: string; k: number }[] = [];
  let prep: string | undefined;
  let prepAt = -1;
  const parties: { p: PartyRef; prep?: string; k: number; possessive: boolean }[] = [];
  for (let j = 0; j < mine.length; j++) {
    const k = mine[j];
    const t = tokens[k];
    const u = unitOf[k] >= 0 ? units[unitOf[k]] : undefined;
    if (u && k !== u.from) continue;
    if (!u) {
      if (isPreposition(s, k)) {
        prep = t.lower === 'to' && tokens[k - 1]?.lower === 'according' ? 'according' : t.lower;
        prepAt = k;
        continue;
      }
      if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',' || (t.pos === 'NOUN' && !nounAnchors.includes(k) && prep !== undefined && prepAt < k - 3)) prep = undefined;
      if (t.pos === 'VERB' && k !== a.at) prep = undefined;
      if (nounAnchors.includes(k)) prep = undefined;
      readWord(s, f, k, a, nounAnchors);
      continue;
    }
    switch (u.kind) {
      case 'date':
        dates.push({ u, prep, k });
        break;
      case 'duration':
        readDuration(s, f, u, prep);
        break;
      case 'ordinal':
        readOrdinal(s, f, u, nounAnchors, clauses, ci);
        break;
      case 'cardinal':
        readCardinal(s, f, u, nounAnchors);
        break;
      case 'times':
        if (!f.count) f.count = { ...unitSpan(u), value: u.value!, earlier: false, times: true };
        break;
      case 'place':
      case 'anaphor':
        readPlace(s, f, u, prep, k, a, host, subject);
        break;
      case 'event':
        if (prep === 'since' || (prep === 'after' && f.ordinal)) f.since = { span: unitSpan(u), event: u.id };
        break;
      default: {
        const p = partyOf(u);
        if (!p) break;
        // "the Ryanair flight incident", "the CSTO summit": a name before a common noun modifies it.
        if (u.kind === 'unknown' && isModifier(s, u)) break;
        // An unknown name in a place's slot is an unknown place: another event.
        if (u.kind === 'unknown' && (prep === 'in' || prep === 'to' || prep === 'at' || prep === 'into') && !f.where) {
          f.where = { kind: 'unknown', span: unitSpan(u) };
          break;
        }
        // "the press conference of Putin and Lukashenka": parties of the event noun's own "of"; not "the leader of …".
        if (prep === 'according' || (prep === 'of' && !nounAnchors.includes(prepAt - 1) && !u.possessive)) break;
        parties.push({ p, prep, k, possessive: !!u.possessive });
      }
    }
  }
  // A second event named by a noun in the clause has only the parties of its own phrase.
  assignParties(f, a, parties, isPrimary || a.type !== 'noun' ? subject : [], passive, host, before);
  // "the first visit to Myanmar by a foreign leader": counted within the group; the visitor is whom the draft means.
  if (f.who?.kind === 'group' && f.ordinal && !f.who.id.startsWith('leader-of:')) {
    f.ordinalGroup = f.who.id;
    f.who = undefined;
  }
  assignDates(s, f, dates, tense, a);
  readSince(s, f, clauses, ci, isPrimary);
  // "who visited in January 2022", "returned this week", "arrived on Monday": the place is the draft's.
  const back = (/^(go|come|fly|head)$/.test(anchorToken.lemma) && tokens[a.at + 1]?.lower === 'back') || anchorToken.lemma === 'come';
  if (f.action === 'visit' && a.type === 'verb' && !f.where && (back || /^(visit|return|arrive|land)$/.test(anchorToken.lemma))) f.where = { kind: 'anaphor', noun: 'there', span: f.anchor };
  // "his visit", "whose January 2022 visit": a visit named without a place is to the place the draft is about.
  if (f.action === 'visit' && a.type === 'noun' && !f.where && /^(visit|trip|stay|arrival)$/.test(anchorToken.lemma) && (f.ordinal || f.when || f.since || f.gap)) f.where = { kind: 'anaphor', noun: 'there', span: f.anchor };
  return f;
}

/** Words that change what the frame says: negation, "again", "last", "previously", "never", the kind of visit. */
function readWord(s: Sentence, f: Frame, k: number, a: Anchor, nounAnchors: number[]): void {
  const t = s.tokens[k];
  const w = t.lower;
  const sp = span(s, k, k + 1);
  if (w === 'not' || w === "n't" || w === 'no' || w === 'without' || w === 'neither' || w === 'nor') f.negated = true;
  if (w === 'never') f.never = sp;
  // "his only visit to Beijing last year": a count of one.
  const owned = /^(his|her|their|'s|’s)$/.test(s.tokens[k - 1]?.lower ?? '');
  if ((w === 'only' || w === 'sole') && owned && nounAnchors.some((n) => n > k && n - k <= 2)) {
    if (!f.ordinal && !f.count) f.count = { ...sp, value: 1, earlier: false, times: false, only: true };
  }
  if (w === 'again' || (w === 'once' && s.tokens[k + 1]?.lower === 'again')) f.again ??= sp;
  // "his last visit", "their previous meeting", "was last in China", "last visited": the latest such event. Not
  // "previously", which says only that it came before.
  const modifies = k < a.at && a.at - k <= 3 && !s.tokens.slice(k + 1, a.at).some((x) => x.pos === 'ADP' || x.text === ',');
  const lastTime = w === 'last' && s.tokens[k + 1]?.lower === 'time';
  if (((w === 'last' || w === 'previous' || w === 'latest' || w === 'recent') && (modifies || lastTime)) || (w === 'last' && (s.tokens[k + 1]?.pos === 'VERB' || s.tokens[k - 1]?.lemma === 'be'))) {
    // "last year", "last week" are dates (already units); "the last of 28 documents" is no event's.
    if (!(w === 'last' && s.tokens[k + 1]?.lower === 'of')) f.previous ??= sp;
  }
  if ((w === 'state' || w === 'working') && nounAnchors.some((n) => n === k + 1 && s.tokens[n].lemma === 'visit' || n === k + 1 && s.tokens[n].lemma === 'trip')) f.kind = { ...sp, kind: w };
  // "of a working nature", "of a state nature".
  if ((w === 'state' || w === 'working') && s.tokens[k + 1]?.lower === 'nature') f.kind = { ...sp, kind: w };
  void a;
}

function readDuration(s: Sentence, f: Frame, u: Unit, prep: string | undefined): void {
  const d = u.duration!;
  if (d.unit === 'hour' || d.unit === 'day' || d.unit === 'week') return;
  // "26 years of diplomatic relations": a span of something else.
  if (s.tokens[u.to]?.lower === 'of') return;
  if (s.tokens[u.to]?.lower === 'ago' || s.tokens[u.to]?.lower === 'later' || s.tokens[u.to]?.lower === 'earlier') return;
  const absence = /^(absence|gap|hiatus|break|pause|interval)$/.test(s.tokens[u.to]?.lower ?? '');
  const gapLike = prep === 'in' || prep === 'for' || prep === 'after' || prep === 'over' || absence;
  if (!gapLike) return;
  // "for five years" is a gap only when nothing happened in it: "has not visited for five years".
  if (prep === 'for' && !f.negated && !s.tokens.slice(0, u.from).some((t) => t.lower === 'not' || t.lower === "n't" || t.lower === 'never')) return;
  f.gap = { ...unitSpan(u), years: d.years, qualifier: d.qualifier };
  // "ended a three-year absence": the first in that time.
  if (absence && !f.ordinal) f.ordinal = { ...unitSpan(u), value: 1 };
}

function readOrdinal(s: Sentence, f: Frame, u: Unit, nounAnchors: number[], clauses: Clause[], ci: number): void {
  const next = s.tokens[u.to];
  // "his first trip", "the second visit", "for the third time", "the first since", "his third this year".
  const beforeNoun = nounAnchors.some((n) => n > u.from && n - u.to <= 2);
  const time = next?.lower === 'time';
  const bare = !next || next.lower === 'since' || next.lower === 'in' || next.lower === 'this' || next.lower === 'of' || next.lower === 'to' || next.lower === 'by' || next.text === ',' || next.text === '.' || s.unitOf[u.to] >= 0 && s.units[s.unitOf[u.to]].kind === 'date';
  const leader = s.unitOf[u.to] >= 0 && s.units[s.unitOf[u.to]].kind === 'group';
  if (!(beforeNoun || time || bare || leader)) return;
  // "when he first visited": the first visit, not a count of this one. "First in March and again in June": a sequence.
  if (next?.pos === 'VERB') return;
  if (next && /^(in|on)$/.test(next.lower) && s.unitOf[u.to + 1] >= 0 && s.units[s.unitOf[u.to + 1]].kind === 'date') return;
  if (leader) f.ordinalGroup = s.units[s.unitOf[u.to]].id;
  f.ordinal ??= { ...unitSpan(u), value: u.value! };
  void clauses;
  void ci;
}

function readCardinal(s: Sentence, f: Frame, u: Unit, nounAnchors: number[]): void {
  // "two earlier meetings", "four meetings", "three previous visits".
  const noun = nounAnchors.find((n) => n > u.from && n - u.to <= 1);
  if (noun === undefined) return;
  const between = s.tokens.slice(u.to, noun).map((t) => t.lower);
  const earlier = between.some((w) => w === 'earlier' || w === 'previous' || w === 'prior');
  if (!/s$/.test(s.tokens[noun].lower) && u.value !== 1) return;
  f.count ??= { ...unitSpan(u), value: u.value!, earlier, times: false };
}

function readPlace(s: Sentence, f: Frame, u: Unit, prep: string | undefined, k: number, a: Anchor, host: boolean, subject: PartyRef[]): void {
  const place = placeOf(u);
  if (!place) return;
  void subject;
  // "from Minsk", "for Minsk", "against Russia": not where the event is.
  const at = prep === 'in' || prep === 'to' || prep === 'at' || prep === 'into' || prep === 'inside' || prep === 'within' || prep === 'across' || prep === 'during' || (u.kind === 'anaphor' && u.noun === 'there');
  // "visited Beijing", "the Beijing visit", "Minsk hosted": without a preposition.
  const object = prep === undefined && ((k > a.at && (s.tokens[a.at].lemma === 'visit' || s.tokens[a.at].lemma === 'reach' || s.tokens[a.at].lemma === 'tour')) || (k < a.at && a.type === 'noun' && u.to >= a.at - 1) || (host && k < a.at));
  if (!at && !object) return;
  if (!f.where) {
    f.where = place;
    return;
  }
  // "Tehran, Iran": the second names where the first lies; a list of places ("Moscow, Sochi and Amur") is no one place.
  if (f.where.kind === 'place' && place.kind === 'place' && s.tokens[u.from - 1]?.text === ',' && s.tokens[u.to]?.text !== ',' && s.tokens[u.from - 2] && s.unitOf[u.from - 2] >= 0) return;
  const prior = f.where.kind === 'place' ? s.units.find((x) => x.kind === 'place' && x.id === (f.where as { id: string }).id) : undefined;
  if (prior && place.kind === 'place' && (u.within?.includes(prior.id!) || prior.within?.includes(place.id))) {
    // "the Belarusian capital … his first trip to Belarus": the city says more.
    if (u.within?.includes(prior.id!)) f.where = place;
    return;
  }
  if (f.where.kind === 'place' && place.kind === 'place' && f.where.id !== place.id) f.where = { kind: 'list', span: { start: f.where.span.start, end: place.span.end, text: `${f.where.span.text} … ${place.span.text}` } };
}

function assignParties(f: Frame, a: Anchor, parties: { p: PartyRef; prep?: string; k: number; possessive: boolean }[], subject: PartyRef[], passive: boolean, host: boolean, before: (k: number) => boolean): void {
  const subjects: PartyRef[] = [];
  const objects: PartyRef[] = [];
  const agents: PartyRef[] = [];
  let owner: PartyRef | undefined;
  let possessor: PartyRef | undefined;
  for (const x of parties) {
    if (x.prep === 'by' || (x.prep === 'of' && a.type === 'noun')) agents.push(x.p);
    else if (x.possessive) {
      // "his first trip", "Lukashenko's visit": the event's owner; never a counterpart. With a verb, the owner of a
      // carried noun is its subject already ("arrived … making his first trip").
      if (a.type === 'noun' || a.type === 'copula' || a.type === 'headline') owner ??= x.p;
      else possessor ??= x.p;
    }
    else if (x.prep === 'with' || x.prep === 'alongside' || x.prep === 'between' || x.prep === 'and' || x.prep === 'including') objects.push(x.p);
    else if (x.prep === undefined && before(x.k)) subjects.push(x.p);
    else if (x.prep === undefined || x.prep === 'to') objects.push(x.p);
  }
  // "This will be Lukashenko's third time travelling": a verb with no subject is its possessor's.
  if (!owner && possessor && subjects.length === 0 && subject.length === 0) owner = possessor;
  let who: PartyRef[] = owner ? [owner] : agents.length && a.type === 'noun' ? agents : subjects.length ? subjects : subject;
  let rest = objects;
  if (host) {
    // "Lukashenko will host Putin", "Putin was welcomed by Lukashenko", "Minsk hosted talks between Putin and Lukashenko".
    const visitors = passive ? (subjects.length ? subjects : subject) : objects;
    let hosts = passive ? agents : subjects.length ? subjects : subject;
    // "Brest hosted talks": a name the dataset does not know, as host, is a place.
    const place = hosts.find((p) => p.kind === 'unknown');
    if (place && !f.where) {
      f.where = { kind: 'unknown', span: place.span };
      hosts = hosts.filter((p) => p !== place);
    }
    who = visitors.slice(0, 1);
    rest = [...visitors.slice(1), ...hosts];
  } else if (passive && agents.length) {
    rest = [...(subjects.length ? subjects : subject), ...objects];
    who = agents;
  }
  f.who = who[0];
  // A group set beside the frame ("…, the first foreign leader after the coup") describes the visitor; it is no party.
  f.others = [...who.slice(1), ...rest].filter((p, i, all) => p !== f.who && p.kind !== 'group' && !(p.kind === 'person' && (all.findIndex((q) => q.kind === 'person' && q.id === p.id) !== i || (f.who?.kind === 'person' && f.who.id === p.id))));
}

function assignDates(s: Sentence, f: Frame, dates: { u: Unit; prep?: string; k: number }[], tense: Tense, a: Anchor): void {
  const whens: { d: DateExpr; k: number; prep?: string }[] = [];
  for (const { u, prep, k } of dates) {
    const d = dateOf(u, tense);
    if (!d) continue;
    if (prep === 'since') {
      // "since the 2021 coup": the event is the anchor, its date only describes it.
      if (f.since?.event) f.since.date ??= d;
      else f.since = { span: unitSpan(u), date: d, ofEvent: s.tokens[u.to]?.pos === 'NOUN' || s.tokens[u.to]?.pos === 'ADJ' };
      continue;
    }
    if (prep === 'after' || prep === 'before' || prep === 'until' || prep === 'according' || prep === 'amid' || prep === 'following' || prep === 'ahead') continue;
    const yearish = d.precision === 'year' || d.relative !== undefined;
    const soFar = s.tokens[u.from - 1]?.lower === 'far' || (prep === 'of' && d.relative !== undefined);
    if ((f.ordinal || f.count) && yearish && !d.ago) {
      if (!f.scope || soFar) f.scope = d;
      continue;
    }
    if (d.relative !== undefined && prep !== 'in' && prep !== 'during') {
      // "this year" with no count: a window for the event, not a scope.
      whens.push({ d, k, prep });
      continue;
    }
    whens.push({ d, k, prep });
  }
  // Two dates joined as a range: "from February 28 to March 2", "the end of June and early July".
  const joined: { d: DateExpr; k: number; prep?: string }[] = [];
  for (const w of whens) {
    const last = joined[joined.length - 1];
    if (last && w.d.precision !== 'year' && last.d.precision !== 'year' && joins(s, last.d, w.d)) {
      last.d = { ...last.d, end: w.d.end, text: s.text.slice(last.d.start, w.d.end), to: w.d.to > last.d.to ? w.d.to : last.d.to, joined: true };
      continue;
    }
    // "Monday, December 19": a weekday and its date are one day.
    if (last && last.d.from === w.d.from && last.d.to === w.d.to) continue;
    joined.push({ ...w });
  }
  if (joined.length === 1) f.when = joined[0].d;
  else if (joined.length > 1 && coordinated(s, joined.map((x) => x.d))) {
    // "met in March and again in June": one event a date; "again" goes with the date after it.
    f.when = joined[0].d;
    f.alternatives = joined.slice(1).map((x) => x.d);
  } else if (joined.length > 1) {
    // The one that says more: a day over a month over a year, when they agree; otherwise no date is this event's.
    const agree = joined.every((x) => x.d.from <= joined[0].d.to && joined[0].d.from <= x.d.to);
    if (agree) f.when = joined.reduce((b, x) => (span(x.d) < span(b.d) ? x : b)).d;
    else {
      // "arrived in China on December 3, but only now … did he meet": the date nearest the anchor, in its phrase.
      const after = joined.filter((x) => x.k > a.at).sort((x, y) => x.k - y.k)[0];
      if (after && (after.prep === 'on' || after.prep === 'in') && after.k - a.at <= 6) f.when = after.d;
    }
  }
  function span(d: DateExpr): number {
    return Date.parse(d.to) - Date.parse(d.from);
  }
}

/** Dates listed for events of their own: "in March and again in June", "in July, and in September". */
function coordinated(s: Sentence, dates: DateExpr[]): boolean {
  for (let i = 1; i < dates.length; i++) if (!/^,?\s*(and|or)\s+((again|later|then|once more|again later)\s+)*(in|on)?\s*$/i.test(s.text.slice(dates[i - 1].end, dates[i].start))) return false;
  return true;
}

function joins(s: Sentence, a: DateExpr, b: DateExpr): boolean {
  const between = s.text.slice(a.end, b.start).trim().toLowerCase();
  // "the end of June and early July" is one stretch; "February and June" are two months.
  if (between.startsWith('and') && (a.precision === 'month' || b.precision === 'month' || Date.parse(b.from) - Date.parse(a.to) > 15 * 86_400_000)) return false;
  return /^(-|–|—|to|through|until|till|and|and early|to early)$/.test(between) || (between === '' && b.start === a.end);
}

/** "since it came under military rule in 2021": a since-clause under this clause gives the anchor. */
function readSince(s: Sentence, f: Frame, clauses: Clause[], ci: number, isPrimary: boolean): void {
  if (f.since || !isPrimary) return;
  for (let c = 0; c < clauses.length; c++) {
    const child = clauses[c];
    if (child.parent !== ci || child.kind !== 'adverbial' || !(child.opener === 'since' || (child.opener === 'after' && f.ordinal))) continue;
    let event: string | undefined;
    let date: DateExpr | undefined;
    let dateUnit: Unit | undefined;
    for (const k of child.tokens) {
      const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
      if (!u || k !== u.from) continue;
      if (u.kind === 'event') event ??= u.id;
      if (u.kind === 'date' && !date) [date, dateUnit] = [u.dates!.past, u];
    }
    const first = s.tokens[child.tokens[0]];
    f.since = { span: dateUnit ? { start: dateUnit.start, end: dateUnit.end, text: dateUnit.text } : { start: first.start, end: first.end, text: first.text }, event, date: event ? undefined : undefined };
    // An anchor named by a clause the dataset cannot read ("since Putin became president in 2000") stays unknown.
    if (!event) f.since = { span: f.since.span };
    else if (date) f.since.date = date;
    return;
  }
}
