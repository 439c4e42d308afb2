// "Trade agreements worth $5 billion" in March 2023, "after five hours of talks": an amount a source ties to a known
// event, on the same things ("agreements", "talks"). The event is the one of these people at that date or place; a
// place alone ties it only where they met there once.

import { dayNumber, overlaps } from '../../dates/iso';
import type { Amount, FactEvent } from '../../facts/types';
import { CURRENT_EVENT_DAYS } from '../facts';
import type { AmountClaim } from '../frame';
import type { Shape, Verdict } from './shape';

export const amount: Shape = {
  name: 'amount',
  judge(s, facts) {
    return s.amounts.map(({ claim: a, frame: c }): Verdict => {
      const f = c.frame;
      if (f.negated || f.hedged || c.unknown) return undefined;
      const matches: { e: FactEvent; amount: Amount }[] = [];
      // An amount on a named event the sentence names ("the $5 million bid to Washington lobbyists").
      for (const m of s.mentions) {
        const e = m.kind === 'event' ? facts.event(m.id) : undefined;
        for (const x of e?.amounts ?? []) if (x.unit === a.unit && x.about.some((w) => a.about.includes(w) || a.about.includes(w.replace(/s$/, '')))) matches.push({ e: e!, amount: x });
      }
      if (matches.length === 1) return judgeAmount(a, matches[0].e, matches[0].amount);
      matches.length = 0;
      const people = [c.who, ...c.others].filter((p): p is string => !!p && facts.index.people.has(p));
      if (people.length === 0) return undefined;
      const d = f.when;
      if (!d && !c.where) return undefined;
      let tied = 0;
      for (const e of c.event ? [c.event] : new Set(people.flatMap((p) => facts.index.eventsOf(p)))) {
        const everyone = e.with ? e.actors.concat(e.with) : e.actors;
        if (!people.every((p) => everyone.includes(p))) continue;
        if (d && !overlaps({ start: d.from, end: d.to }, e.when)) continue;
        if (c.where && (!e.place || !facts.index.compatiblePlaces(c.where.id, e.place))) continue;
        // Not a visit still months ahead of the draft.
        if (dayNumber(e.when.start) - dayNumber(s.ref) > CURRENT_EVENT_DAYS) continue;
        tied++;
        for (const x of e.amounts ?? []) if (x.unit === a.unit && x.about.some((w) => a.about.includes(w) || a.about.includes(w.replace(/s$/, '')))) matches.push({ e, amount: x });
      }
      if (matches.length !== 1 || (!d && tied > 1)) return undefined;
      return judgeAmount(a, matches[0].e, matches[0].amount);
    });
  },
};

/** An amount against the one the sources tie to the event; "more than three hours" needs only to be exceeded. */
function judgeAmount(a: AmountClaim, e: FactEvent, x: Amount): Verdict {
  // The sources' figures are rounded too: "over $3 billion" agrees with "$3B".
  const ok = a.qualifier === 'more' ? x.value >= a.value : a.qualifier === 'less' ? x.value <= a.value : a.qualifier === 'about' ? Math.abs(x.value - a.value) <= x.value * 0.15 : Math.abs(x.value - a.value) <= x.value * 0.01;
  if (ok) return true;
  return {
    code: 'amount-mismatch',
    message: `${e.label} (${e.when.text}): the sources say ${x.text}, not ${a.text}.`,
    expected: x.text,
    start: a.start,
    end: a.end,
    newText: x.text,
    sources: [e.sources.find((q) => q.quote.includes(x.text)) ?? e.sources[0]],
  };
}
