// "Follows four earlier meetings between the two leaders", "has travelled to Beijing three times so far in 2023",
// "visited Minsk twice last year": how many such events there were, counted in a complete list up to the draft's
// date (or in the scope's year), without the event the draft reports when the count is of earlier ones.

import { dayNumber } from '../../dates/iso';
import { cardinalLike, cardinalWord, timesWord } from '../numbers';
import { CURRENT_EVENT_DAYS, REPORTING_DAYS } from '../facts';
import type { ResolvedFrame } from '../context';
import type { Facts } from '../facts';
import { frameShape, type Verdict } from './shape';

/**
 * Without a complete list, the known events are still a floor: "his only visit to Beijing last year" is refuted by two
 * known visits that year, whatever else the sources do not know.
 */
function lowerBound(c: ResolvedFrame, facts: Facts, from: string | undefined, until: string): Verdict {
  const n = c.frame.count!;
  if (!c.frame.scope || n.earlier) return undefined;
  const known = facts.candidates(c).filter((e) => e.status === 'done' && e.when.start >= from! && e.when.start <= until);
  if (known.length <= n.value) return undefined;
  return {
    code: 'count-mismatch',
    message: `The sources know of ${cardinalWord(known.length)} such ${c.frame.action === 'visit' ? 'visits' : 'meetings'} in ${from!.slice(0, 4)}, so not ${n.only ? 'only one' : cardinalWord(n.value)}: ${known.map((e) => `${e.label} (${e.when.text})`).join('; ')}.`,
    expected: `at least ${cardinalWord(known.length)}`,
    start: n.start,
    end: n.end,
    sources: facts.sourcesOf(known),
  };
}

export const count = frameShape('count', (c, s, facts) => {
  const f = c.frame;
  // Trips anywhere are counted in no source.
  if (f.anywhere) return undefined;
  const n = f.count;
  if (!n || f.ordinal || !c.who || c.group) return undefined;
  // "that year", "of the year": the year of the event the draft reports, when it has one.
  const thatYear = f.scope?.relative === 'that-year' ? facts.currentEvent(c, s.ref)?.when.start.slice(0, 4) : undefined;
  if (f.scope?.relative === 'that-year' && !thatYear) return undefined;
  const from = thatYear ? `${thatYear}-01-01` : f.scope?.from;
  const scopeTo = thatYear ? `${thatYear}-12-31` : f.scope?.to;
  const until = scopeTo && scopeTo < s.ref ? scopeTo : s.ref;
  // A list complete up to its article's date still speaks for a draft written days later.
  const k = facts.coverage(c).find((x) => (!x.from || (from !== undefined && x.from <= from)) && dayNumber(x.to) >= dayNumber(until) - CURRENT_EVENT_DAYS / 5);
  if (!k) return lowerBound(c, facts, from, until);
  // "Earlier" counts leave out the visit or meeting the draft reports on, even when it is over by the draft's date.
  const near = n.earlier ? facts.currentEvent(c, s.ref) : undefined;
  const current = near && dayNumber(s.ref) - dayNumber(near.when.end) <= REPORTING_DAYS ? near : undefined;
  const members = k.members
    .map((id) => facts.event(id)!)
    .filter((m) => m !== current && (from === undefined || m.when.start >= from) && (n.earlier ? m.when.end < until : m.when.start <= until) && m.status === 'done');
  const expected = members.length;
  if (expected === n.value) return true;
  // "four times" → "twice"; a bare number whose noun stays ("four times" with only "four" marked) → "two".
  const right = expected === 0 ? undefined : n.times ? timesWord(expected) : cardinalLike(expected, n.text);
  const plural = expected === 1 ? '' : 's';
  const noun = f.action === 'visit' ? `visit${plural}` : f.action === 'call' ? `call${plural}` : `meeting${plural}`;
  const between = f.action === 'visit' ? `${noun} by ${facts.name(c.who)}${c.where ? ' to ' + facts.placeName(c.where.id) : ''}` : `${noun} between ${facts.name(c.who)} and ${c.others.map((o) => facts.name(o)).join(', ')}`;
  const said = expected === 0 ? 'no' : cardinalWord(expected);
  const scope = f.scope ? ` in ${f.scope.from.slice(0, 4)}` : '';
  return {
    code: 'count-mismatch',
    message: `The sources know of ${said} ${n.earlier ? 'earlier ' : ''}${between}${scope}, not ${cardinalWord(n.value)}: ${k.statement}.`,
    expected: expected === 0 ? 'none' : n.times ? timesWord(expected) : cardinalWord(expected),
    start: n.start,
    end: n.end,
    newText: right,
    sources: facts.sourcesOf([k, ...members]),
  };
});
