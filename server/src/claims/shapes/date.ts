// "Lukashenko landed in Tehran on March 10", "Putin visited Minsk ten days ago", "In late January, Lukashenko made a
// state visit to Beijing", "the two also met in May": the date of a known event. A date is judged only when the
// sentence identifies the event by more than the date: its people, place and kind, a complete list for the window
// the date lies in, or the same trip a few days off.

import type { FactEvent } from '../../facts/types';
import type { DateExpr } from '../../dates/expressions';
import type { ResolvedFrame } from '../context';
import type { Facts } from '../facts';
import type { Coverage } from '../../facts/types';
import { SAME_EVENT_DAYS } from '../facts';
import { dayNumber, gapDays, overlaps, type DayRange } from '../../dates/iso';
import { frameShape, type Finding } from './shape';

export function dateFinding(c: ResolvedFrame, facts: Facts, d: DateExpr, e: FactEvent, cov: Coverage | undefined, ref: string): Finding {
  const arrival = c.frame.arrival;
  const when = facts.whenText(e, arrival);
  return {
    code: 'date-mismatch',
    message: `${e.label}: ${arrival && e.arrival ? 'arrival on' : 'the sources date it to'} ${when}, not ${d.text}${cov ? ` (${cov.statement})` : ''}.`,
    expected: when,
    start: d.start,
    end: d.end,
    newText: facts.dateFix(d, e, arrival, ref),
    sources: facts.sourcesOf([e, cov]),
  };
}

export const date = frameShape('date', (c, s, facts) => {
  const f = c.frame;
  const d = f.when;
  if (!d || !c.who || f.previous || (d.relative !== undefined && !d.ago)) return undefined;
  const claimed: DayRange = { start: d.from, end: d.to };
  const cands = facts.candidates(c);
  const arrival = f.arrival;
  if (cands.some((e) => overlaps(claimed, facts.range(e, arrival)))) return true;
  // A complete list for the window that holds the claimed date, and none of its events then.
  const cov = facts.coverage(c).find((k) => facts.covers(k, claimed));
  if (cov) {
    const members = cov.members.map((id) => facts.event(id)!).filter((m) => cands.includes(m));
    const nearest = facts.nearest(members, claimed, arrival);
    if (nearest) return dateFinding(c, facts, d, nearest, cov, s.ref);
  }
  // One event singled out by its kind ("his state visit", "the call on his birthday"), in the same year.
  const kinded = cands.filter((e) => e.kind && (f.kind?.kind === e.kind || f.words.includes(e.kind)) && e.when.start.slice(0, 4) === d.from.slice(0, 4));
  if (kinded.length === 1) return dateFinding(c, facts, d, kinded[0], undefined, s.ref);
  // The only event of these people (there) that the sentence tells by its subject ("to discuss the Ryanair incident",
  // "spoke about economic relations and military cooperation"), within a year of it: a date further off may be another
  // occasion the sources do not know. Without a place the subject must say more.
  {
    const told = cands.filter((e) => facts.topicWords(e, s.text) >= (c.where ? 2 : 3) && gapDays(claimed, facts.range(e)) <= 366);
    if (told.length === 1) return dateFinding(c, facts, d, told[0], undefined, s.ref);
  }
  // The same trip or call, a few days off.
  if ((d.precision === 'day' || d.precision === 'part-of-month' || d.ago) && !d.vague) {
    const nearest = facts.nearest(cands, claimed, arrival);
    // An arrival is judged only against a known arrival day: "under way on December 3" does not date the landing.
    if (nearest && (!arrival || nearest.arrival)) {
      const r = facts.range(nearest, arrival);
      const tight = dayNumber(r.end) - dayNumber(r.start) <= 7;
      if (tight && gapDays(claimed, r) <= SAME_EVENT_DAYS[f.action]) return dateFinding(c, facts, d, nearest, undefined, s.ref);
    }
  }
  // "The first by a foreign leader after the coup": a complete list of the group's visits singles out the event.
  if (f.ordinal?.value === 1 && f.ordinalGroup) {
    const firsts = facts.coverage({ ...c, who: f.ordinalGroup }).filter((k) => k.subject === f.ordinalGroup).map((k) => ({ k, e: facts.event(k.members[0]) })).filter(({ e }) => e && cands.includes(e));
    if (firsts.length === 1) return dateFinding(c, facts, d, firsts[0].e!, firsts[0].k, s.ref);
  }
  return undefined;
});
