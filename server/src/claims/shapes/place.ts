// "In late May, Lukashenko met Putin in Minsk", "On December 19, Brest hosted talks between Putin and Lukashenko":
// the right people at the right time, in the wrong place. The only event of these people then was elsewhere.

import { dayNumber, overlaps } from '../../dates/iso';
import { CURRENT_EVENT_DAYS, REPORTING_DAYS } from '../facts';
import type { FactEvent } from '../../facts/types';
import type { ResolvedFrame } from '../context';
import type { Facts } from '../facts';
import { frameShape } from './shape';

/**
 * The event the draft reports, when the frame gives no date of its own: the one visit of these people under way or
 * near the draft's date (in the past tense, under way or over by at most a week; an arrival, one whose arrival day is
 * known). Only for a plain visit whose visitor the sentence names: a count, an ordinal or "since" speaks of other
 * visits, and "the summit" may be one the sources do not know.
 */
function reported(c: ResolvedFrame, ref: string, facts: Facts): FactEvent | undefined {
  const f = c.frame;
  if (f.action !== 'visit' || !f.who || f.count || f.ordinal || f.previous || f.since || f.gap || f.again || f.never) return undefined;
  const near = facts.candidates({ ...c, where: undefined, unknown: false }, { ignorePlace: true }).filter((e) => {
    const r = facts.range(e, f.arrival);
    if (f.tense === 'past') return r.start <= ref && dayNumber(ref) - dayNumber(r.end) <= REPORTING_DAYS;
    // The present may be under way or ahead ("Lukashenko visits Iran" heads a preview): any visit that may be meant.
    return dayNumber(r.start) - dayNumber(ref) <= CURRENT_EVENT_DAYS && dayNumber(r.end) >= dayNumber(ref) - (f.tense === 'present' ? 2 : 0);
  });
  // A past arrival is the visit whose day of arrival is known and past, when one is.
  const arrived = f.arrival && f.tense === 'past' ? near.filter((e) => e.arrival && e.arrival <= ref) : [];
  if (arrived.length === 1) return arrived[0];
  return near.length === 1 ? near[0] : undefined;
}

export const place = frameShape('place', (c, s, facts) => {
  const f = c.frame;
  const where = f.where;
  if (!where || (where.kind !== 'place' && where.kind !== 'unknown') || !c.who) return undefined;
  // An unknown place is judged here (the contested value); an unknown person is another event.
  if (c.unknown && where.kind !== 'unknown') return undefined;
  // "Lukashenko arrived in Minsk": a visitor's own country is where he comes home to, not where he visits.
  const home = facts.index.people.get(c.who)?.country;
  if (f.action === 'visit' && where.kind === 'place' && home && facts.index.within(where.id, home)) return undefined;
  const people = { ...c, where: undefined, unknown: false };
  const d = f.when;
  let e: FactEvent | undefined;
  if (!d) {
    // Undated: the event the draft reports ("will host Putin in Vitebsk", "landed at Imam Khomeini airport"), unless
    // a known visit of theirs was there: "Lukashenko flew to Tehran" may mean March 2023.
    if (where.kind === 'place' && facts.candidates({ ...c, unknown: false }).length > 0) return undefined;
    e = reported(c, s.ref, facts);
  } else {
    if (d.precision === 'year' || d.relative !== undefined) return undefined;
    const claimed = { start: d.from, end: d.to };
    const precise = (x: FactEvent) => x.when.precision === 'day' || x.when.precision === 'part-of-month' || !!x.arrival;
    const all = facts.candidates(people, { ignorePlace: true }).filter((x) => overlaps(claimed, facts.range(x, f.arrival)) && !!x.place);
    // A complete list of these people's meetings that covers the date decides which one it was; otherwise the event
    // must be dated as closely as the claim, and a month needs the sentence to name what was discussed.
    const listed = facts.coverage(people).some((k) => facts.covers(k, claimed) && all.filter((x) => k.members.includes(x.id)).length === 1);
    const then = listed ? all : all.filter((x) => (d.precision === 'month' ? (x.when.precision === 'month' || precise(x)) && facts.topicWords(x, s.text) >= 1 : precise(x)));
    if (then.length === 1) e = then[0];
  }
  if (!e?.place) return undefined;
  if (where.kind === 'place' && facts.index.compatiblePlaces(e.place, where.id)) return true;
  const right = facts.placeName(e.place);
  return {
    code: 'place-mismatch',
    message: `${e.label}: the sources place it in ${right}, not ${where.span.text} (${e.when.text}).`,
    expected: right,
    start: where.span.start,
    end: where.span.end,
    newText: right,
    sources: facts.sourcesOf([e]),
  };
});
