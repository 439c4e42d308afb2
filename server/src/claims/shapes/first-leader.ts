// "Becoming only the second foreign leader to visit Myanmar since the coup", "the first European leader to travel
// to Myanmar since 2021": where a person's visit stands among a group's visits. Counted in a complete list of the
// group's visits that holds it; "first" is also refuted by a group member's known visit between the anchor and it.

import { ordinalLike, ordinalWord } from '../numbers';
import { frameShape } from './shape';

export const firstLeader = frameShape('first-leader', (c, s, facts) => {
  const f = c.frame;
  const group = f.ordinalGroup;
  if (!group || !f.ordinal || !c.who || c.group) return undefined;
  const visit = facts.currentEvent(c, s.ref) ?? (facts.candidates(c).length === 1 ? facts.candidates(c)[0] : undefined);
  if (!visit) return undefined;
  const anchorEvent = f.since?.event ? facts.event(f.since.event) : undefined;
  const from = anchorEvent?.when.start ?? f.since?.date?.from;
  const groupFrame = { ...c, who: group, group: true };
  const lists = facts.coverage(groupFrame).filter((k) => k.subject === group && (!from || !k.from || k.from <= from));
  const where = c.where ? ` to ${facts.placeName(c.where.id)}` : '';
  const o = f.ordinal;
  const cov = lists.find((k) => k.members.includes(visit.id));
  if (cov) {
    const members = cov.members.map((id) => facts.event(id)!).filter((m) => (!from || m.when.start >= from) && m.when.start <= visit.when.start);
    const expected = members.length;
    // "The first European leader to visit since 2023" says one came in 2023; the list reaches back further with none.
    const d = f.since?.date;
    if (expected === 1 && o.value === 1 && d && !anchorEvent && cov.from && cov.from < d.from) {
      const year = cov.from.slice(0, 4);
      return {
        code: 'since-mismatch',
        message: `The sources know no visit${where} by ${facts.name(group).replace(/^any /, 'a ')} from ${year} on before ${facts.name(c.who)}'s, so none in ${d.text}: ${cov.statement}.`,
        expected: year,
        start: d.start,
        end: d.end,
        newText: d.precision === 'year' ? year : undefined,
        sources: facts.sourcesOf([cov]),
      };
    }
    if (expected === o.value) return true;
    return {
      code: 'count-mismatch',
      message: `${facts.name(c.who)}'s visit${where} (${visit.when.text}) was the ${ordinalWord(expected)} by ${facts.name(group).replace(/^any /, 'a ')}${anchorEvent ? ` since ${anchorEvent.label.toLowerCase()}` : ''}, not the ${ordinalWord(o.value)}: ${cov.statement}.`,
      expected: ordinalWord(expected),
      start: o.start,
      end: o.end,
      newText: ordinalLike(expected, o.text),
      sources: facts.sourcesOf([cov]),
    };
  }
  // "The first foreign leader since the coup" when a member of the group is known to have come in between.
  if (o.value !== 1 || !from) return undefined;
  const between = facts.candidates(groupFrame).filter((e) => e.id !== visit.id && e.when.start >= from && e.when.end < visit.when.start && !e.actors.includes(c.who!));
  if (between.length === 0) return undefined;
  const e = between[0];
  const list = lists.find((k) => k.members.includes(e.id));
  return {
    code: 'count-mismatch',
    message: `${e.label} (${e.when.text}) came before ${facts.name(c.who)}'s visit${where}, so it is not the first by ${facts.name(group).replace(/^any /, 'a ')}.`,
    expected: `after ${facts.name(e.actors[0])}'s (${e.when.text})`,
    start: o.start,
    end: o.end,
    sources: facts.sourcesOf([list, e]),
  };
});
