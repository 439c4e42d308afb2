// Ordinals and counts in words and digits: "third", "3rd", "three times", "twice", "once".

const CARDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

/** The ordinals in words, first to twentieth. */
export const ORDINAL_WORDS: readonly string[] = ORDINALS.slice(1);

export const ORDINAL_PATTERN = `(?:${ORDINALS.slice(1).join('|')}|\\d{1,2}(?:st|nd|rd|th))`;
export const CARDINAL_PATTERN = `(?:${CARDINALS.slice(1).join('|')}|\\d{1,2})`;

export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase();
  const i = ORDINALS.indexOf(w);
  if (i > 0) return i;
  const m = /^(\d{1,2})(st|nd|rd|th)$/.exec(w);
  return m ? +m[1] : undefined;
}

export function cardinalValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === 'once') return 1;
  if (w === 'twice') return 2;
  if (w === 'thrice') return 3;
  const i = CARDINALS.indexOf(w);
  if (i >= 0) return i;
  return /^\d{1,3}$/.test(w) ? +w : undefined;
}

function suffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** The ordinal in the same form the writer used: "third" → "second", "3rd" → "2nd", "Third" → "Second". */
export function ordinalLike(n: number, like: string): string {
  if (/^\d/.test(like)) return `${n}${suffix(n)}`;
  const word = ORDINALS[n] ?? `${n}${suffix(n)}`;
  return /^\p{Lu}/u.test(like) ? word[0].toUpperCase() + word.slice(1) : word;
}

/** A count in the same form: "four" → "two", "4" → "2"; "three times" → "twice" is left to the caller. */
export function cardinalLike(n: number, like: string): string {
  if (/^\d/.test(like)) return String(n);
  const word = CARDINALS[n] ?? String(n);
  return /^\p{Lu}/u.test(like) ? word[0].toUpperCase() + word.slice(1) : word;
}

export function ordinalWord(n: number): string {
  return ORDINALS[n] ?? `${n}${suffix(n)}`;
}

export function cardinalWord(n: number): string {
  return CARDINALS[n] ?? String(n);
}

/** "twice", "three times", "once". */
export function timesWord(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${cardinalWord(n)} times`;
}

/** "three and a half years", "about three years". */
export function yearsInWords(years: number): string {
  // Under a year, in months: "nine months".
  const months = Math.round(years * 12);
  if (months < 12) return `${cardinalWord(Math.max(1, months))} month${months === 1 ? '' : 's'}`;
  const whole = Math.floor(years);
  const frac = years - whole;
  if (frac >= 0.35 && frac <= 0.65) return `${cardinalWord(whole)} and a half years`;
  const n = Math.round(years);
  return `${frac < 0.35 ? 'more than ' : 'almost '}${cardinalWord(frac < 0.35 ? whole : n)} year${(frac < 0.35 ? whole : n) === 1 ? '' : 's'}`;
}
