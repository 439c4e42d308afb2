// Spans of words that act as one: durations ("more than three years", "a three-year absence"), money ("$3.56
// billion"), groups ("a foreign leader", "any European leader") and definite leader nouns ("the veteran leader").

import type { FactIndex } from '../facts/index';
import type { Token } from '../nlp/tagger';
import type { Duration, Unit } from './sentence';
import { amountWord } from '../dates/relative';
import { ordinalValue } from './numbers';
import { ANY_LEADER } from './lexicon';

export const QUALIFIERS: [string[], Duration['qualifier']][] = [
  [['more', 'than'], 'more'], [['over'], 'more'], [['just', 'over'], 'more'], [['at', 'least'], 'more'], [['upwards', 'of'], 'more'],
  [['nearly'], 'almost'], [['almost'], 'almost'], [['close', 'to'], 'almost'], [['less', 'than'], 'less'], [['under'], 'less'], [['just', 'under'], 'less'],
  [['about'], 'about'], [['around'], 'about'], [['some'], 'about'], [['roughly'], 'about'], [['approximately'], 'about'],
];
export const TIME_UNITS: Record<string, Duration['unit']> = { day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year', decade: 'decade', decades: 'decade', hour: 'hour', hours: 'hour' };
export const UNIT_YEARS: Record<Duration['unit'], number> = { day: 1 / 365.25, week: 7 / 365.25, month: 1 / 12, year: 1, decade: 10, hour: 1 / 8766 };
export const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, mn: 1e6, k: 1e3 };

/** "a three-year absence", "a two-and-a-half-year absence": a duration written as the adjective of a gap. */
export function hyphenatedGap(tokens: Token[], i: number): { to: number; duration: Duration } | undefined {
  const n = amountWord(tokens[i]?.lower ?? '') ?? (/^\d+$/.test(tokens[i]?.lower ?? '') ? +tokens[i].lower : undefined);
  if (n === undefined || tokens[i + 1]?.text !== '-') return undefined;
  let k = i + 2;
  let value = n;
  if (tokens[k]?.lower === 'and' && tokens[k + 2]?.lower === 'a' && tokens[k + 4]?.lower === 'half') {
    value += 0.5;
    k += 6;
  }
  const unit = TIME_UNITS[tokens[k]?.lower ?? ''];
  if (!unit || unit === 'hour' || !/^(absence|gap|hiatus|break|pause|interval)$/.test(tokens[k + 1]?.lower ?? '')) return undefined;
  return { to: k + 1, duration: { years: value * UNIT_YEARS[unit], qualifier: 'about', unit, n: value } };
}

/** Words a duration can start with: qualifiers, numbers, "a"/"an", "half". */
const DURATION_START = new Set([...QUALIFIERS.map(([w]) => w[0]), 'a', 'an', 'half', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty']);

export function durationAt(tokens: Token[], i: number): { to: number; duration: Duration } | undefined {
  if (!DURATION_START.has(tokens[i].lower) && !/^\d/.test(tokens[i].lower)) return undefined;
  const gap = hyphenatedGap(tokens, i);
  if (gap) return gap;
  let k = i;
  let qualifier: Duration['qualifier'] = 'about';
  let qualified = false;
  for (const [words, q] of QUALIFIERS) {
    if (words.every((w, j) => tokens[k + j]?.lower === w)) {
      qualifier = q;
      k += words.length;
      qualified = true;
      break;
    }
  }
  let n: number | undefined;
  if (tokens[k]?.lower === 'half' && (tokens[k + 1]?.lower === 'an' || tokens[k + 1]?.lower === 'a')) {
    n = 0.5;
    k += 2;
  } else {
    const w = tokens[k]?.lower;
    n = w === undefined ? undefined : /^\d+(\.\d+)?$/.test(w) ? +w : amountWord(w);
    if (n === undefined) return undefined;
    k++;
    if (tokens[k]?.lower === 'and' && tokens[k + 1]?.lower === 'a' && tokens[k + 2]?.lower === 'half') {
      n += 0.5;
      k += 3;
    }
    if (tokens[k]?.lower === 'and' && tokens[k + 1]?.lower === 'a' && tokens[k + 2]?.lower === 'half') k += 3;
  }
  const unitWord = tokens[k]?.lower;
  const unit = unitWord ? TIME_UNITS[unitWord] : undefined;
  if (!unit) return undefined;
  // "a one-day visit", "a two-day trip": hyphenated, an adjective. "a year" alone is a duration only after "for",
  // "in", "over", "after" or "within".
  if (tokens[k - 1]?.text === '-') return undefined;
  if (n === 1 && !qualified && /^(a|an)$/.test(tokens[i].lower) && unit !== 'hour' && !/^(for|in|over|after|within)$/.test(tokens[i - 1]?.lower ?? '')) return undefined;
  if (tokens[k + 1]?.text === '-') return undefined;
  return { to: k + 1, duration: { years: n * UNIT_YEARS[unit], qualifier: qualified ? qualifier : 'about', unit, n } };
}

export function moneyAt(tokens: Token[], i: number): { to: number; value: number } | undefined {
  let k = i;
  const dollar = tokens[k]?.text === '$' || tokens[k]?.text === 'US$';
  if (dollar) k++;
  const num = tokens[k]?.text.replace(/,/g, '');
  if (!num || !/^\d+(\.\d+)?$/.test(num)) {
    // "$5bn": wink may keep the scale with the number.
    const m = num ? /^(\d+(?:\.\d+)?)(bn|m|mn|k)$/i.exec(num) : null;
    if (!dollar || !m) return undefined;
    return { to: k + 1, value: +m[1] * SCALE[m[2].toLowerCase()] };
  }
  let value = +num;
  k++;
  const scale = tokens[k]?.lower;
  if (scale && SCALE[scale] !== undefined && (scale.length > 2 || dollar)) {
    value *= SCALE[scale];
    k++;
  }
  if (!dollar) {
    if (tokens[k]?.lower !== 'dollars' && tokens[k]?.lower !== 'usd') return undefined;
    k++;
  }
  return { to: k, value };
}

export const ONE_LEADER = new Set(['leader', 'president', 'strongman', 'dictator', 'chief', 'ruler', 'autocrat', 'statesman', 'premier', 'head']);

/** "the veteran leader", "the Belarusian strongman", "the Kremlin chief": a definite leader noun, and its country. */
export function leaderAt(tokens: Token[], units: Unit[], unitOf: number[], i: number, index: FactIndex): { to: number; country?: string } | undefined {
  if (tokens[i].lower !== 'the' || unitOf[i] >= 0) return undefined;
  let country: string | undefined;
  let k = i + 1;
  for (; k < tokens.length && k <= i + 4; k++) {
    const u = unitOf[k] >= 0 ? units[unitOf[k]] : undefined;
    if (u?.kind === 'place') {
      country = index.countryOf(u.id!);
      k = u.to - 1;
      continue;
    }
    if (u) return undefined;
    const t = tokens[k];
    if (ONE_LEADER.has(t.lower) && t.pos !== 'VERB') break;
    const demonym = index.countryByDemonym(t.text);
    if (demonym) {
      country = demonym.id;
      continue;
    }
    // "the second foreign leader", "the first government leader": a group, counted, not a person.
    if (ordinalValue(t.lower) !== undefined || ANY_LEADER.has(t.lower) || /^(only|sole|last|next|new)$/.test(t.lower)) return undefined;
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN')) return undefined;
  }
  const noun = tokens[k];
  if (!noun || !ONE_LEADER.has(noun.lower)) return undefined;
  // "the leader of Belarus", "the head of state", "the president's office" stay what they are.
  const next = tokens[k + 1];
  if (next && (next.lower === 'of' || (noun.lower === 'head' && next.lower !== "'s"))) return undefined;
  return { to: k + 1, country };
}

/** "a foreign leader", "any European leader", "the first world leader", "Belarusian heads of state". */
export function groupAt(tokens: Token[], i: number, index: FactIndex): { to: number; id: string } | undefined {
  const adj = tokens[i];
  const noun = tokens[i + 1];
  if (!adj || !noun) return undefined;
  // "the second head of government to visit": any country's.
  if ((adj.lower === 'head' || adj.lower === 'heads') && noun.lower === 'of' && /^(state|government)$/.test(tokens[i + 2]?.lower ?? '')) return { to: i + 3, id: 'foreign-leader' };
  const headNoun = noun.lower === 'leader' || noun.lower === 'leaders' || noun.lower === 'statesman' || ((noun.lower === 'head' || noun.lower === 'heads') && tokens[i + 2]?.lower === 'of' && (tokens[i + 3]?.lower === 'state' || tokens[i + 3]?.lower === 'government'));
  if (!headNoun) return undefined;
  const to = noun.lower.startsWith('head') ? i + 4 : i + 2;
  const a = adj.lower;
  if (ANY_LEADER.has(a)) return { to, id: 'foreign-leader' };
  // "European leader": a group the dataset defines ("european-leader").
  if (index.hasGroup(`${a}-leader`)) return { to, id: `${a}-leader` };
  // "a Belarusian head of state", "the first Iranian leader": the country's leader, whoever that is then.
  const country = index.countryByDemonym(adj.text);
  if (country && noun.lower !== 'leaders' && noun.lower !== 'heads') return { to, id: `leader-of:${country.id}` };
  return undefined;
}
