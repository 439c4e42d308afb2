// One sentence as the claim reader sees it: wink's tokens, with the spans that act as one word laid over them —
// names the dataset knows, dates, durations, numbers, amounts, pronouns, groups and names it does not know.

import type { EntityHit, FactIndex } from '../facts/index';
import { findDates, type DateExpr, type Tense } from '../dates/expressions';
import { relativeDates } from '../dates/relative';
import { tag, type Token } from '../nlp/tagger';
import { cardinalValue, ordinalValue } from './numbers';
import { FIRST_PERSON, LEADER_NOUNS, PAIR_PRONOUNS, PERSON_PRONOUNS, PLACE_NOUNS, REPORTING_VERBS } from './lexicon';
import { durationAt, groupAt, leaderAt, moneyAt } from './units';

export type UnitKind =
  | 'person' | 'place' | 'event' | 'date' | 'duration' | 'ordinal' | 'cardinal' | 'times' | 'money'
  | 'pronoun' | 'pair' | 'counterpart' | 'group' | 'anaphor' | 'demonym' | 'unknown';

export interface Duration { years: number; qualifier: 'more' | 'less' | 'about' | 'almost'; unit: 'day' | 'week' | 'month' | 'year' | 'decade' | 'hour'; n: number }

/** A span of tokens that acts as one word. */
export interface Unit {
  kind: UnitKind;
  /** Tokens [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
  /** A person, place, event or group id; a country id for demonyms. */
  id?: string;
  epithet?: boolean;
  /** The date's readings by tense: a month without a year lies back or ahead of the reference date. */
  dates?: Record<Tense, DateExpr>;
  duration?: Duration;
  value?: number;
  /** "the country", "the capital", "there". */
  noun?: 'country' | 'capital' | 'there';
  /** Followed by "'s": "Lukashenko's", "Iran's". */
  possessive?: boolean;
  /** For "the Belarusian strongman": the country the person must be of. */
  country?: string;
  /** For a place: the places it lies in (its city, its country). */
  within?: string[];
}

export interface Sentence {
  text: string;
  tokens: Token[];
  units: Unit[];
  /** For each token, the index of the unit it is in, or -1. */
  unitOf: number[];
}

/** Reads one sentence. Dates resolve against `ref`. `hits`: its names, when the caller has found them already. */
export function readSentence(text: string, ref: string, index: FactIndex, hits: EntityHit[] = index.findEntities(text)): Sentence {
  const tokens = tag(text);
  const units: Unit[] = [];
  const unitOf: number[] = new Array(tokens.length).fill(-1);
  const s: Sentence = { text, tokens, units, unitOf };
  const free = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (unitOf[k] >= 0) return false;
    return from < to;
  };
  const add = (u: Omit<Unit, 'start' | 'end' | 'text'>): Unit | undefined => {
    if (!free(u.from, u.to)) return undefined;
    const unit: Unit = { ...u, start: tokens[u.from].start, end: tokens[u.to - 1].end, text: text.slice(tokens[u.from].start, tokens[u.to - 1].end) };
    for (let k = u.from; k < u.to; k++) unitOf[k] = units.length;
    units.push(unit);
    return unit;
  };
  /** The tokens [from, to) that a character span covers. */
  const tokenSpan = (start: number, end: number): [number, number] => {
    let from = -1;
    let to = -1;
    for (let k = 0; k < tokens.length; k++) {
      if (tokens[k].end > start && tokens[k].start < end) {
        if (from < 0) from = k;
        to = k + 1;
      }
    }
    return [from, to];
  };

  // Names the dataset knows. An epithet that is only a common phrase inside a longer name is still a name.
  for (const h of hits) {
    const [from, to] = tokenSpan(h.start, h.end);
    if (from < 0) continue;
    const within = h.kind === 'place' ? index.dataset.places.filter((p) => p.id !== h.id && index.within(h.id, p.id)).map((p) => p.id) : undefined;
    add({ kind: h.kind, id: h.id, from, to, epithet: h.epithet, possessive: isPossessive(tokens, to), within });
  }

  // "'This is my first visit to China,' Lukashenko told reporters": in a quote, "I" and "my" are its speaker.
  const quotedTokens = quoted(text, tokens);
  const speaker = speakerOf(tokens, quotedTokens, units);
  if (speaker) {
    for (let i = 0; i < tokens.length; i++) {
      if (FIRST_PERSON.has(tokens[i].lower) && tokens[i].pos === 'PRON' && quotedTokens[i]) add({ kind: speaker.kind, id: speaker.id, from: i, to: i + 1, possessive: tokens[i].lower === 'my' });
    }
  }

  // Dates, read once for each tense; the clause a date is in says which reading holds. A timeline's label ("December
  // 2022: Putin visits Minsk on Dec. 12") gives the year of the dates after it.
  const label = /^\s*(.{3,40}?\d{4})\s*[:—–]/.exec(text);
  const labelDate = label ? findDates(label[1], ref).find((d) => d.style.withYear) : undefined;
  const local = labelDate ? labelDate.to : ref;
  const byTense = {} as Record<Tense, DateExpr[]>;
  for (const t of ['past', 'present', 'future'] as Tense[]) byTense[t] = findDates(text, local, t);
  // "February 20 last year", "in March this year": the relative year gives the date its year.
  for (const t of ['past', 'present', 'future'] as Tense[]) byTense[t] = yearFromFollowing(text, byTense[t]);
  const relative = relativeDates(text, ref);
  const all = [...relative, ...byTense.present.filter((d) => !relative.some((r) => d.start < r.end && r.start < d.end))];
  for (const d of all) {
    const [from, to] = tokenSpan(d.start, d.end);
    if (from < 0) continue;
    const twin = (t: Tense) => (d.ago || d.relative === undefined ? byTense[t].find((x) => x.start === d.start && x.end === d.end) : undefined) ?? d;
    add({ kind: 'date', from, to, dates: { past: twin('past'), present: d, future: twin('future') } });
  }

  for (let i = 0; i < tokens.length; i++) {
    if (unitOf[i] >= 0) continue;
    const t = tokens[i];
    const next = tokens[i + 1];
    // Durations: "more than three years", "18 months", "three and a half years", "half an hour".
    const dur = durationAt(tokens, i);
    if (dur && free(i, dur.to)) {
      add({ kind: 'duration', from: i, to: dur.to, duration: dur.duration });
      i = dur.to - 1;
      continue;
    }
    // Money: "$3.56 billion", "$5bn", "3 billion dollars".
    const money = moneyAt(tokens, i);
    if (money && free(i, money.to)) {
      add({ kind: 'money', from: i, to: money.to, value: money.value });
      i = money.to - 1;
      continue;
    }
    // "three times", "twice", "once".
    if (/^(once|twice|thrice)$/.test(t.lower)) {
      add({ kind: 'times', from: i, to: i + 1, value: cardinalValue(t.lower) });
      continue;
    }
    const n = cardinalValue(t.lower);
    if (n !== undefined && next && (next.lower === 'times' || next.lower === 'time') && n > 1) {
      add({ kind: 'times', from: i, to: i + 2, value: n });
      i++;
      continue;
    }
    // "second-ever", "2nd", "third".
    const o = ordinalValue(t.lower) ?? (/^(\w+)-ever$/.test(t.lower) ? ordinalValue(t.lower.slice(0, -5)) : undefined);
    // "First Vice-President", "First Deputy Prime Minister": a title, not a count.
    if (o !== undefined && next && /^(vice|deputy)/.test(next.lower)) continue;
    if (o !== undefined) {
      const ever = next?.text === '-' && tokens[i + 2]?.lower === 'ever' ? 3 : 1;
      add({ kind: 'ordinal', from: i, to: i + ever, value: o });
      i += ever - 1;
      continue;
    }
    if (n !== undefined && t.pos === 'NUM') {
      add({ kind: 'cardinal', from: i, to: i + 1, value: n });
      continue;
    }
    if (n !== undefined && (t.lower === 'two' || t.lower === 'three' || t.lower === 'four' || t.lower === 'five')) {
      add({ kind: 'cardinal', from: i, to: i + 1, value: n });
      continue;
    }
    // People by pronoun.
    if (PERSON_PRONOUNS.has(t.lower) && t.pos === 'PRON') {
      add({ kind: 'pronoun', from: i, to: i + 1, possessive: t.lower === 'his' || t.lower === 'her' });
      continue;
    }
    if (PAIR_PRONOUNS.has(t.lower) && t.pos === 'PRON') {
      add({ kind: 'pair', from: i, to: i + 1, possessive: t.lower === 'their' });
      continue;
    }
    // "the two leaders", "the two", "both leaders", "both men", "the pair".
    if (t.lower === 'the' && next?.lower === 'two') {
      const noun = tokens[i + 2];
      const to = noun && LEADER_NOUNS.has(noun.lower) ? i + 3 : noun && (noun.pos === 'ADJ' || noun.pos === 'PROPN') && tokens[i + 3] && LEADER_NOUNS.has(tokens[i + 3].lower) ? i + 4 : i + 2;
      add({ kind: 'pair', from: i, to, possessive: isPossessive(tokens, to) });
      i = to - 1;
      continue;
    }
    // "the leaders", "the presidents", "the two sides" with no one else: the two the draft speaks of.
    if (t.lower === 'the' && next && /^(leaders|presidents|sides)$/.test(next.lower) && tokens[i + 2]?.lower !== 'of') {
      add({ kind: 'pair', from: i, to: i + 2, possessive: isPossessive(tokens, i + 2) });
      i++;
      continue;
    }
    if (t.lower === 'both' && next && LEADER_NOUNS.has(next.lower)) {
      add({ kind: 'pair', from: i, to: i + 2 });
      i++;
      continue;
    }
    if ((t.lower === 'counterpart' || t.lower === 'host') && i > 0 && (tokens[i - 1].lower === 'his' || tokens[i - 1].lower === 'their' || tokens[i - 1].pos === 'ADJ' || tokens[i - 1].pos === 'PROPN')) {
      add({ kind: 'counterpart', from: i, to: i + 1 });
      continue;
    }
    // Groups: "a foreign leader", "any European leader", "the first world leader", "heads of state".
    const group = groupAt(tokens, i, index);
    if (group && free(i, group.to)) {
      add({ kind: 'group', from: i, to: group.to, id: group.id });
      i = group.to - 1;
      continue;
    }
    // "the Belarusian strongman", "the veteran leader", "the Kremlin chief": whoever the draft speaks of (of that
    // country, when it says which).
    const leader = leaderAt(tokens, units, unitOf, i, index);
    if (leader) {
      add({ kind: 'pronoun', from: i, to: leader.to, country: leader.country, possessive: isPossessive(tokens, leader.to) });
      i = leader.to - 1;
      continue;
    }
    // "the country", "the capital", "the Southeast Asian nation"; "there" as a place (not "there is").
    if (t.lower === 'the' || t.lower === 'this') {
      let k = i + 1;
      while (k < tokens.length && k < i + 4 && (tokens[k].pos === 'ADJ' || tokens[k].pos === 'PROPN') && unitOf[k] < 0) k++;
      const noun = tokens[k];
      if (noun && PLACE_NOUNS.has(noun.lower) && noun.pos === 'NOUN' && free(i, k + 1) && tokens[k + 1]?.lower !== 'of') {
        add({ kind: 'anaphor', from: i, to: k + 1, noun: noun.lower === 'capital' || noun.lower === 'city' ? 'capital' : 'country' });
        i = k;
        continue;
      }
    }
    if (t.lower === 'there' && (t.pos === 'ADV' || (t.pos === 'PRON' && i > 0 && tokens[i - 1].pos === 'VERB')) && !(next && (next.lemma === 'be' || next.pos === 'AUX'))) {
      add({ kind: 'anaphor', from: i, to: i + 1, noun: 'there' });
      continue;
    }
    const country = index.countryByDemonym(t.text);
    if (country) {
      add({ kind: 'demonym', from: i, to: i + 1, id: country.id });
      continue;
    }
  }

  // A first name the dataset does not spell ("Oleksandr Lukashenko") is part of the name it knows.
  for (const u of units) {
    if (u.kind !== 'person') continue;
    let from = u.from;
    while (from > 0 && unitOf[from - 1] < 0 && isName(tokens[from - 1]) && tokens[from - 1].end + 1 >= tokens[from].start) from--;
    if (from === u.from) continue;
    for (let k = from; k < u.from; k++) unitOf[k] = unitOf[u.from];
    u.from = from;
    u.start = tokens[from].start;
    u.text = text.slice(u.start, u.end);
  }

  // Names the dataset does not know: runs of capitalised proper nouns.
  for (let i = 0; i < tokens.length; i++) {
    if (unitOf[i] >= 0 || !isName(tokens[i])) continue;
    let j = i;
    while (j < tokens.length && unitOf[j] < 0 && (isName(tokens[j]) || (tokens[j].text === '-' && j + 1 < tokens.length && isName(tokens[j + 1])))) j++;
    if (j === i) continue;
    // "Joint press conference", "Russian-Belarusian talks": a capitalised first word before a common noun is no name.
    // So is one at the start of a table cell or after a label's colon ("| March 2023 | Trade agreements worth …").
    const starts = i === 0 || /^[;:|—–(]$/.test(tokens[i - 1].text) || (tokens[i - 1].pos === 'SYM' && /^\*+$/.test(tokens[i - 1].text));
    if (starts && j === i + 1 && tokens[j] && tokens[j].pos !== 'VERB' && tokens[j].pos !== 'AUX' && /^\p{Ll}/u.test(tokens[j].text)) continue;
    add({ kind: 'unknown', from: i, to: j, possessive: isPossessive(tokens, j) });
    i = j - 1;
  }
  return s;
}

/** The one person a sentence's quote is said by: named outside the quote, beside a verb of saying. */
function speakerOf(tokens: Token[], inQuote: boolean[], units: Unit[]): Unit | undefined {
  if (!inQuote.some(Boolean)) return undefined;
  const people = units.filter((u) => u.kind === 'person' && !inQuote[u.from]);
  // '"I have not been to Moscow since 2019," he said': the draft's subject.
  const pronouns = tokens.map((t, k) => ({ t, k })).filter(({ t, k }) => PERSON_PRONOUNS.has(t.lower) && t.pos === 'PRON' && !inQuote[k]);
  if (people.length + pronouns.length !== 1) return undefined;
  const p = people[0] ?? ({ kind: 'pronoun', from: pronouns[0].k, to: pronouns[0].k + 1 } as Unit);
  for (let k = Math.max(0, p.from - 3); k < Math.min(tokens.length, p.to + 3); k++) if (REPORTING_VERBS.has(tokens[k].lemma) && !inQuote[k]) return p;
  return undefined;
}

/** For each token, whether it lies inside quotation marks (curly or straight). */
function quoted(text: string, tokens: Token[]): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  let at = 0;
  for (const t of tokens) {
    for (; at < t.start; at++) {
      const c = text[at];
      if (c === '“') open = true;
      else if (c === '”') open = false;
      else if (c === '"') open = !open;
    }
    const c = t.text;
    if (c === '“' || c === '”' || c === '"') {
      open = c === '“' || (c === '"' && !open);
      at = t.end;
      inside.push(false);
      continue;
    }
    inside.push(open);
    at = Math.max(at, t.end);
  }
  return inside;
}

function yearFromFollowing(text: string, dates: DateExpr[]): DateExpr[] {
  const out: DateExpr[] = [];
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    const next = dates[i + 1];
    if (next && next.relative && next.relative !== 'that-year' && !d.style.withYear && d.precision !== 'year' && /^\s*,?\s*$/.test(text.slice(d.end, next.start))) {
      const y = next.from.slice(0, 4);
      out.push({ ...d, end: next.end, text: text.slice(d.start, next.end), from: y + d.from.slice(4), to: y + d.to.slice(4), style: { ...d.style, withYear: true } });
      i++;
      continue;
    }
    out.push(d);
  }
  return out;
}

/** Words that are capitalised but name nothing: titles, months, days, words of address. */
const NOT_NAMES = new Set([
  'president', 'prime', 'minister', 'premier', 'chancellor', 'vice-president', 'vice', 'first', 'supreme', 'leader', 'speaker', 'general', 'senior', 'secretary', 'foreign', 'state', 'department',
  'mr', 'mrs', 'ms', 'dr', 'ayatollah', 'king', 'queen', 'emir', 'sultan', 'head', 'chief', 'spokesperson', 'spokesman', 'spokeswoman', 'self-proclaimed', 'former', 'then', 'acting', 'interim',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'update', 'details', 'source', 'photo', 'image', 'watch', 'read', 'more', 'breaking', 'exclusive', 'analysis', 'opinion',
]);

function isName(t: Token): boolean {
  return t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text) && !NOT_NAMES.has(t.lower.replace(/\.$/, ''));
}

function isPossessive(tokens: Token[], at: number): boolean {
  const t = tokens[at];
  return !!t && (t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’');
}
