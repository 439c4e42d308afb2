// "Putin's last visit to Belarus was in June 2017", "He last saw Xi Jinping in January", "Lukashenko was last in
// China at the end of June": the date of the latest such event before now. An event under way on the draft's date,
// or over by at most a week, is the one the draft reports: "previous" and "last" then mean the one before it.

import { dayNumber } from '../../dates/iso';
import { REPORTING_DAYS } from '../facts';
import { dateFinding } from './date';
import type { ResolvedFrame } from '../context';
import type { Facts } from '../facts';
import { frameShape, type Verdict } from './shape';

/** "Who last travelled to Myanmar in 2019" when the sources say this visit is his first ever. */
function noneBefore(c: ResolvedFrame, ref: string, facts: Facts): Verdict {
  const d = c.frame.when!;
  const current = facts.currentEvent({ ...c, frame: { ...c.frame, when: undefined } }, ref);
  const cov = current && facts.coverage(c).find((k) => !k.from && k.members[0] === current.id);
  if (!cov || d.to >= current!.when.start) return undefined;
  return {
    code: 'date-mismatch',
    message: `The sources know no earlier ${c.frame.action === 'visit' ? 'visit' : 'meeting'} by ${facts.name(c.who!)}${c.where ? ' to ' + facts.placeName(c.where.id) : ''}, so none in ${d.text}: ${cov.statement}.`,
    expected: 'none before',
    start: d.start,
    end: d.end,
    sources: facts.sourcesOf([cov]),
  };
}

export const previous = frameShape('previous', (c, s, facts) => {
  const f = c.frame;
  const d = f.when;
  if (!f.previous || !d || !c.who || (d.relative !== undefined && !d.ago)) return undefined;
  const cands = facts.candidates(c);
  // Previous to the event the draft reports (under way or near its date), or else to the event it told of last when
  // that is one of these ("The previous meeting, in March, …" in a profile written later); else previous to the
  // draft's date, where an event over by a week or less is the one the draft reports.
  const near = facts.currentEvent({ ...c, frame: { ...c.frame, when: undefined } }, s.ref);
  // Reported: under way, ahead, or over by a week at most; an event a month back is one the draft may look back to.
  const reported = near && dayNumber(near.when.end) >= dayNumber(s.ref) - REPORTING_DAYS ? near : undefined;
  const told = reported ?? (s.told && cands.includes(s.told) && s.told.when.start <= s.ref ? s.told : undefined);
  // "The previous meeting" with no one named looks back from the event the draft tells of, which must be known.
  if (!told && !f.who) return undefined;
  let until = told ? told.when.start : s.ref;
  const before = cands.filter((e) => e.when.end < until).sort((a, b) => (a.when.start < b.when.start ? -1 : 1));
  let latest = before.pop();
  if (!told && latest && dayNumber(s.ref) - dayNumber(latest.when.end) <= REPORTING_DAYS) {
    until = latest.when.start;
    latest = before.pop();
  }
  if (!latest) return noneBefore(c, s.ref, facts);
  if (d.from <= latest.when.end && latest.when.start <= d.to) return true;
  // A claimed date before the latest known one is wrong whatever the list; a later one only if the list is complete.
  const superseded = d.to < latest.when.start;
  const cov = facts.coverage(c).find((k) => facts.covers(k, { start: latest!.when.start, end: until }) && k.members.includes(latest!.id));
  if (!superseded && !cov) return undefined;
  return dateFinding(c, facts, d, latest, cov, s.ref);
});
