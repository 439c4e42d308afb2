// Date expressions in one sentence, resolved against the draft's reference date. chrono-node finds day-level
// dates and weekdays; month, part-of-month, year and relative-year forms, which chrono leaves vague, are read here.
// A date without a year is placed by the sentence's tense: the past looks back from the reference date, the
// future forward, the present takes the nearest.

import * as chrono from 'chrono-node/en';
import { MONTHS, addDays, dayNumber, isIsoDate, isoOf, lastDayOfMonth, type IsoDate } from './iso';

export type Tense = 'past' | 'future' | 'present';
export type DatePrecision = 'day' | 'part-of-month' | 'month' | 'year';

export interface DateExpr {
  /** Offsets of the expression in the sentence (the date words only, no leading "on"/"in"). */
  start: number;
  end: number;
  text: string;
  from: IsoDate;
  to: IsoDate;
  precision: DatePrecision;
  /** How the writer spelt it, so that a fix can answer in kind. */
  style: DateStyle;
  /** "this year", "that year": a scope, not a point in time. */
  relative?: 'this-year' | 'last-year' | 'next-year' | 'that-year';
  /** "ten days ago": counted back from the reference date, in the writer's unit. */
  ago?: { n: number; unit: 'day' | 'week' | 'month' | 'year' };
  /** "this week", "last month": a stretch the writer rounds; no day is meant. */
  vague?: boolean;
  /** "the summer of 2019": a season; a fix changes its year and keeps its words. */
  season?: boolean;
  /** "in three days' time": counted ahead of the reference date. */
  ahead?: boolean;
  /** Two dates read as one range ("from February 28 to March 2"): no single replacement fits it. */
  joined?: boolean;
}

export interface DateStyle { dayFirst: boolean; withYear: boolean; shortMonth: boolean }

const MONTH_RE = '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)';
const MONTH_ONLY = new RegExp(`\\b(?:([Ee]arly|[Mm]id|[Ll]ate|[Tt]he (?:beginning|start|end|middle) of|[Tt]he first half of|[Tt]he second half of)[- ]+)?(${MONTH_RE})(?![\\p{L}])(?:,? (\\d{4})\\b)?`, 'gu');
const YEAR_ONLY = /\b(1[89]\d{2}|20\d{2})\b/g;
const SEASON = /\b(?:the )?(spring|summer|autumn|fall) of (1[89]\d{2}|20\d{2})\b/gi;
const SEASON_MONTHS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };
const REL_YEAR = /\b(this|last|next|that|the same|the previous|the following|of the) year\b/gi;
const FUTURE = /\b(will|shall|is to|are to|is set to|are set to|scheduled|plans?|planned|planning|is due|are due|upcoming|is expected to|are expected to|is going to|are going to|prepares?|preparing)\b/i;
const PAST = /\b(was|were|had|did|has been|have been|went|came|met|spoke|made|took|began|flew|held|said|told|saw|left|sat|paid|gave|led|sent|spent|brought|kept|found|became|wrote|stood|won|lost|ran|got|\w{2,}ed)\b/i;

const WOULD = /\bwould\s+(?!have\b)[a-z]/i;

export function tenseOf(sentence: string): Tense {
  if (FUTURE.test(sentence)) return 'future';
  // "He said Putin would travel on December 20": ahead of the saying, not of the draft; the nearest date is meant.
  if (WOULD.test(sentence)) return 'present';
  if (PAST.test(sentence)) return 'past';
  return 'present';
}

function monthIndex(word: string): number {
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === word.slice(0, 3).toLowerCase()) + 1;
}

/** Places a month-day (or a month, as a range) without a year next to the reference date. */
function placeYear(ref: IsoDate, tense: Tense, make: (year: number) => [IsoDate, IsoDate]): [IsoDate, IsoDate] {
  const y = +ref.slice(0, 4);
  const options = [y - 1, y, y + 1].map(make);
  const refDay = dayNumber(ref);
  // A little slack: "on March 12" in an article of March 13 is past; a meeting "in September" seen on August 31 is ahead.
  if (tense === 'past') return options.filter(([s]) => dayNumber(s) <= refDay + 1).pop() ?? options[1];
  if (tense === 'future') return options.find(([, e]) => dayNumber(e) >= refDay - 1) ?? options[1];
  let best = options[1];
  let bestGap = Infinity;
  for (const o of options) {
    const gap = refDay < dayNumber(o[0]) ? dayNumber(o[0]) - refDay : refDay > dayNumber(o[1]) ? refDay - dayNumber(o[1]) : 0;
    if (gap < bestGap) [best, bestGap] = [o, gap];
  }
  return best;
}

function partRange(part: string | undefined, y: number, m: number): [IsoDate, IsoDate, DatePrecision] {
  const last = lastDayOfMonth(y, m);
  const p = (part ?? '').toLowerCase();
  if (!p) return [isoOf(y, m, 1), isoOf(y, m, last), 'month'];
  if (p === 'early' || p.includes('beginning') || p.includes('start')) return [isoOf(y, m, 1), isoOf(y, m, 10), 'part-of-month'];
  if (p === 'mid' || p.includes('middle')) return [isoOf(y, m, 11), isoOf(y, m, 20), 'part-of-month'];
  if (p.includes('first half')) return [isoOf(y, m, 1), isoOf(y, m, 15), 'part-of-month'];
  if (p.includes('second half')) return [isoOf(y, m, 16), isoOf(y, m, last), 'part-of-month'];
  return [isoOf(y, m, 21), isoOf(y, m, last), 'part-of-month'];
}

/**
 * Spans that can be read as a day: a month name next to a number, a weekday, an ISO date. Numeric dates like
 * 12/03/2023 are left alone: day-first and month-first readings differ, and a wrong reading would be a false alarm.
 */
const DAY_ANCHOR = new RegExp(
  `(?:\\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+(?:the\\s+)?)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?![A-Za-z])(?:,?\\s+\\d{4})?|${MONTH_RE}(?![A-Za-z])\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?)|\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b)`,
  'gi',
);

/** What a day-date span says for certain. */
interface DayParts { year?: number; month?: number; day?: number; weekday?: number }
type DayHit = { index: number; text: string; parts: DayParts };

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FAST_DAY = new RegExp(
  `^(?:(mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+(?:the\\s+)?)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_RE})|(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?)(?:,?\\s+(\\d{4}))?$`,
  'i',
);

/**
 * The forms a draft writes most ("March 12", "12 March 2023", "Monday, December 19, 2022", "2023-03-12") are read
 * directly; anything else goes to chrono-node. chrono's first use costs about 250 ms (it compiles its large
 * patterns), more than a whole check of a long draft, so it is kept for the forms only it reads.
 */
function readDaySpan(span: string, ref: IsoDate): DayHit[] {
  let m = FAST_DAY.exec(span);
  if (m) {
    const month = monthIndex(m[3] ?? m[4]);
    const day = +(m[2] ?? m[5]);
    const year = m[6] ? +m[6] : undefined;
    if (month >= 1 && day >= 1 && day <= lastDayOfMonth(year ?? 2024, month)) {
      return [{ index: 0, text: span, parts: { month, day, ...(year ? { year } : {}) } }];
    }
    return [];
  }
  if ((m = /^(mon|tues|wednes|thurs|fri|satur|sun)day$/i.exec(span))) return [{ index: 0, text: span, parts: { weekday: WEEKDAYS.indexOf(m[1].slice(0, 3).toLowerCase()) } }];
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(span)) && isIsoDate(span)) return [{ index: 0, text: span, parts: { year: +m[1], month: +m[2], day: +m[3] } }];
  return chronoSpan(span, ref);
}

const chronoMemo = new Map<string, DayHit[]>();
function chronoSpan(span: string, ref: IsoDate): DayHit[] {
  const key = `${ref}|${span}`;
  let hits = chronoMemo.get(key);
  if (!hits) {
    try {
      hits = chrono.casual.parse(span, { instant: new Date(`${ref}T12:00:00Z`), timezone: 0 }).map((r) => {
        const c = r.start;
        const parts: DayParts = {};
        for (const k of ['year', 'month', 'day', 'weekday'] as const) if (c.isCertain(k)) parts[k] = c.get(k)!;
        return { index: r.index, text: r.text, parts };
      });
    } catch {
      hits = [];
    }
    if (chronoMemo.size > 5000) chronoMemo.clear();
    chronoMemo.set(key, hits);
  }
  return hits;
}

/**
 * What a sentence's words hold, for findDates to skip the patterns that cannot match: a month name, a weekday, a
 * number, the word "year". A caller that has scanned the words passes them; by default every pattern runs.
 */
export const DATE_CUE = { month: 1, weekday: 2, digit: 4, year: 8 } as const;
const ALL_DATE_CUES = 15;

/** All date expressions of a sentence, in order, without overlaps. */
export function findDates(sentence: string, ref: IsoDate, tense: Tense = tenseOf(sentence), cues: number = ALL_DATE_CUES): DateExpr[] {
  const out: DateExpr[] = [];
  const taken = (s: number, e: number) => out.some((d) => s < d.end && d.start < e);

  // chrono costs about 0.1 ms a sentence. It reads only the few spans that can be day dates or weekdays, and
  // each span's reading is remembered (the same "March 12" recurs across a draft).
  const results: DayHit[] = [];
  DAY_ANCHOR.lastIndex = 0;
  // A day date needs a weekday, or a number with a month name, or a number with a dash (ISO).
  const dayCue = (cues & DATE_CUE.weekday) !== 0 || ((cues & DATE_CUE.digit) !== 0 && ((cues & DATE_CUE.month) !== 0 || sentence.includes('-')));
  const anchored = dayCue && /\d|day\b/i.test(sentence);
  for (let m = anchored ? DAY_ANCHOR.exec(sentence) : null; m; m = DAY_ANCHOR.exec(sentence)) {
    for (const r of readDaySpan(m[0], ref)) results.push({ index: m.index + r.index, text: r.text, parts: r.parts });
  }
  for (const r of results) {
    const c = r.parts;
    let text = r.text;
    let start = r.index;
    const lead = /^(on|in|at|by|from|since|the)\s+/i.exec(text);
    if (lead) [text, start] = [text.slice(lead[0].length), start + lead[0].length];
    text = text.replace(/[\s,;.]+$/, '');
    // Only calendar dates and weekdays: chrono also reads "for half an hour" or "now" as moments.
    if (!/\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i.test(text)) continue;
    if (c.day !== undefined && c.month !== undefined) {
      const [m, d] = [c.month, c.day];
      let from: IsoDate;
      if (c.year !== undefined) from = isoOf(c.year, m, d);
      else from = placeYear(ref, tense, (y) => [isoOf(y, m, d), isoOf(y, m, d)])[0];
      const dayFirst = /^\d/.test(text);
      out.push({ start, end: start + text.length, text, from, to: from, precision: 'day', style: { dayFirst, withYear: c.year !== undefined, shortMonth: /\b[A-Z][a-z]{2}\.?(\s|$)/.test(text) && !/May/.test(text) }, relative: undefined });
    } else if (c.weekday !== undefined && c.month === undefined) {
      const wd = c.weekday;
      const refWd = new Date(`${ref}T12:00:00Z`).getUTCDay();
      let delta = (wd - refWd + 7) % 7;
      if (tense === 'past') delta = delta === 0 ? 0 : delta - 7;
      const style = { dayFirst: false, withYear: false, shortMonth: false };
      // "He will meet Khamenei on Monday" in a draft dated a Monday: today, or a week on. Both, as a span of days.
      if (delta === 0 && tense === 'future') out.push({ start, end: start + text.length, text, from: ref, to: addDays(ref, 7), precision: 'part-of-month', style, relative: undefined });
      else {
        const from = addDays(ref, delta);
        out.push({ start, end: start + text.length, text, from, to: from, precision: 'day', style, relative: undefined });
      }
    }
  }

  MONTH_ONLY.lastIndex = 0;
  for (let m = cues & DATE_CUE.month ? MONTH_ONLY.exec(sentence) : null; m; m = MONTH_ONLY.exec(sentence)) {
    const [start, end] = [m.index, m.index + m[0].length];
    if (taken(start, end)) continue;
    // "May" is also a verb: take it as a month only when a year, a part ("late May") or a preposition says so.
    if (/^may$/i.test(m[2]) && !m[1] && !m[3] && !/\b(in|since|of|until|by|from|to|last|next|this|early|mid|late|between|and|or)\s+$/i.test(sentence.slice(Math.max(0, start - 12), start))) continue;
    const mo = monthIndex(m[2]);
    const year = m[3] ? +m[3] : undefined;
    let from: IsoDate, to: IsoDate, precision: DatePrecision;
    if (year) [from, to, precision] = partRange(m[1], year, mo);
    else {
      let p: DatePrecision = 'month';
      [from, to] = placeYear(ref, tense, (y) => {
        const r = partRange(m![1], y, mo);
        p = r[2];
        return [r[0], r[1]];
      });
      precision = p;
    }
    out.push({ start, end, text: m[0], from, to, precision, style: { dayFirst: false, withYear: !!year, shortMonth: m[2].length <= 4 && m[2] !== 'June' && m[2] !== 'July' }, relative: undefined });
  }

  REL_YEAR.lastIndex = 0;
  for (let m = cues & DATE_CUE.year ? REL_YEAR.exec(sentence) : null; m; m = REL_YEAR.exec(sentence)) {
    const [start, end] = [m.index, m.index + m[0].length];
    if (taken(start, end)) continue;
    const w = m[1].toLowerCase();
    const y = +ref.slice(0, 4) + (w === 'last' || w === 'the previous' ? -1 : w === 'next' || w === 'the following' ? 1 : 0);
    // "his third trip of the year" counts within the trip's year, as "that year" does.
    const relative = w === 'this' ? 'this-year' : w === 'last' || w === 'the previous' ? 'last-year' : w === 'next' || w === 'the following' ? 'next-year' : 'that-year';
    out.push({ start, end, text: m[0], from: isoOf(y, 1, 1), to: isoOf(y, 12, 31), precision: 'year', style: { dayFirst: false, withYear: true, shortMonth: false }, relative });
  }

  SEASON.lastIndex = 0;
  for (let m = cues & DATE_CUE.digit ? SEASON.exec(sentence) : null; m; m = SEASON.exec(sentence)) {
    const [start, end] = [m.index, m.index + m[0].length];
    if (taken(start, end)) continue;
    const [a, b] = SEASON_MONTHS[m[1].toLowerCase()];
    const y = +m[2];
    out.push({ start, end, text: m[0], from: isoOf(y, a, 1), to: isoOf(y, b, lastDayOfMonth(y, b)), precision: 'month', style: { dayFirst: false, withYear: true, shortMonth: false }, relative: undefined, season: true });
  }

  YEAR_ONLY.lastIndex = 0;
  for (let m = cues & DATE_CUE.digit ? YEAR_ONLY.exec(sentence) : null; m; m = YEAR_ONLY.exec(sentence)) {
    const [start, end] = [m.index, m.index + m[0].length];
    if (taken(start, end)) continue;
    // Amounts are not years: "$2023 million", "2021 people".
    if (/[$€£]\s*$/.test(sentence.slice(Math.max(0, start - 2), start))) continue;
    const y = +m[1];
    out.push({ start, end, text: m[0], from: isoOf(y, 1, 1), to: isoOf(y, 12, 31), precision: 'year', style: { dayFirst: false, withYear: true, shortMonth: false }, relative: undefined });
  }
  out.sort((a, b) => a.start - b.start);
  // "Late Feb – early Mar 2023", "from June to August 2019": the year after a range holds for its start too.
  for (let i = 0; i + 1 < out.length; i++) {
    const [a, b] = [out[i], out[i + 1]];
    if (a.style.withYear || !b.style.withYear || a.precision === 'year' || b.precision === 'year' || a.from.slice(0, 4) !== a.to.slice(0, 4)) continue;
    if (!/^\s*(?:[–—-]|to|through|until|and)\s*$/.test(sentence.slice(a.end, b.start))) continue;
    const y = +b.from.slice(0, 4) - (a.from.slice(5) > b.from.slice(5) ? 1 : 0);
    // The same days in that year; February's end moves with leap years.
    const monthEnd = new Date(Date.UTC(y, +a.to.slice(5, 7), 0)).getUTCDate();
    const toDay = Math.min(+a.to.slice(8, 10), monthEnd);
    out[i] = { ...a, from: `${y}${a.from.slice(4)}`, to: `${y}${a.to.slice(4, 8)}${String(toDay).padStart(2, '0')}` };
  }
  return out;
}

/** A day in the style the writer used: "March 12", "12 March 2023", "Mar. 12". */
export function formatDay(iso: IsoDate, style: DateStyle): string {
  const [y, m, d] = [+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
  const month = style.shortMonth && MONTHS[m - 1].length > 4 ? MONTHS[m - 1].slice(0, 3) + '.' : MONTHS[m - 1];
  if (style.dayFirst) return `${d} ${month}${style.withYear ? ' ' + y : ''}`;
  return `${month} ${d}${style.withYear ? ', ' + y : ''}`;
}
