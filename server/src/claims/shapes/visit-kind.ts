// "BelTA said the visit is of a state nature", "In February, Lukashenko had been in China on a working visit": the
// kind of a known visit (state or working), judged on the one visit the frame is about.

import { frameShape } from './shape';

export const visitKind = frameShape('visit-kind', (c, s, facts) => {
  const f = c.frame;
  if (!f.kind || f.action !== 'visit' || !c.who) return undefined;
  // "Beijing, state visit." as a label names no one visit: a visitor named, "the visit", or a date must.
  if (!f.who && !f.definite && !f.when) return undefined;
  const e = facts.currentEvent(c, s.ref);
  if (!e?.kind || (e.kind !== 'state' && e.kind !== 'working')) return undefined;
  if (e.kind === f.kind.kind) return true;
  return {
    code: 'type-mismatch',
    message: `${e.label} (${e.when.text}) was a ${e.kind} visit, not a ${f.kind.kind} visit.`,
    expected: e.kind,
    start: f.kind.start,
    end: f.kind.end,
    newText: /^\p{Lu}/u.test(f.kind.text) ? e.kind[0].toUpperCase() + e.kind.slice(1) : e.kind,
    // The quote that gives the kind ("of a working nature") first.
    sources: facts.sourcesOf([{ sources: [...e.sources].sort((a, b) => Number(b.quote.includes(e.kind!)) - Number(a.quote.includes(e.kind!))) }]),
  };
});
