// Frames from clauses: for each event a clause names, who took part, where, when, how many times, since when, and
// whether it is asserted at all. A word is read only with the event that owns it (regions.ts): a date in a relative
// clause, in a since/after/before clause or after a noun that is no event is not this event's date.

import type { Tense } from '../dates/expressions';
import type { ClauseKind, Frame, PartyRef } from './frame';
import type { Sentence, Unit } from './sentence';
import type { Clause } from './clauses';
import { anchorsOf, type Anchor } from './anchors';
import { ownersOf, primaryOf, isPreposition } from './regions';
import { REPORTING_VERBS } from './lexicon';
import { hedgedClause, isDefinite, isModifier, partyOf, span, subjectOf, tenseOfClause, unitSpan, unknownPlace } from './clause-facts';
import { assignParties, readCardinal, readDuration, readOrdinal, readPlace, readWord } from './slots';
import { assignDates, readSince } from './frame-dates';

export interface ClauseReading {
  frames: Frame[];
  /** The clause's subject, as the sentence names it: who "he" is in the next clause or sentence. */
  subject: PartyRef[];
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
  // "Putin called Lukashenko on August 30 and spoke about Afghanistan for two hours": one occasion, one date.
  clauses.forEach((c, ci) => {
    if (c.kind !== 'coordinate' || c.antecedent === undefined || c.antecedent < 0) return;
    const host = readings[c.antecedent]?.frames[0];
    for (const f of readings[ci].frames) if (!f.when && host?.when && (f.action === host.action || f.action === 'talk' || host.action === 'talk')) f.when = host.when;
  });
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
    // Its own words and its purpose's: "called Lukashenko to congratulate him on his birthday".
    words: [...mine, ...clauses.filter((c) => c.parent === ci && c.kind === 'infinitive').flatMap((c) => c.tokens)].filter((k) => s.unitOf[k] < 0).map((k) => tokens[k].lower),
    negated: false,
    hedged,
    tense,
    clause: clause.kind as ClauseKind,
  };
  // "was welcomed", "was last visited by Putin": a form of "be" before the participle, past any adverbs.
  let be = a.at - 1;
  while (be > 0 && (tokens[be].pos === 'ADV' || tokens[be].lower === 'last')) be--;
  const passive = a.type === 'verb' && tokens[be]?.lemma === 'be' && anchorToken.lower !== anchorToken.lemma && !anchorToken.lower.endsWith('ing');
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
        readOrdinal(s, f, u, nounAnchors);
        break;
      case 'cardinal':
        readCardinal(s, f, u, nounAnchors);
        break;
      case 'times':
        if (!f.count) f.count = { ...unitSpan(u), value: u.value!, earlier: false, times: true };
        break;
      case 'place':
      case 'anaphor':
        readPlace(s, f, u, prep, k, a, host);
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
  // "had previously visited Beijing twice", "have met twice before": the earlier ones, without the one reported.
  const adverb = (k: number) => tokens[k].pos === 'ADV' || (tokens[k].lower === 'before' && !(s.unitOf[k + 1] >= 0 || /^(DET|PROPN|NOUN|PRON|NUM)$/.test(tokens[k + 1]?.pos ?? '')));
  if (f.count && !f.count.earlier && mine.some((k) => /^(previously|before|earlier|already)$/.test(tokens[k].lower) && adverb(k))) f.count.earlier = true;
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
  if (f.action === 'visit' && a.type === 'noun' && !f.where && /^(visit|trip|stay|arrival)$/.test(anchorToken.lemma) && (f.ordinal || f.when || f.since || f.gap || f.kind)) f.where = { kind: 'anaphor', noun: 'there', span: f.anchor };
  return f;
}
