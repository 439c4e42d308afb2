// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC: facts and claims compare days, never times of day.

export type IsoDate = string;

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function toIso(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function isoOf(year: number, month: number, day: number): IsoDate {
  // The common case without a Date: a real day of a four-digit year.
  if (year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 28) return `${year}-${pad(month)}-${pad(day)}`;
  return toIso(new Date(Date.UTC(year, month - 1, day)));
}

/** Days since 1970-01-01. Called for every date comparison: integer arithmetic on the digits, no Date. */
export function dayNumber(iso: IsoDate): number {
  const y = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  // Date.UTC reads years 0–99 as 1900–1999, and rolls over months out of range: keep its answer there.
  if (y < 100 || m < 1 || m > 12 || Number.isNaN(y + m + d)) return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);
  return daysFromCivil(y, m, d);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); a day past the month's end rolls on, as Date.UTC's does. */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return toIso(new Date((dayNumber(iso) + days) * 86_400_000));
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(iso: IsoDate): number {
  return +iso.slice(0, 4);
}

export function monthOf(iso: IsoDate): number {
  return +iso.slice(5, 7);
}

/** Whole years between two dates, as a fraction (365.25-day years). */
export function yearsBetween(a: IsoDate, b: IsoDate): number {
  return (dayNumber(b) - dayNumber(a)) / 365.25;
}

export function today(): IsoDate {
  return toIso(new Date());
}

/** A closed range of days. */
export interface DayRange { start: IsoDate; end: IsoDate }

export function overlaps(a: DayRange, b: DayRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Days between two ranges: 0 when they overlap. */
export function gapDays(a: DayRange, b: DayRange): number {
  if (overlaps(a, b)) return 0;
  return a.end < b.start ? dayNumber(b.start) - dayNumber(a.end) : dayNumber(a.start) - dayNumber(b.end);
}
