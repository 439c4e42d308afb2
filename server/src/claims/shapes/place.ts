// "In late May, Lukashenko met Putin in Minsk", "On December 19, Brest hosted talks between Putin and Lukashenko":
// the right people at the right time, in the wrong place. The only event of these people then was elsewhere.

import { overlaps } from '../../dates/iso';
import type { FactEvent } from '../../facts/types';
import type { DateExpr } from '../../dates/expressions';
import type { ResolvedFrame } from '../context';
import type { Facts } from '../facts';
import { frameShape } from './shape';

/** The days of the one event these people have near the draft's date, as a date the frame did not state. */
function current(c: ResolvedFrame, ref: string, facts: Facts): DateExpr | undefined {
  const e = facts.currentEvent({ ...c, where: undefined, unknown: false }, ref);
  if (!e) return undefined;
  const style = { dayFirst: false, withYear: true, shortMonth: false };
  return { start: c.frame.anchor.start, end: c.frame.anchor.end, text: e.when.text, from: e.when.start, to: e.when.end, precision: 'day', style, relative: undefined };
}

export const place = frameShape('place', (c, s, facts) => {
  const f = c.frame;
  const where = f.where;
  if (!where || where.kind === 'anaphor' || !c.who) return undefined;
  // Undated, a claim in the present or future speaks of the event the draft reports: "will host Putin in Vitebsk".
  const d = f.when ?? (f.tense !== 'past' ? current(c, s.ref, facts) : undefined);
  if (!d || d.precision === 'year' || d.relative !== undefined) return undefined;
  // An unknown place is judged here (the contested value); an unknown person is another event.
  const people = { ...c, where: undefined, unknown: false };
  if (c.unknown && where.kind !== 'unknown') return undefined;
  const claimed = { start: d.from, end: d.to };
  const precise = (e: FactEvent) => e.when.precision === 'day' || e.when.precision === 'part-of-month' || !!e.arrival;
  const all = facts.candidates(people, { ignorePlace: true }).filter((e) => overlaps(claimed, facts.range(e, f.arrival)) && !!e.place);
  // A complete list of these people's meetings that covers the date decides which one it was; otherwise the event
  // must be dated as closely as the claim, and a month needs the sentence to name what was discussed.
  const listed = facts.coverage(people).some((k) => facts.covers(k, claimed) && all.filter((e) => k.members.includes(e.id)).length === 1);
  const then = listed ? all : all.filter((e) => (d.precision === 'month' ? e.when.precision === 'month' && facts.topicWords(e, s.text) >= 1 : precise(e)));
  if (then.length !== 1) return undefined;
  const e = then[0];
  if (where.kind === 'place' && facts.index.compatiblePlaces(e.place!, where.id)) return true;
  const right = facts.placeName(e.place!);
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
