// Sentence boundaries inside one prose segment. Abbreviations common in news copy ("Feb.", "St.", "U.S.") do not end
// a sentence. Linear, no backtracking.

const ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'st', 'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sen', 'rep', 'gov', 'pres', 'prof', 'vs', 'no', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'inc', 'ltd', 'jr', 'sr']);

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

export interface SentenceSpan { start: number; end: number }

/** A letter: ASCII by its code, anything else by whether it has case (as before, without a string a character). */
const isLetter = (c: string) => {
  const code = c.charCodeAt(0);
  if (code < 128) return ((code | 32) >= 97 && (code | 32) <= 122);
  return c.toLowerCase() !== c.toUpperCase();
};
const isWhite = (c: string) => {
  const code = c.charCodeAt(0);
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(c);
};
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);

/** Where a sentence may end: . ! ?, a control character, a replacement character. */
const BOUNDARY_CANDIDATE = /[\x00-\x1f.!?\ufffd]/g;

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const n = text.length;
  let start = 0;
  const push = (from: number, to: number) => {
    const span = trim(text, from, to);
    if (span.end > span.start) out.push(span);
  };
  // The pattern finds the candidates, which the rules below decide on: it scans for them much faster than a loop over
  // every character, and test() makes no match object.
  const candidates = BOUNDARY_CANDIDATE;
  candidates.lastIndex = 0;
  while (candidates.test(text)) {
    const i = candidates.lastIndex - 1;
    const code = text.charCodeAt(i);
    // Control characters and replacement characters are not prose: they separate sentences.
    if (code < 32 || code === 0xfffd) {
      push(start, i);
      start = i + 1;
      continue;
    }
    // Take closing quotes and brackets with the sentence.
    let end = i + 1;
    while (end < n && CLOSERS.has(text[end])) end++;
    if (end < n && text.charCodeAt(end) !== 32) continue;
    if (code === 46) {
      // The word before the period, letters and inner periods: "Feb", "St", "U.S", "J".
      let w = i;
      while (w > start && i - w < 12 && (text[w - 1] === '.' || isLetter(text[w - 1]))) w--;
      // Most sentences end on a long word without inner periods: no slice, no lookup, no pattern for those.
      const len = i - w;
      if (len <= LONGEST_ABBREVIATION || (len >= 3 && text.lastIndexOf('.', i - 1) >= w)) {
        const word = text.slice(w, i);
        const lower = word.toLowerCase();
        if (ABBREVIATIONS.has(lower) || (word.length === 1 && word !== lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
      }
      // A lower-case word after the period continues the sentence ("Feb. 16", "approx. two").
      let k = end;
      while (k < n && k < end + 3 && isSpace(text.charCodeAt(k))) k++;
      if (k < n && k < end + 3 && isLetter(text[k]) && text[k] === text[k].toLowerCase()) continue;
    }
    push(start, end);
    start = end;
  }
  push(start, n);
  return out;
}

function trim(text: string, start: number, end: number): SentenceSpan {
  while (start < end && isWhite(text[start])) start++;
  while (end > start && isWhite(text[end - 1])) end--;
  return { start, end };
}
