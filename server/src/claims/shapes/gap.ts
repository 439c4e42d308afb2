// "His first visit in more than three years", "for the first time in 18 months", "has not set foot in Belarus for five
// years": the time since the previous such event, judged where a complete list says which one was previous.

import { atWhen } from '../../dates/when';
import { yearsBetween } from '../../dates/iso';
import { yearsInWords } from '../numbers';
import { earlier, phrase } from './since';
import { frameShape } from './shape';

export const gap = frameShape(
  'gap',
  (c, s, facts) => {
    const f = c.frame;
  // Trips anywhere are counted in no source.
  if (f.anywhere) return undefined;
    const g = f.gap;
    if (!g || !c.who || f.hedged || f.since) return undefined;
    if (!(f.ordinal?.value === 1 || f.negated || f.never)) return undefined;
    const { current, latest, now } = earlier(c, facts, s.ref);
    if (!latest || (f.ordinal?.value === 1 && !current && !f.negated && !f.never)) return undefined;
    const cov = facts.coverage(c).find((k) => facts.covers(k, { start: latest.when.start, end: now }) && k.members.includes(latest.id));
    if (!cov) return undefined;
    const years = yearsBetween(latest.when.start, now);
    // "more than four years" needs more than four (a month's slack); a plain "three years" is rounded.
    const ok =
      g.qualifier === 'more' ? years > g.years - 0.1 : g.qualifier === 'less' ? years < g.years + 0.1 : g.qualifier === 'almost' ? years < g.years + 0.1 && years > g.years - Math.max(0.5, g.years * 0.2) : Math.abs(years - g.years) <= Math.max(g.unit === 'month' ? 0.125 : 0.5, g.years * 0.25);
    if (ok) return true;
    const { noun, where } = phrase(c, facts);
    return {
      code: 'gap-mismatch',
      message: `${facts.name(c.who)}'s previous ${noun}${where} was ${atWhen(latest.when)}, ${yearsInWords(years)} earlier, not ${g.text}.`,
      expected: `${latest.when.text} (${yearsInWords(years)})`,
      start: g.start,
      end: g.end,
      // "a two-and-a-half-year absence" keeps its hyphens: "a three-and-a-half-year absence".
      newText: /-(year|month)$/.test(g.text) ? yearsInWords(years).replace(/ /g, '-').replace(/s$/, '') : yearsInWords(years),
      sources: facts.sourcesOf([cov, latest]),
    };
  },
  true,
);
