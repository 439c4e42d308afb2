// Dates in a dataset that the schema's pattern lets through but the calendar does not: 2023-02-30, 2023-04-31,
// and ranges that end before they start. Such a dataset judges wrongly (an event whose start and end are swapped
// contains no day at all, so a false claim about it passes), so the loader rejects it, naming the field.
// Checked by hand, digit by digit: a large dataset holds a few hundred thousand dates.

import type { Dataset } from './types';

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD with a real month and day (the schema has checked the shape). */
export function isCalendarDate(s: string): boolean {
  if (typeof s !== 'string' || s.length !== 10) return false;
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  return d <= DAYS[m - 1] + (leap ? 1 : 0);
}

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** The first impossible or reversed date: [field path, what is wrong], or undefined. */
export function dateProblem(d: Dataset): [string, string] | undefined {
  const bad = (field: string, value: string): [string, string] => [field, `"${value}" is not a date in the calendar`];
  for (let i = 0; i < d.seeds.length; i++) {
    const s = d.seeds[i];
    if (!isCalendarDate(s.referenceDate)) return bad(`/seeds/${i}/referenceDate`, s.referenceDate);
  }
  for (let i = 0; i < d.people.length; i++) {
    const roles = d.people[i].roles;
    if (!roles) continue;
    for (let j = 0; j < roles.length; j++) {
      if (!isCalendarDate(roles[j].asOf)) return bad(`/people/${i}/roles/${j}/asOf`, roles[j].asOf);
    }
  }
  for (let i = 0; i < d.events.length; i++) {
    const e = d.events[i];
    const w = e.when;
    if (!isCalendarDate(w.start)) return bad(`/events/${i}/when/start`, w.start);
    if (!isCalendarDate(w.end)) return bad(`/events/${i}/when/end`, w.end);
    // ISO dates of the same shape compare as strings.
    if (w.end < w.start) return [`/events/${i}/when/end`, `ends (${w.end}) before it starts (${w.start})`];
    if (e.arrival !== undefined) {
      if (!isCalendarDate(e.arrival)) return bad(`/events/${i}/arrival`, e.arrival);
      if (e.arrival < w.start || e.arrival > w.end) return [`/events/${i}/arrival`, `${e.arrival} is outside the event's dates (${w.start} to ${w.end})`];
    }
  }
  for (let i = 0; i < d.coverage.length; i++) {
    const c = d.coverage[i];
    if (c.from !== undefined && !isCalendarDate(c.from)) return bad(`/coverage/${i}/from`, c.from);
    if (!isCalendarDate(c.to)) return bad(`/coverage/${i}/to`, c.to);
    if (c.from !== undefined && c.to < c.from) return [`/coverage/${i}/to`, `the window ends (${c.to}) before it starts (${c.from})`];
  }
  return undefined;
}
