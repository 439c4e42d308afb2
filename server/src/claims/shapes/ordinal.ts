// "His third trip to Beijing this year", "for the second time", "Lukashenko is in Beijing again", "has never before
// travelled to Myanmar": where this event stands in a complete list of such events. Judged on the event the draft
// reports (the candidate nearest its date) and a coverage list that holds it and starts no later than the scope.

import type { DayRange } from '../../dates/iso';
import { ordinalLike, ordinalWord } from '../numbers';
import { frameShape, type Finding } from './shape';

export const ordinal = frameShape('ordinal', (c, s, facts) => {
  const f = c.frame;
  // Trips anywhere are counted in no source.
  if (f.anywhere) return undefined;
  if ((!f.ordinal && !f.again && !f.never) || f.ordinalGroup || !c.who || c.group) return undefined;
  // "the first since 2019" is the since shape's; "the first in three years" the gap shape's.
  if (f.ordinal?.value === 1 && (f.since || f.gap)) return undefined;
  if (f.since && !f.since.date && !f.since.event) return undefined;
  if (f.count && !f.ordinal) return undefined;
  const current = facts.currentEvent(c, s.ref);
  if (!current) return undefined;
  const scopeYear = f.scope?.relative === 'that-year' ? current.when.start.slice(0, 4) : undefined;
  // "his second visit since the 2020 crackdown" counts from the anchor.
  const sinceFrom = f.since?.date?.from ?? (f.since?.event ? facts.event(f.since.event)?.when.start : undefined);
  const from = scopeYear ? `${scopeYear}-01-01` : f.scope?.from ?? sinceFrom;
  const window: DayRange = { start: from ?? '0000-01-01', end: current.when.start };
  const cov = facts.coverage(c).find((k) => k.members.includes(current.id) && (!k.from || (from !== undefined && k.from <= from)) && current.when.start <= k.to);
  if (!cov) return undefined;
  const members = cov.members
    .map((id) => facts.event(id)!)
    .filter((m) => (!c.where || (m.place && facts.index.within(m.place, c.where.id))) && (m.actors.includes(c.who!) || (m.with ?? []).includes(c.who!)))
    .filter((m) => m.when.start >= window.start && m.when.start <= window.end);
  const expected = members.length;
  if (expected === 0) return undefined;
  const where = c.where ? ` to ${facts.placeName(c.where.id)}` : '';
  const within = scopeYear || f.scope?.from ? ` in ${from!.slice(0, 4)}` : sinceFrom ? ` since ${f.since?.date?.text ?? facts.event(f.since!.event!)?.label.toLowerCase()}` : '';
  const sources = facts.sourcesOf([cov, current]);
  const who = facts.name(c.who);
  if (f.never) {
    if (expected === 1) return true;
    return { code: 'count-mismatch', message: `${who} had been${where} before: this is his ${ordinalWord(expected)} visit (${cov.statement}).`, expected: ordinalWord(expected), start: f.never.start, end: f.never.end, sources } satisfies Finding;
  }
  if (f.again && !f.ordinal) {
    if (expected >= 2) return true;
    return { code: 'count-mismatch', message: `This is ${who}'s first ${f.action === 'visit' ? 'visit' : f.action}${where}${within}, not a repeat (${cov.statement}).`, expected: 'first', start: f.again.start, end: f.again.end, sources };
  }
  const o = f.ordinal!;
  if (o.value === expected) return true;
  const noun = f.action === 'visit' ? 'visit' : f.action === 'talk' ? 'meeting' : f.action;
  return {
    code: 'count-mismatch',
    message: `${who}'s ${noun}${where} (${current.when.text}) is his ${ordinalWord(expected)}${within}, not the ${ordinalWord(o.value)}: ${cov.statement}.`,
    expected: ordinalWord(expected),
    start: o.start,
    end: o.end,
    newText: ordinalLike(expected, o.text),
    sources,
  };
});
