// Dates counted from the reference date: "ten days ago", "yesterday", "last week", "last month", "earlier this
// year". chrono-node reads some of these but gives no span of days for the rounding writers use ("a week ago" is five
// to nine days), so they are read here, each with the tolerance its unit allows.

import { addDays, dayNumber, isoOf, lastDayOfMonth, toIso, type IsoDate } from './iso';
import type { DateExpr } from './expressions';

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

/** "ten", "10", "a", "an", "a few" → a number; undefined for anything else. */
export function amountWord(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === 'a' || w === 'an') return 1;
  if (/^\d{1,3}$/.test(w)) return +w;
  const i = NUMBER_WORDS.indexOf(w);
  return i >= 0 ? i : undefined;
}

const AGO_TODAY = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(year|month)s?\s+ago\s+today\b/gi;
const AGO = /\b(?:(?:about|some|around|nearly|almost|roughly|just over|just under|more than|over|less than)\s+)?(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(day|week|month|year)s?\s+(ago|earlier|before)\b/gi;
const DEICTIC = /\b(the day after tomorrow|the day before yesterday|yesterday|today|tonight|tomorrow|last night|(?:last|this|next|earlier this|later this|past) (?:week|month)|earlier this year|later this year)\b/gi;
const AHEAD = /\b(?:in|within)\s+(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(day|week)s?(?:['’]s?\s+time)?(?!\s+(?:of|after|before))\b|\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week)s?\s+from\s+now\b/gi;

const PLAIN = { dayFirst: false, withYear: false, shortMonth: false };

function monthStart(iso: IsoDate, delta: number): [number, number] {
  let y = +iso.slice(0, 4);
  let m = +iso.slice(5, 7) + delta;
  while (m < 1) [m, y] = [m + 12, y - 1];
  while (m > 12) [m, y] = [m - 12, y + 1];
  return [y, m];
}

function weekday(iso: IsoDate): number {
  // Monday 0 … Sunday 6.
  return (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/**
 * The relative dates of a sentence. "N units ago" is the span the unit rounds to: a day either side for days, three
 * for weeks, half a month for months, half a year for years. "earlier" and "before" count from the reference date
 * only when nothing else is named before them ("two days earlier" after another date is that date's), so they are
 * read only at the start of a sentence.
 */
export function relativeDates(sentence: string, ref: IsoDate): DateExpr[] {
  const out: DateExpr[] = [];
  const refDay = dayNumber(ref);
  // "two years ago today": that very day.
  AGO_TODAY.lastIndex = 0;
  for (let m = AGO_TODAY.exec(sentence); m; m = AGO_TODAY.exec(sentence)) {
    const n = amountWord(m[1]);
    if (n === undefined) continue;
    const [y, mo, d] = [+ref.slice(0, 4), +ref.slice(5, 7), +ref.slice(8, 10)];
    const months = m[2].toLowerCase() === 'year' ? 12 * n : n;
    const total = y * 12 + (mo - 1) - months;
    const day = isoOf(Math.floor(total / 12), (total % 12) + 1, Math.min(d, lastDayOfMonth(Math.floor(total / 12), (total % 12) + 1)));
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], from: day, to: day, precision: 'day', style: PLAIN, relative: undefined });
  }
  AGO.lastIndex = 0;
  for (let m = AGO.exec(sentence); m; m = AGO.exec(sentence)) {
    if (m[3].toLowerCase() !== 'ago' || out.some((d) => d.start <= m!.index && m!.index < d.end)) continue;
    const n = amountWord(m[1]);
    if (n === undefined) continue;
    const unit = m[2].toLowerCase();
    const [days, slack] = unit === 'day' ? [n, 1] : unit === 'week' ? [7 * n, 3] : unit === 'month' ? [30.44 * n, 15] : [365.25 * n, 183];
    const from = toIso(new Date((refDay - Math.round(days) - slack) * 86_400_000));
    const to = toIso(new Date((refDay - Math.round(days) + slack) * 86_400_000));
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], from, to, precision: unit === 'year' ? 'year' : unit === 'month' ? 'month' : 'part-of-month', style: PLAIN, relative: undefined, ago: { n, unit: unit as 'day' } });
  }
  AHEAD.lastIndex = 0;
  for (let m = AHEAD.exec(sentence); m; m = AHEAD.exec(sentence)) {
    const n = amountWord(m[1] ?? m[3]);
    if (n === undefined) continue;
    const days = ((m[2] ?? m[4]).toLowerCase() === 'week' ? 7 : 1) * n;
    const slack = days >= 7 ? 2 : 0;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], from: addDays(ref, days - slack), to: addDays(ref, days + slack), precision: slack ? 'part-of-month' : 'day', style: PLAIN, relative: undefined, ahead: true });
  }
  DEICTIC.lastIndex = 0;
  for (let m = DEICTIC.exec(sentence); m; m = DEICTIC.exec(sentence)) {
    if (out.some((d) => d.start <= m!.index && m!.index < d.end)) continue;
    if (out.some((d) => m!.index < d.end && d.start < m!.index + m![0].length)) continue;
    const w = m[1].toLowerCase();
    let from: IsoDate;
    let to: IsoDate;
    let precision: DateExpr['precision'] = 'day';
    if (w === 'yesterday') from = to = addDays(ref, -1);
    else if (w === 'tomorrow') from = to = addDays(ref, 1);
    else if (w === 'the day after tomorrow') from = to = addDays(ref, 2);
    else if (w === 'the day before yesterday') from = to = addDays(ref, -2);
    else if (w === 'today' || w === 'tonight') from = to = ref;
    else if (w === 'last night') [from, to] = [addDays(ref, -1), ref];
    else if (w.endsWith('week')) {
      precision = 'part-of-month';
      const monday = addDays(ref, -weekday(ref));
      if (w.startsWith('last') || w.startsWith('past')) [from, to] = w.startsWith('past') ? [addDays(ref, -7), ref] : [addDays(monday, -7), addDays(monday, -1)];
      else if (w.startsWith('next')) [from, to] = [addDays(monday, 7), addDays(monday, 13)];
      else if (w.startsWith('earlier')) [from, to] = [monday, ref];
      else if (w.startsWith('later')) [from, to] = [ref, addDays(monday, 6)];
      else [from, to] = [monday, addDays(monday, 6)];
    } else if (w.endsWith('month')) {
      precision = 'month';
      const delta = w.startsWith('last') ? -1 : w.startsWith('next') ? 1 : 0;
      const [y, mo] = monthStart(ref, delta);
      [from, to] = [isoOf(y, mo, 1), isoOf(y, mo, lastDayOfMonth(y, mo))];
      if (w.startsWith('past')) [from, to] = [addDays(ref, -31), ref];
      if (w.startsWith('earlier')) to = ref;
      if (w.startsWith('later')) from = ref;
    } else {
      precision = 'part-of-month';
      const y = +ref.slice(0, 4);
      [from, to] = w.startsWith('earlier') ? [isoOf(y, 1, 1), ref] : [ref, isoOf(y, 12, 31)];
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], from, to, precision, style: PLAIN, relative: undefined, ...(/week|month|year/.test(w) ? { vague: true } : {}) });
  }
  return out;
}
