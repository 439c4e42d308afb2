// Where a clause names an event: a verb ("visited", "met", "phoned"), a noun ("his second trip", "the talks"), "be in
// <place>" ("Lukashenko is in Beijing again"), or a verbless headline ("Lukashenko in Beijing for the 3rd time").
// A noun that a verb of the same clause carries ("arrived for a working visit", "held talks", "made his third trip")
// is the same event as the verb's.

import type { Action } from './frame';
import type { Sentence } from './sentence';
import type { Clause } from './clauses';
import { EVENT_NOUNS, EVENT_VERBS, NEEDS_DESTINATION } from './lexicon';

export interface Anchor {
  action: Action | 'host';
  /** The token the event is named by. */
  at: number;
  type: 'verb' | 'noun' | 'copula' | 'headline';
  /** Noun anchors this one carries: their words are the same event's. */
  carried: number[];
  /** "landed", "arrived", "touched down". */
  arrival: boolean;
}

const ARRIVAL = new Set(['arrive', 'land']);

/** The anchors of one clause, in order. */
export function anchorsOf(s: Sentence, clause: Clause): Anchor[] {
  const { tokens, unitOf, units } = s;
  const inClause = clause.tokens;
  const out: Anchor[] = [];
  const unitAt = (k: number) => (unitOf[k] >= 0 ? units[unitOf[k]] : undefined);
  const nextIn = (k: number, step = 1) => inClause[inClause.indexOf(k) + step];
  for (const k of inClause) {
    const t = tokens[k];
    if (unitOf[k] >= 0) continue;
    // wink tags "a visit" as a verb now and then, and "Putin phones Lukashenko" as a noun: a name before and after
    // makes it the verb, a determiner before makes it the noun.
    const subjectBefore = isParty(unitAt(k - 1)?.kind ?? '');
    const objectAfter = !!unitAt(k + 1) && (isParty(unitAt(k + 1)!.kind) || unitAt(k + 1)!.kind === 'place');
    const between = t.pos === 'NOUN' && subjectBefore && (objectAfter || /^(to|in|at|for|with|on|into)$/.test(tokens[k + 1]?.lower ?? '')) && !!(EVENT_VERBS.get(t.lemma) ?? EVENT_VERBS.get(t.lower.replace(/(e?s|ed)$/, '')) ?? EVENT_VERBS.get(t.lower.replace(/s$/, '')));
    // "since landing in Tehran", "after arriving": a gerund the tagger took for a noun.
    const gerund = t.pos === 'NOUN' && t.lower.endsWith('ing') && /^(since|after|before|upon|on)$/.test(tokens[k - 1]?.lower ?? '');
    const afterModifier = tokens[k - 1]?.pos === 'DET' || unitAt(k - 1)?.kind === 'ordinal' || /^(his|her|their|'s|’s)$/.test(tokens[k - 1]?.lower ?? '');
    const nounLike = !between && !gerund && (t.pos === 'NOUN' || (t.pos === 'PROPN' && EVENT_NOUNS.has(t.lower)) || (t.pos === 'VERB' && afterModifier && EVENT_NOUNS.has(t.lower)));
    if (!nounLike && (t.pos === 'VERB' || between || gerund)) {
      let action = EVENT_VERBS.get(t.lemma) ?? EVENT_VERBS.get(t.lower) ?? EVENT_VERBS.get(t.lower.replace(/(e?s|ed|ing)$/, ''));
      // "set foot in", "touch down", "sit down with".
      if (!action && t.lemma === 'set' && tokens[k + 1]?.lower === 'foot') action = 'visit';
      if (!action && t.lemma === 'touch' && tokens[k + 1]?.lower === 'down') action = 'visit';
      if (!action && t.lemma === 'sit' && tokens[k + 1]?.lower === 'down' && tokens[k + 2]?.lower === 'with') action = 'meeting';
      // "has stayed away from Belarus": a visit that did not happen.
      if (!action && (t.lemma === 'stay' || t.lemma === 'keep') && tokens[k + 1]?.lower === 'away') action = 'visit';
      if (!action) continue;
      const after = nextIn(k);
      const next = after !== undefined ? tokens[after] : undefined;
      const nextUnit = after !== undefined ? unitAt(after) : undefined;
      if (NEEDS_DESTINATION.has(t.lemma)) {
        // "went to Beijing", "came to Minsk", "returned to China", "returned this week": not "came amid", "went on".
        const destination = next && (next.lower === 'to' || next.lower === 'into' || next.lower === 'back' || next.lower === 'home' || nextUnit?.kind === 'place' || nextUnit?.kind === 'anaphor' || ((t.lemma === 'return' || t.lemma === 'come') && (nextUnit?.kind === 'date' || (next.lower === 'in' && unitAt(nextIn(k, 2) ?? -1)?.kind === 'date') || (t.lemma === 'return' && (next.lower === 'for' || next.text === '.' || next.text === ',')))));
        if (!destination) continue;
      }
      // "saw Xi", "called Putin", "rang him": a person right after; "called Xi a friend" names, it does not call.
      if (t.lemma === 'see' && (!(nextUnit && isParty(nextUnit.kind)) || k === 0 || tokens[k - 1]?.text === '(')) continue;
      if (t.lemma === 'call' || t.lemma === 'ring') {
        if (!(nextUnit && isParty(nextUnit.kind))) continue;
        const after2 = tokens[nextUnit.to];
        if (after2 && (after2.pos === 'DET' || after2.pos === 'ADJ' || after2.pos === 'NOUN' || (after2.lower === 'on' && tokens[nextUnit.to + 1]?.lower !== 'the' && !unitAt(nextUnit.to + 1)))) continue;
      }
      // "speak"/"talk" name a meeting or call only with whom: "spoke with Putin", "the two talked", "spoke by phone".
      if (action === 'talk' && !(next && t.lemma !== 'discuss' && /^(with|to|by|on|about|over)$/.test(next.lower)) && !pairSubject(s, clause, k)) continue;
      // "visit" the verb needs what is visited; "the visit" is a noun.
      out.push({ action, at: k, type: 'verb', carried: [], arrival: ARRIVAL.has(t.lemma) || t.lemma === 'touch' });
      continue;
    }
    if (nounLike) {
      const action = EVENT_NOUNS.get(t.lower) ?? EVENT_NOUNS.get(t.lemma);
      if (!action) continue;
      // "news conference", "press conference"; not "a conference on security".
      if (t.lemma === 'conference' && !/^(press|news)$/.test(tokens[k - 1]?.lower ?? '')) continue;
      // "the call for sanctions", "a stay of execution": a call is a phone call only with its parties.
      // "the call" the draft told of is one too; "the call for sanctions" is not.
      const told = /^(the|that|this|their|his|birthday)$/.test(tokens[k - 1]?.lower ?? '') && !/^(for|to|of)$/.test(tokens[k + 1]?.lower ?? '');
      if (t.lemma === 'call' && !(told || tokens[k - 1]?.lower === 'phone' || tokens[k - 1]?.lower === 'telephone' || tokens[k + 1]?.lower === 'with' || tokens[k + 1]?.lower === 'between')) continue;
      if (t.lemma === 'stay' && !/^(his|her|their|the)$/.test(tokens[k - 1]?.lower ?? '')) continue;
      // "travel" is a noun only as a trip ("his travels"), not "travel restrictions".
      if (t.lemma === 'travel' && tokens[k + 1]?.pos === 'NOUN') continue;
      out.push({ action, at: k, type: 'noun', carried: [], arrival: t.lemma === 'arrival' });
    }
  }
  // "be in <place>": "is in Beijing again", "was last in China"; "in" may follow adverbs.
  for (const k of inClause) {
    const t = tokens[k];
    if (t.lemma !== 'be' || unitOf[k] >= 0) continue;
    let j = k + 1;
    while (tokens[j] && (tokens[j].pos === 'ADV' || /^(last|already|again|previously|due|back|expected|present|never)$/.test(tokens[j].lower))) j++;
    // "is in Beijing", "was at the Kremlin", "has been to Beijing", "had never been to Myanmar".
    if (!(tokens[j]?.lower === 'in' || tokens[j]?.lower === 'at' || (tokens[j]?.lower === 'to' && t.lower === 'been'))) continue;
    const u = unitAt(j + 1);
    if (!u || (u.kind !== 'place' && u.kind !== 'anaphor' && u.kind !== 'unknown')) continue;
    if (!inClause.includes(j + 1)) continue;
    out.push({ action: 'visit', at: k, type: 'copula', carried: [], arrival: false });
  }
  // A headline without a verb: "Lukashenko in Beijing for the 3rd time", "Putin to Minsk".
  if (out.length === 0 && !inClause.some((k) => tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX')) {
    for (const k of inClause) {
      const u = unitAt(k);
      if (!u || u.kind !== 'person' || k !== u.from) continue;
      const p = tokens[u.to];
      const place = unitAt(u.to + 1);
      if (p && (p.lower === 'in' || p.lower === 'to' || p.lower === 'visits') && place && (place.kind === 'place' || place.kind === 'anaphor')) {
        out.push({ action: 'visit', at: u.to, type: 'headline', carried: [], arrival: false });
        break;
      }
    }
  }
  out.sort((a, b) => a.at - b.at);
  return carry(s, clause, out);
}

/** "the two leaders spoke", "they discussed", "Lukashenko and Putin talked": two parties before the verb. */
function pairSubject(s: Sentence, clause: Clause, verb: number): boolean {
  let people = 0;
  for (const k of clause.tokens) {
    if (k >= verb) break;
    const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
    if (!u || k !== u.from) continue;
    if (u.kind === 'pair') return true;
    if (u.kind === 'person') people++;
  }
  return people >= 2;
}

function isParty(kind: string): boolean {
  return kind === 'person' || kind === 'pronoun' || kind === 'pair' || kind === 'counterpart' || kind === 'unknown' || kind === 'group';
}

/**
 * Folds noun anchors into the verb or copula that carries them: a noun after an event verb with no other verb or event
 * noun between ("arrived in Myanmar on a goodwill visit", "held talks"), or the predicate of "be"/"mark"/"become"
 * ("This will be Putin's first visit", "marking his first trip").
 */
function carry(s: Sentence, clause: Clause, anchors: Anchor[]): Anchor[] {
  const out: Anchor[] = [];
  for (const a of anchors) {
    const host = out[out.length - 1];
    // "The visit … will be the veteran leader's second trip", "described the trip as a state visit": one event.
    if (a.type === 'noun' && host?.type === 'noun' && linked(s, clause, host.at, a.at)) {
      host.carried.push(a.at);
      if (a.arrival) host.arrival = true;
      continue;
    }
    if (a.type === 'noun' && host && (host.type === 'verb' || host.type === 'copula' || host.type === 'headline') && !verbBetween(s, clause, host.at, a.at, host.carried)) {
      host.carried.push(a.at);
      // "arrived … for talks with Xi": the visit's; "met … for talks": still a meeting.
      if (host.type === 'copula' || host.type === 'headline') host.action = host.action === 'visit' && a.action !== 'visit' ? 'visit' : a.action;
      if (a.arrival) host.arrival = true;
      continue;
    }
    // "Putin, on his first trip to Belarus since 2018, arrives for talks": a phrase set off before the verb is its event.
    if (a.type === 'verb' && host?.type === 'noun' && host.action === a.action && s.tokens[a.at - 1]?.text === ',' && !verbBetween(s, clause, host.at, a.at) && clause.tokens.some((k) => k < host.at && s.tokens[k].text === ',')) {
      out[out.length - 1] = { ...a, carried: [host.at, ...host.carried, ...a.carried], arrival: a.arrival || host.arrival };
      continue;
    }
    // Two event nouns in one phrase: "the talks during his visit to Beijing" are one occasion; keep both frames.
    out.push(a);
  }
  return out;
}

/** Whether two event nouns are said to be one: "X will be Y", "X marks Y", "described X as Y". */
function linked(s: Sentence, clause: Clause, from: number, to: number): boolean {
  const between = clause.tokens.filter((k) => k > from && k < to && s.unitOf[k] < 0);
  const verbs = between.filter((k) => s.tokens[k].pos === 'VERB' || s.tokens[k].pos === 'AUX');
  const copula = verbs.length > 0 && verbs.every((k) => s.tokens[k].pos === 'AUX' || /^(be|become|mark|remain)$/.test(s.tokens[k].lemma)) && verbs.some((k) => /^(be|become|mark|remain)$/.test(s.tokens[k].lemma));
  // The second noun heads the predicate itself: no comma or preposition between the verb and it.
  if (copula) return !between.some((k) => k > verbs[verbs.length - 1] && (s.tokens[k].text === ',' || s.tokens[k].pos === 'ADP'));
  // "Type of current visit: state visit": a label and its value, with no verb between.
  if (verbs.length === 0 && between.some((k) => s.tokens[k].text === ':')) return true;
  // "described the trip as a state visit".
  return s.tokens[to - 1]?.lower === 'as' || (s.tokens[to - 2]?.lower === 'as' && s.tokens[to - 1].pos === 'DET') || (s.tokens[to - 3]?.lower === 'as' && s.tokens[to - 2].pos === 'DET');
}

function verbBetween(s: Sentence, clause: Clause, from: number, to: number, carried: number[] = []): boolean {
  for (const k of clause.tokens) {
    if (k <= from || k >= to || carried.includes(k)) continue;
    const t = s.tokens[k];
    if (s.unitOf[k] >= 0) continue;
    if ((t.pos === 'VERB' && !t.lower.endsWith('ing')) || (t.pos === 'NOUN' && EVENT_NOUNS.has(t.lower))) return true;
  }
  return false;
}
