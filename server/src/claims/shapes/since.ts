// "His first visit to China since 2020", "Putin's first trip to Belarus since 2021", "has not visited Beijing since
// March", "the first European leader to visit since 2023": the anchor a first-since or not-since counts from. A known
// event after the anchor refutes both; "first since X" also says there was one at X, which a complete list decides.

import { atWhen } from '../../dates/when';
import type { FactEvent } from '../../facts/types';
import type { ResolvedFrame } from '../context';
import type { Facts } from '../facts';
import { formatDay } from '../../dates/expressions';
import { overlaps, type DayRange } from '../../dates/iso';
import { frameShape, type Finding, type Verdict } from './shape';

/** Earlier events of the same kind than the one reported: done, or planned for a day already past. */
export function earlier(c: ResolvedFrame, facts: Facts, ref: string): { current?: FactEvent; latest?: FactEvent; now: string } {
  const current = facts.currentEvent(c, ref);
  const now = current ? current.when.start : ref;
  const cands = facts.candidates(c).filter((e) => e !== current && e.when.end < now && (e.status === 'done' || e.when.end < ref));
  const latest = cands.sort((a, b) => (a.when.start < b.when.start ? -1 : 1)).pop();
  return { current, latest, now };
}

export function phrase(c: ResolvedFrame, facts: Facts): { noun: string; where: string } {
  const f = c.frame;
  const where = c.where ? ` to ${facts.placeName(c.where.id)}` : c.others.length ? ` with ${c.others.map((o) => facts.name(o)).join(', ')}` : '';
  return { noun: f.action === 'visit' ? 'visit' : f.action === 'talk' ? 'meeting' : f.action, where };
}

export const since = frameShape(
  'since',
  (c, s, facts) => {
    const f = c.frame;
    // Trips anywhere are counted in no source.
    if (!f.since || !c.who || f.hedged || f.ordinalGroup || f.anywhere) return undefined;
    const first = f.ordinal?.value === 1;
    if (!first && !f.negated && !f.never) return undefined;
    const anchorEvent = f.since.event ? facts.event(f.since.event) : undefined;
    const d = f.since.date;
    const anchor: DayRange | undefined = anchorEvent ? anchorEvent.when : d ? { start: d.from, end: d.to } : undefined;
    if (!anchor) return undefined;
    const { current, latest, now } = earlier(c, facts, s.ref);
    // "His first visit since X" speaks of one visit, which must be known; "has not visited since X" of now.
    if (first && !current && !f.negated && !f.never) return undefined;
    const { noun, where } = phrase(c, facts);
    const who = facts.name(c.who);
    // A known event after the anchor and before now refutes "first since X" and "has not since X".
    if (latest && latest.when.start > anchor.end) {
      return {
        code: 'since-mismatch',
        message: `${who}'s previous ${noun}${where} was ${atWhen(latest.when)}, after ${d?.text ?? anchorEvent?.label}.`,
        expected: latest.when.text,
        start: d ? d.start : f.since.span.start,
        end: d ? d.end : f.since.span.end,
        newText: d && !anchorEvent ? facts.dateFix(d, latest, false, s.ref) : undefined,
        sources: facts.sourcesOf([latest]),
      } satisfies Finding;
    }
    if (f.since.ofEvent) return latest ? true : undefined;
    if (!latest && !anchorEvent) return noneSince(c, facts, anchor, now, noun, where);
    if (anchorEvent || !latest) return latest ? true : undefined;
    // "First since X" also says the previous one was at X: judged where a complete list says which was previous.
    const cov = facts.coverage(c).find((k) => facts.covers(k, { start: latest.when.start, end: now }) && k.members.includes(latest.id));
    if (!cov) return undefined;
    if (overlaps(anchor, latest.when)) return true;
    return {
      code: 'since-mismatch',
      message: `${who}'s previous ${noun}${where} was ${atWhen(latest.when)}, not ${d!.text}: ${cov.statement}.`,
      expected: latest.when.text,
      start: d!.start,
      end: d!.end,
      newText: facts.dateFix(d!, latest, false, s.ref),
      sources: facts.sourcesOf([cov, latest]),
    };
  },
  true,
);

/**
 * "The first since 2023" says there was one in 2023. A complete list that reaches back before 2023 and holds no
 * earlier one refutes that: the previous one, if any, came before the list begins.
 */
function noneSince(c: ResolvedFrame, facts: Facts, anchor: DayRange, now: string, noun: string, where: string): Verdict {
  const d = c.frame.since?.date;
  if (!d || anchor.end >= now) return undefined;
  const cov = facts.coverage(c).find((k) => (!k.from || k.from < anchor.start) && now <= k.to);
  if (!cov) return undefined;
  const who = facts.name(cov.subject);
  // A list that starts on January 1 starts with its year ("since the 2021 coup").
  const from = !cov.from ? undefined : cov.from.endsWith('-01-01') ? cov.from.slice(0, 4) : formatDay(cov.from, { dayFirst: false, withYear: true, shortMonth: false });
  return {
    code: 'since-mismatch',
    message: from ? `The sources know no ${noun}${where} by ${who} from ${from} on, so none in ${d.text}: ${cov.statement}.` : `The sources know no earlier ${noun}${where} by ${who}, so none in ${d.text}: ${cov.statement}.`,
    expected: from ?? cov.statement,
    start: d.start,
    end: d.end,
    newText: from && d.precision === 'year' ? cov.from!.slice(0, 4) : undefined,
    sources: facts.sourcesOf([cov]),
  };
}
