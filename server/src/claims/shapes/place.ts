// "In late May, Lukashenko met Putin in Minsk", "On December 19, Brest hosted talks between Putin and Lukashenko":
// the right people at the right time, in the wrong place. The only event of these people then was elsewhere.

import { overlaps } from '../../dates/iso';
import type { FactEvent } from '../../facts/types';
import { frameShape } from './shape';

export const place = frameShape('place', (c, s, facts) => {
  const f = c.frame;
  const d = f.when;
  const where = f.where;
  if (!d || !where || where.kind === 'anaphor' || !c.who || d.precision === 'year' || d.relative !== undefined) return undefined;
  // An unknown place is judged here (the contested value); an unknown person is another event.
  const people = { ...c, where: undefined, unknown: false };
  if (c.unknown && where.kind !== 'unknown') return undefined;
  const claimed = { start: d.from, end: d.to };
  const precise = (e: FactEvent) => e.when.precision === 'day' || e.when.precision === 'part-of-month' || !!e.arrival;
  const all = facts.candidates(people, { ignorePlace: true }).filter((e) => overlaps(claimed, facts.range(e, f.arrival)) && !!e.place);
  // A complete list of these people's meetings that covers the date decides which one it was; otherwise the event
  // must be dated as closely as the claim, and a month needs the sentence to name what was discussed.
  const listed = facts.coverage(people).some((k) => facts.covers(k, claimed) && all.filter((e) => k.members.includes(e.id)).length === 1);
  const then = listed ? all : all.filter((e) => (d.precision === 'month' ? e.when.precision === 'month' && sharesTopic(s.text, e, facts) : precise(e)));
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

/** Words too common to tie a sentence to one event. */
const COMMON = new Set('the and for with that this from they their them his her was were are has have had will would been about into over after before since when where which while also more most than then there these those other such only both each very just said says met meet meeting meetings talks talked visit visited visits trip travel leaders leader president russian belarusian july june may march april august september october november december january february late early mid recently discussed discuss discussing'.split(' '));

/** Whether the sentence uses a telling word of the event's quotes ("gas", "Ryanair", "Afghanistan"). */
function sharesTopic(sentence: string, e: FactEvent, facts: { index: { people: Map<string, { aliases: string[] }> } }): boolean {
  const names = new Set([...e.actors, ...(e.with ?? [])].flatMap((p) => facts.index.people.get(p)?.aliases ?? []).flatMap((a) => a.toLowerCase().split(/\s+/)));
  const telling = new Set<string>();
  for (const src of e.sources) for (const w of src.quote.toLowerCase().match(/\p{L}{3,}/gu) ?? []) if (!COMMON.has(w) && !names.has(w)) telling.add(w);
  for (const w of sentence.toLowerCase().match(/\p{L}{3,}/gu) ?? []) if (telling.has(w)) return true;
  return false;
}
