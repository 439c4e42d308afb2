// Which event of a clause each word belongs to. The clause's main event (its event verb, "be in <place>", or else its
// first event noun) takes the clause's words; a second event noun takes its own phrase ("the talks during his visit to
// Beijing"); and a phrase after a noun that is no event is that noun's ("the military regime in 2021", "the war in
// Ukraine", "support for Minsk"), so it belongs to no event at all.

import type { Sentence } from './sentence';
import type { Clause } from './clauses';
import type { Anchor } from './anchors';
import { EVENT_NOUNS, EVENT_PREDICATES, LEADER_NOUNS, SETTING_NOUNS, TITLE_WORDS } from './lexicon';

/** Owner of each clause token: an anchor's index, or -1 for words that belong to no event of the clause. */
export type Owners = Map<number, number>;

const PREPOSITIONS = new Set(['in', 'at', 'on', 'to', 'into', 'of', 'for', 'from', 'with', 'by', 'between', 'during', 'since', 'after', 'before', 'over', 'under', 'about', 'amid', 'against', 'within', 'near', 'toward', 'towards', 'across', 'through', 'until', 'among', 'around', 'following', 'including', 'alongside', 'without', 'like', 'than', 'as', 'per', 'via']);

export function isPreposition(s: Sentence, k: number): boolean {
  const t = s.tokens[k];
  return !!t && s.unitOf[k] < 0 && (t.pos === 'ADP' || t.pos === 'SCONJ' || (t.pos === 'PART' && t.lower === 'to') || PREPOSITIONS.has(t.lower)) && PREPOSITIONS.has(t.lower);
}

/**
 * The primary anchor of a clause: its first verb, copula or headline anchor, else its first noun anchor that is not
 * in a phrase about another event ("Unlike his state visit in late February, the current trip …").
 */
export function primaryOf(anchors: Anchor[], s?: Sentence): number {
  const i = anchors.findIndex((a) => a.type !== 'noun');
  if (i >= 0) return i;
  if (s) {
    const j = anchors.findIndex((a) => !otherEventPhrase(s, a.at));
    if (j >= 0) return j;
  }
  return 0;
}

/** Whether the noun at `at` stands in an "after", "before", "unlike" … phrase: "after his visit", "unlike the trip". */
function otherEventPhrase(s: Sentence, at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - 6; k--) {
    const t = s.tokens[k];
    if (/^(after|before|following|unlike|besides|amid)$/.test(t.lower)) return true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',') return false;
  }
  return false;
}

export function ownersOf(s: Sentence, clause: Clause, anchors: Anchor[]): Owners {
  const owners: Owners = new Map();
  const primary = primaryOf(anchors, s);
  for (const k of clause.tokens) owners.set(k, primary);
  const order = clause.tokens;
  const pos = new Map(order.map((k, i) => [k, i]));
  // An event named by a noun owns what its clause says of it only through a predicate of events ("the visit was his
  // third"); after another verb the words are about something else ("the trip follows three earlier meetings").
  const head = anchors[primary];
  if (head.type === 'noun') {
    const [, end] = nounPhrase(s, order, pos.get(head.at)!);
    const verb = order.slice(end).find((k) => s.unitOf[k] < 0 && (s.tokens[k].pos === 'VERB' || s.tokens[k].pos === 'AUX'));
    // The verb group's main verb: "will be" is "be", "was held" is "hold".
    let main = verb;
    for (let j = verb === undefined ? order.length : pos.get(verb)!; j < order.length; j++) {
      const t = s.tokens[order[j]];
      if (t.pos === 'AUX') main = order[j];
      else if (t.pos === 'VERB') {
        main = order[j];
        break;
      } else if (t.pos !== 'PART' && t.pos !== 'ADV') break;
    }
    if (main !== undefined && !EVENT_PREDICATES.has(s.tokens[main].lemma)) for (let j = pos.get(main)!; j < order.length; j++) owners.set(order[j], -1);
  }
  // Secondary event nouns take their own phrase.
  anchors.forEach((a, i) => {
    if (i === primary || a.type !== 'noun') return;
    if (anchors[primary].carried.includes(a.at)) return;
    const [from, to] = nounPhrase(s, order, pos.get(a.at)!);
    for (let j = from; j < to; j++) owners.set(order[j], i);
  });
  // Phrases after nouns that are no event are those nouns'.
  for (let j = 0; j < order.length; j++) {
    const k = order[j];
    const t = s.tokens[k];
    if (t.pos !== 'NOUN' || s.unitOf[k] >= 0 || EVENT_NOUNS.has(t.lower) || EVENT_NOUNS.has(t.lemma) || SETTING_NOUNS.has(t.lower) || LEADER_NOUNS.has(t.lower) || TITLE_WORDS.has(t.lower)) continue;
    // "for the first time in three years", "ended a three-year absence from Belarus", "took place in August": the
    // noun is the event's.
    if (/^(time|times|absence|hiatus|gap)$/.test(t.lower) || (t.lower === 'place' && s.tokens[k - 1]?.lemma === 'take')) continue;
    // "set foot in": the noun is the verb's; "Lukashenko lands at …", tagged a noun, is the verb itself.
    if (anchors.some((a) => (a.at === k - 1 && a.type === 'verb') || a.at === k)) continue;
    // Inside an event noun's own phrase ("trade agreements", "the state visit") a noun modifies the event.
    const next = order[j + 1];
    if (next === undefined) continue;
    // "the first phase scheduled for December 28": a participle and its phrases describe the noun.
    const nt = s.tokens[next];
    if (nt.pos === 'VERB' && nt.lower !== nt.lemma && !/(ing|s)$/.test(nt.lower) && s.unitOf[next] < 0) {
      const end = phraseChainEnd(s, order, j + 2);
      for (let m = j + 1; m < end; m++) if (owners.get(order[m]) === primary) owners.set(order[m], -1);
      continue;
    }
    if (!isPreposition(s, next)) continue;
    const lower = s.tokens[next].lower;
    if (lower === 'since' || lower === 'after' || lower === 'before' || lower === 'during' || lower === 'with' || lower === 'between') continue;
    const end = phraseChainEnd(s, order, j + 1);
    for (let m = j + 1; m < end; m++) owners.set(order[m], -1);
  }
  // "after meetings in Sochi in late May", "before the talks in Moscow": another event's words. A named event there
  // stays readable ("the first foreign leader after the coup"), as -2.
  for (let j = 0; j < order.length; j++) {
    const k = order[j];
    if (!isPreposition(s, k) || !/^(after|before|following|amid|ahead|unlike|besides)$/.test(s.tokens[k].lower)) continue;
    const end = phraseChainEnd(s, order, j + 1 < order.length && s.tokens[order[j + 1]].lower === 'of' ? j + 1 : j, true);
    for (let m = j + 1; m < end; m++) {
      const owner = owners.get(order[m])!;
      // Another event named there by a noun keeps its own phrase ("after Lukashenko's state visit to Beijing in …").
      if (owner !== primary || (s.unitOf[order[m]] >= 0 && s.units[s.unitOf[order[m]]].kind === 'event')) continue;
      owners.set(order[m], -1);
    }
  }
  return owners;
}

/**
 * The extent of an event noun's phrase in clause order, [from, to): its determiners, possessor, numbers and modifiers
 * before it, and the chain of prepositional phrases after it.
 */
export function nounPhrase(s: Sentence, order: number[], at: number): [number, number] {
  let from = at;
  while (from > 0) {
    const k = order[from - 1];
    const t = s.tokens[k];
    const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
    if (u && u.kind !== 'date' && u.kind !== 'duration' && u.kind !== 'money') {
      from = order.indexOf(u.from);
      if (from < 0) break;
      continue;
    }
    if (u) {
      // "the December trip", "the 2023 visit": a date just before the noun is the event's.
      from = order.indexOf(u.from);
      if (from < 0) break;
      continue;
    }
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.lower === 'working' || (t.pos === 'PART' && /^('s|’s|'|’)$/.test(t.lower)) || t.pos === 'PROPN' || (t.pos === 'NOUN' && !EVENT_NOUNS.has(t.lower)) || t.pos === 'ADV' || t.text === '-' || t.lower === 'his' || t.lower === 'their' || t.lower === 'her') {
      from--;
      continue;
    }
    break;
  }
  return [from, phraseChainEnd(s, order, at + 1)];
}

/**
 * Where a chain of prepositional phrases starting at order[at] ends (exclusive). `other`: the chain is another
 * event's ("after meetings in Sochi in late May and in St Petersburg in July"), so it takes its own after/before too.
 */
export function phraseChainEnd(s: Sentence, order: number[], at: number, other = false): number {
  let j = at;
  while (j < order.length) {
    const k = order[j];
    // "… in late May and in St Petersburg in July": the chain goes on after "and" when a phrase follows.
    if (other && s.tokens[k].pos === 'CCONJ' && order[j + 1] !== undefined && isPreposition(s, order[j + 1])) {
      j++;
      continue;
    }
    if (!isPreposition(s, k)) break;
    const lower = s.tokens[k].lower;
    // A phrase of another event or time is not part of this one.
    if (!other && (lower === 'after' || lower === 'before' || lower === 'amid' || lower === 'following' || lower === 'as' || lower === 'than')) break;
    j++;
    // The phrase's noun phrase: up to its head, a unit or a noun.
    let sawHead = false;
    while (j < order.length) {
      const m = order[j];
      const t = s.tokens[m];
      const u = s.unitOf[m] >= 0 ? s.units[s.unitOf[m]] : undefined;
      if (u) {
        sawHead = true;
        j = Math.max(j + 1, order.indexOf(u.to - 1) + 1);
        // "Minsk, Belarus": a place and its country, one head.
        continue;
      }
      if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.lower === 'working' || t.pos === 'PROPN' || (t.pos === 'PART' && /^('s|’s)$/.test(t.lower)) || t.lower === 'his' || t.lower === 'their' || t.lower === 'her' || t.lower === 'its') {
        j++;
        continue;
      }
      if (t.pos === 'NOUN') {
        sawHead = true;
        j++;
        continue;
      }
      if (t.pos === 'CCONJ' && sawHead && s.tokens[order[j + 1]] && !['VERB', 'AUX'].includes(s.tokens[order[j + 1]].pos)) {
        j++;
        continue;
      }
      break;
    }
    if (!sawHead) break;
  }
  return j;
}
