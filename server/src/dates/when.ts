// The `when` shorthand of data/annotations.yaml, expanded into a day range with words for messages.

import type { When } from '../facts/types';
import { MONTHS, isIsoDate, isoOf, lastDayOfMonth } from './iso';

const PART: Record<string, [number, number | 'end']> = { early: [1, 10], mid: [11, 20], late: [21, 'end'] };

/** "2023", "2023-03", "2023-03-12", "late 2021-05", or "2023-02-21..2023-03-12". Throws on anything else. */
export function expandWhen(shorthand: string, text?: string): When {
  const s = shorthand.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = +m[1];
    return { start: isoOf(y, 1, 1), end: isoOf(y, 12, 31), precision: 'year', text: text ?? `${y}` };
  }
  if ((m = /^(?:(early|mid|late) )?(\d{4})-(\d{2})$/.exec(s))) {
    const [y, mo] = [+m[2], +m[3]];
    if (mo < 1 || mo > 12) throw new Error(`bad month in "${s}"`);
    const last = lastDayOfMonth(y, mo);
    const part = m[1] ? PART[m[1]] : undefined;
    const from = part ? part[0] : 1;
    const to = part ? (part[1] === 'end' ? last : part[1]) : last;
    const words = `${m[1] ? m[1] + ' ' : ''}${MONTHS[mo - 1]} ${y}`;
    return { start: isoOf(y, mo, from), end: isoOf(y, mo, to), precision: part ? 'part-of-month' : 'month', text: text ?? words };
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)) && isIsoDate(s)) {
    return { start: s, end: s, precision: 'day', text: text ?? `${MONTHS[+m[2] - 1]} ${+m[3]}, ${m[1]}` };
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s)) && isIsoDate(m[1]) && isIsoDate(m[2]) && m[1] <= m[2]) {
    return { start: m[1], end: m[2], precision: m[1] === m[2] ? 'day' : 'range', text: text ?? `${m[1]} to ${m[2]}` };
  }
  throw new Error(`cannot read the date "${s}": use YYYY, YYYY-MM, YYYY-MM-DD, "late YYYY-MM" or "FROM..TO"`);
}

/** "on September 9, 2021", "in June 2019": the preposition a message dates a known event with. */
export function atWhen(w: When): string {
  return `${w.precision === 'day' ? 'on' : 'in'} ${w.text}`;
}
