// Where clauses begin and end: which commas cut (not those of "Minsk, Belarus" or of a list), which words open a
// clause (relative pronouns, subordinators before a verb, "that", "to" before a verb, "and" before a verb), where a
// reported clause starts, and what a relative pronoun describes.

import type { Sentence } from './sentence';
import type { Token } from '../nlp/tagger';
import { LEADER_NOUNS, REPORTING_VERBS, RELATIVES, SUBORDINATORS, TITLE_WORDS } from './lexicon';

export function isFiniteStart(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (t.pos === 'AUX') return !(tokens[i - 1]?.lower === 'to');
  if (t.pos !== 'VERB') return false;
  if (tokens[i - 1]?.lower === 'to' || tokens[i - 1]?.pos === 'AUX') return false;
  return !t.lower.endsWith('ing');
}

export function isVerbLike(t: Token | undefined): boolean {
  return !!t && (t.pos === 'VERB' || t.pos === 'AUX');
}

/** Whether a finite verb comes before the next comma, boundary or end, from token i on. */
export function finiteAhead(s: Sentence, i: number, end: number): boolean {
  for (let k = i; k < end; k++) {
    const t = s.tokens[k];
    if (t.text === ',' || isHardBoundary(s, k)) return false;
    // An event named by a verb ("seized power", "invaded") is still a verb.
    if (s.unitOf[k] >= 0 && s.units[s.unitOf[k]].kind !== 'event') continue;
    if (isFiniteStart(s.tokens, k)) return true;
  }
  return false;
}

export function isHardBoundary(s: Sentence, k: number): boolean {
  const t = s.tokens[k];
  if (t.pos !== 'PUNCT' && t.pos !== 'SYM') return false;
  if (t.text === ';' || t.text === '—' || t.text === '–' || t.text === '(' || t.text === ')' || t.text === '[' || t.text === ']') {
    // A dash between two numbers or dates is a range: "February 28–March 2".
    if ((t.text === '–' || t.text === '—') && s.unitOf[k - 1] >= 0 && s.unitOf[k + 1] >= 0 && s.units[s.unitOf[k - 1]].kind === 'date') return false;
    // "the Lukashenko–Xi meeting": a dash set tight between two names pairs them.
    if (t.text === '–' && s.tokens[k - 1]?.end === t.start && s.tokens[k + 1]?.start === t.end && s.unitOf[k - 1] >= 0 && s.unitOf[k + 1] >= 0 && s.units[s.unitOf[k - 1]].kind === 'person' && s.units[s.unitOf[k + 1]].kind === 'person') return false;
    return true;
  }
  if (t.text === ':' && !/^\d/.test(s.tokens[k + 1]?.text ?? '')) return true;
  // " - " with spaces is a dash; "28-March" is not.
  if (t.text === '-' && k > 0 && s.tokens[k - 1].end < t.start && s.tokens[k + 1] && t.end < s.tokens[k + 1].start) return true;
  return false;
}

/**
 * Commas that are not clause breaks: inside a place written with its country ("Minsk, Belarus, on …"), after a
 * name set beside a title ("Lukashenko, the Belarusian leader, …" keeps the commas, but they cut no clause).
 */
export function softCommas(s: Sentence): Set<number> {
  const soft = new Set<number>();
  const { tokens, unitOf, units } = s;
  for (let k = 1; k + 1 < tokens.length; k++) {
    if (tokens[k].text !== ',') continue;
    const before = unitOf[k - 1] >= 0 ? units[unitOf[k - 1]] : undefined;
    const after = unitOf[k + 1] >= 0 ? units[unitOf[k + 1]] : undefined;
    if (before?.kind === 'place' && after?.kind === 'place') {
      soft.add(k);
      if (tokens[after.to]?.text === ',') soft.add(after.to);
    }
    // "on Sunday, December 3": a weekday and its date.
    if (before?.kind === 'date' && after?.kind === 'date') soft.add(k);
    // "discussed financial support for Belarus, the Ryanair flight incident and help for …": a list of noun phrases.
    if (isListComma(s, k)) soft.add(k);
    // "the country's military ruler, Min Aung Hlaing": a role and the name it describes.
    if ((after?.kind === 'person' || after?.kind === 'unknown') && !before && (LEADER_NOUNS.has(tokens[k - 1].lower) || TITLE_WORDS.has(tokens[k - 1].lower))) {
      soft.add(k);
      if (tokens[after.to]?.text === ',') soft.add(after.to);
    }
  }
  return soft;
}

/**
 * Whether the comma at k separates items of a list of noun phrases: what follows it runs, without a verb, to "and" or
 * "or" and one more noun phrase, and what comes before it is a noun.
 */
export function isListComma(s: Sentence, k: number): boolean {
  const { tokens } = s;
  const prev = tokens[k - 1];
  if (!prev || !(prev.pos === 'NOUN' || prev.pos === 'PROPN' || s.unitOf[k - 1] >= 0)) return false;
  let j = k + 1;
  let words = 0;
  for (; j < tokens.length && words < 8; j++, words++) {
    const t = tokens[j];
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || RELATIVES.has(t.lower)) return false;
    if (t.text === ',') return words > 0 && isListComma(s, j);
    if (t.pos === 'CCONJ') break;
    if (t.pos === 'PUNCT') return false;
  }
  if (tokens[j]?.pos !== 'CCONJ' || words === 0) return false;
  // After "and": a noun phrase, not a clause ("…, the talks ended and Putin left").
  for (let m = j + 1; m < tokens.length && m < j + 8; m++) {
    const t = tokens[m];
    if (t.pos === 'VERB' || t.pos === 'AUX') return false;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || s.unitOf[m] >= 0) return true;
  }
  return false;
}

/** Whether token k opens a clause: a relative pronoun, a subordinator before a verb, "to" before a verb, "and" before a verb. */
export function isClauseOpener(s: Sentence, k: number, end: number): boolean {
  const t = s.tokens[k];
  const next = s.tokens[k + 1];
  const lower = t.lower;
  if (RELATIVES.has(lower) && (t.pos === 'PRON' || t.pos === 'DET') && k > 0) return true;
  if ((lower === 'where' || lower === 'when') && k > 0 && (s.tokens[k - 1].text === ',' || s.unitOf[k - 1] >= 0)) return true;
  if (lower === 'that' && t.pos !== 'DET' && next && (finiteAhead(s, k + 1, end) || next.pos === 'PRON' || next.pos === 'DET' || next.pos === 'PROPN')) return k > 0 && finiteAhead(s, k + 1, end);
  // "focused on how both countries could blunt …": a question set inside the sentence.
  if ((lower === 'how' || lower === 'whether' || lower === 'why') && k > 0) return finiteAhead(s, k + 1, end);
  if (SUBORDINATORS.has(lower) && (t.pos === 'SCONJ' || t.pos === 'ADP' || t.pos === 'ADV')) {
    if (lower === 'ahead' || lower === 'amid' || lower === 'following') return false;
    // "after having landed", "before meeting": a clause without a finite verb.
    if (next && next.pos === 'VERB' && next.lower.endsWith('ing')) return true;
    if (next?.lower === 'having') return true;
    if (lower === 'as' && !(next && (next.pos === 'PRON' || next.pos === 'PROPN' || next.pos === 'DET'))) return false;
    // "His last visit before this one was in January": "before this one" qualifies the noun, and the verb after it is
    // the sentence's own, when nothing before has one.
    if ((lower === 'before' || lower === 'after') && /^(this|that|the)$/.test(next?.lower ?? '') && /^(one|trip|visit|meeting)$/.test(s.tokens[k + 2]?.lower ?? '') && (s.tokens[k + 3]?.pos === 'AUX' || s.tokens[k + 3]?.pos === 'VERB') && !s.tokens.slice(0, k).some((x, i) => (x.pos === 'VERB' || x.pos === 'AUX') && s.unitOf[i] < 0)) return false;
    return finiteAhead(s, k + 1, end);
  }
  if (lower === 'to' && t.pos === 'PART' && next && next.pos === 'VERB') return true;
  if (t.pos === 'CCONJ' && (lower === 'and' || lower === 'but')) {
    let j = k + 1;
    while (s.tokens[j] && s.tokens[j].pos === 'ADV') j++;
    if (isVerbLike(s.tokens[j]) && s.tokens[j].lower !== 'including') return true;
    return startsWithSubject(s, k + 1, end) && finiteAhead(s, k + 1, end);
  }
  return false;
}

/** Whether a subject noun phrase and then a finite verb start at token i: "and Xi said …", not "and Xi". */
export function startsWithSubject(s: Sentence, i: number, end: number): boolean {
  let k = i;
  const t = s.tokens[k];
  if (!t) return false;
  if (t.pos === 'PRON' && t.lower !== 'it' ? true : t.pos === 'PRON') {
    return isFiniteStart(s.tokens, k + 1) || s.tokens[k + 1]?.pos === 'ADV' && isFiniteStart(s.tokens, k + 2);
  }
  // A noun phrase: determiners, adjectives, nouns, names (a unit counts as one word).
  let words = 0;
  while (k < end) {
    const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
    if (u) {
      k = u.to;
      words++;
      continue;
    }
    const p = s.tokens[k].pos;
    if (p === 'DET' || p === 'ADJ' || p === 'NOUN' || p === 'PROPN' || p === 'NUM' || (p === 'PART' && /'s|’s/.test(s.tokens[k].lower))) {
      k++;
      words++;
      continue;
    }
    break;
  }
  if (words === 0) return false;
  while (s.tokens[k]?.pos === 'ADV') k++;
  return isFiniteStart(s.tokens, k);
}

/**
 * The token a relative pronoun at k describes: the nearest noun or name before it, or the name a role is set beside
 * ("Hun Sen, then Cambodia's prime minister, who visited …").
 */
export function antecedentOf(s: Sentence, k: number): number | undefined {
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const t = s.tokens[j];
    if (t.text === ',') continue;
    if (s.unitOf[j] >= 0) return s.units[s.unitOf[j]].from;
    if ((LEADER_NOUNS.has(t.lower) || TITLE_WORDS.has(t.lower)) && s.tokens[k - 1]?.text === ',') {
      for (let m = j - 1; m >= 0 && m >= j - 8 && s.tokens[m].pos !== 'VERB'; m--) {
        const u = s.unitOf[m] >= 0 ? s.units[s.unitOf[m]] : undefined;
        if (u?.kind === 'person' && s.tokens[u.to]?.text === ',') return u.from;
      }
    }
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') return j;
  }
  return undefined;
}

/**
 * ", the Kremlin said", ", state media reported Friday", ", according to BelTA": a noun phrase and a reporting verb
 * after a comma, with nothing but adverbs, dates and short phrases after it. Returns the verb's index.
 */
export function reportingTail(s: Sentence, i: number, end: number): number | undefined {
  const { tokens } = s;
  if (tokens[i]?.lower === 'according' && tokens[i + 1]?.lower === 'to') return i;
  if (tokens[i]?.lower === 'citing') return i;
  // The tail starts with who reports: not "which the council announced" (a relative clause), not "he said" (a clause).
  if (!tokens[i] || RELATIVES.has(tokens[i].lower) || SUBORDINATORS.has(tokens[i].lower) || tokens[i].pos === 'VERB' || tokens[i].pos === 'AUX') return undefined;
  for (let k = i; k < end && k < i + 7; k++) {
    const t = tokens[k];
    if (t.pos === 'VERB' && REPORTING_VERBS.has(t.lemma)) {
      if (k === i) return undefined;
      // What follows the verb must not start a new clause of its own ("…, he said he would …" is still a report).
      return k;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' && t.lemma !== 'have' || t.text === ',') return undefined;
  }
  return undefined;
}

/**
 * Where the reported clause starts after a reporting verb at i - 1: after an optional time or phrase ("said on
 * Wednesday", "told reporters", "said in a statement"), a subject and a finite verb. Undefined when none follows.
 */
export function bareComplementStart(s: Sentence, i: number, end: number): number | undefined {
  let k = i;
  // Skip the saying's own adjuncts: "on Wednesday", "in a statement", "reporters", "Sunday".
  for (let guard = 0; guard < 3 && k < end; guard++) {
    const t = s.tokens[k];
    const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
    if (u?.kind === 'date') {
      k = u.to;
      continue;
    }
    if ((t.lower === 'on' || t.lower === 'in' || t.lower === 'at') && s.unitOf[k + 1] >= 0 && s.units[s.unitOf[k + 1]].kind === 'date') {
      k = s.units[s.unitOf[k + 1]].to;
      continue;
    }
    if (t.lower === 'in' && s.tokens[k + 1]?.pos === 'DET' && s.tokens[k + 2]?.pos === 'NOUN') {
      k += 3;
      continue;
    }
    if (t.lower === 'reporters' || t.lower === 'journalists' || t.lower === 'media') {
      k++;
      continue;
    }
    break;
  }
  if (s.tokens[k]?.lower === 'that') return undefined;
  return startsWithSubject(s, k, end) ? k : undefined;
}
