// Which date a frame's event is on, and which dates are its scope ("in 2023") or its anchor ("since June 2019"). Two
// dates joined as a range are one; two listed are one event each ("in March and again in June").

import { ANNOUNCING } from './lexicon';
import type { DateExpr, Tense } from '../dates/expressions';
import type { Frame } from './frame';
import type { Sentence, Unit } from './sentence';
import type { Clause } from './clauses';
import type { Anchor } from './anchors';
import { unitSpan } from './clause-facts';

/** The date a frame's tense picks from a unit's readings. */
export function dateOf(u: Unit, tense: Tense): DateExpr | undefined {
  return u.dates?.[tense];
}

export function assignDates(s: Sentence, f: Frame, dates: { u: Unit; prep?: string; k: number }[], tense: Tense, a: Anchor): void {
  const whens: { d: DateExpr; k: number; prep?: string }[] = [];
  // "which announced the visit on Friday": the day the visit was made known, not its own.
  const announced = a.type === 'noun' && ANNOUNCING.has(s.tokens.slice(Math.max(0, a.at - 4), a.at).find((t) => t.pos === 'VERB')?.lemma ?? '');
  for (const { u, prep, k } of dates) {
    if (announced && k > a.at && prep !== 'for') continue;
    const d = dateOf(u, tense);
    if (!d) continue;
    if (prep === 'since') {
      // "since the 2021 coup": the event is the anchor, its date only describes it.
      if (f.since?.event) f.since.date ??= d;
      else f.since = { span: unitSpan(u), date: d, ofEvent: s.tokens[u.to]?.pos === 'NOUN' || s.tokens[u.to]?.pos === 'ADJ' };
      continue;
    }
    if (prep === 'after' || prep === 'before' || prep === 'until' || prep === 'according' || prep === 'amid' || prep === 'following' || prep === 'ahead') continue;
    const yearish = d.precision === 'year' || d.relative !== undefined;
    const soFar = s.tokens[u.from - 1]?.lower === 'far' || (prep === 'of' && d.relative !== undefined);
    if ((f.ordinal || f.count) && yearish && !d.ago) {
      if (!f.scope || soFar) f.scope = d;
      continue;
    }
    if (d.relative !== undefined && prep !== 'in' && prep !== 'during') {
      // "this year" with no count: a window for the event, not a scope.
      whens.push({ d, k, prep });
      continue;
    }
    whens.push({ d, k, prep });
  }
  // Two dates joined as a range: "from February 28 to March 2", "the end of June and early July".
  const joined: { d: DateExpr; k: number; prep?: string }[] = [];
  for (const w of whens) {
    const last = joined[joined.length - 1];
    if (last && w.d.precision !== 'year' && last.d.precision !== 'year' && joins(s, last.d, w.d)) {
      last.d = { ...last.d, end: w.d.end, text: s.text.slice(last.d.start, w.d.end), to: w.d.to > last.d.to ? w.d.to : last.d.to, joined: true };
      continue;
    }
    // "Monday, December 19": a weekday and its date are one day.
    if (last && last.d.from === w.d.from && last.d.to === w.d.to) continue;
    joined.push({ ...w });
  }
  if (joined.length === 1) f.when = joined[0].d;
  else if (joined.length > 1 && coordinated(s, joined.map((x) => x.d))) {
    // "met in March and again in June": one event a date; "again" goes with the date after it.
    f.when = joined[0].d;
    f.alternatives = joined.slice(1).map((x) => x.d);
  } else if (joined.length > 1) {
    // The one that says more: a day over a month over a year, when they agree; otherwise no date is this event's.
    const agree = joined.every((x) => x.d.from <= joined[0].d.to && joined[0].d.from <= x.d.to);
    if (agree) f.when = joined.reduce((b, x) => (span(x.d) < span(b.d) ? x : b)).d;
    else {
      // "arrived in China on December 3, but only now … did he meet": the date nearest the anchor, in its phrase.
      const after = joined.filter((x) => x.k > a.at).sort((x, y) => x.k - y.k)[0];
      if (after && (after.prep === 'on' || after.prep === 'in') && after.k - a.at <= 6) f.when = after.d;
    }
  }
  function span(d: DateExpr): number {
    return Date.parse(d.to) - Date.parse(d.from);
  }
}

/** Dates listed for events of their own: "in March and again in June", "in July, and in September". */
export function coordinated(s: Sentence, dates: DateExpr[]): boolean {
  for (let i = 1; i < dates.length; i++) if (!/^,?\s*(and|or)\s+((again|later|then|once more|again later)\s+)*(in|on)?\s*$/i.test(s.text.slice(dates[i - 1].end, dates[i].start))) return false;
  return true;
}

export function joins(s: Sentence, a: DateExpr, b: DateExpr): boolean {
  const between = s.text.slice(a.end, b.start).trim().toLowerCase();
  // "the end of June and early July" is one stretch; "February and June" are two months.
  if (between.startsWith('and') && (a.precision === 'month' || b.precision === 'month' || Date.parse(b.from) - Date.parse(a.to) > 15 * 86_400_000)) return false;
  return /^(-|–|—|to|through|until|till|and|and early|to early)$/.test(between) || (between === '' && b.start === a.end);
}

/** "since it came under military rule in 2021": a since-clause under this clause gives the anchor. */
export function readSince(s: Sentence, f: Frame, clauses: Clause[], ci: number, isPrimary: boolean): void {
  if (f.since || !isPrimary) return;
  for (let c = 0; c < clauses.length; c++) {
    const child = clauses[c];
    if (child.parent !== ci || child.kind !== 'adverbial' || !(child.opener === 'since' || (child.opener === 'after' && f.ordinal))) continue;
    let event: string | undefined;
    let date: DateExpr | undefined;
    let dateUnit: Unit | undefined;
    for (const k of child.tokens) {
      const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
      if (!u || k !== u.from) continue;
      if (u.kind === 'event') event ??= u.id;
      if (u.kind === 'date' && !date) [date, dateUnit] = [u.dates!.past, u];
    }
    const first = s.tokens[child.tokens[0]];
    f.since = { span: dateUnit ? { start: dateUnit.start, end: dateUnit.end, text: dateUnit.text } : { start: first.start, end: first.end, text: first.text }, event, date: event ? undefined : undefined };
    // An anchor named by a clause the dataset cannot read ("since Putin became president in 2000") stays unknown.
    if (!event) f.since = { span: f.since.span };
    else if (date) f.since.date = date;
    return;
  }
}
