// Sentence boundaries inside one prose segment. Abbreviations common in news copy ("Feb.", "St.", "U.S.") do not end
// a sentence. Linear, no backtracking.


const ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'st', 'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sen', 'rep', 'gov', 'pres', 'prof', 'vs', 'no', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'inc', 'ltd', 'jr', 'sr']);

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

/** A letter: ASCII by its code, anything else by whether it has case. */
function isLetterCode(code: number): boolean {
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122;
  const c = String.fromCharCode(code);
  return c.toLowerCase() !== c.toUpperCase();
}
/** A lower-case letter, as isLetterCode decides letters. */
function isLowerLetterCode(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  const c = String.fromCharCode(code);
  return c.toLowerCase() !== c.toUpperCase() && c === c.toLowerCase();
}
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
/** Whitespace to trim from a sentence's ends: the above and the other Unicode spaces. */
const isWhite = (code: number) => isSpace(code) || code === 11 || code === 12 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
/** Closing quotes and brackets: " ' ” ’ ) ] */
const isCloser = (code: number) => code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 41 || code === 93;

/** Where a sentence may end: . ! ?, a control character, a replacement character. */
const BOUNDARY_CANDIDATE = /[\x00-\x1f.!?\ufffd]/g;

/**
 * The sentences of a text into `out` as start, end pairs (out is emptied first), and their number. No object a
 * sentence: a long draft has tens of thousands.
 */
export function sentenceSpans(text: string, out: number[]): number {
  out.length = 0;
  const n = text.length;
  let start = 0;
  // The pattern finds the candidates, which the rules below decide on: it scans for them much faster than a loop over
  // every character, and test() makes no match object.
  const candidates = BOUNDARY_CANDIDATE;
  candidates.lastIndex = 0;
  while (candidates.test(text)) {
    const i = candidates.lastIndex - 1;
    const code = text.charCodeAt(i);
    // Control characters and replacement characters are not prose: they separate sentences.
    if (code < 32 || code === 0xfffd) {
      pushTrimmed(text, start, i, out);
      start = i + 1;
      continue;
    }
    // Take closing quotes and brackets with the sentence.
    let end = i + 1;
    while (end < n && isCloser(text.charCodeAt(end))) end++;
    if (end < n && text.charCodeAt(end) !== 32) continue;
    if (code === 46) {
      // The word before the period, letters and inner periods: "Feb", "St", "U.S", "J".
      let w = i;
      while (w > start && i - w < 12 && (text.charCodeAt(w - 1) === 46 || isLetterCode(text.charCodeAt(w - 1)))) w--;
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
      if (k < n && k < end + 3 && isLowerLetterCode(text.charCodeAt(k))) continue;
    }
    pushTrimmed(text, start, end, out);
    start = end;
  }
  pushTrimmed(text, start, n, out);
  return out.length >> 1;
}

/** Appends [start, end) without its leading and trailing whitespace, unless nothing is left. */
function pushTrimmed(text: string, start: number, end: number, out: number[]): void {
  while (start < end && isWhite(text.charCodeAt(start))) start++;
  while (end > start && isWhite(text.charCodeAt(end - 1))) end--;
  if (end > start) out.push(start, end);
}
