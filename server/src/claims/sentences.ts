// Sentence boundaries inside one prose segment. Abbreviations common in news copy ("Feb.", "St.", "U.S.") do not end
// a sentence. Linear, no backtracking.

const ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'st', 'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'sen', 'rep', 'gov', 'pres', 'prof', 'vs', 'no', 'etc', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'inc', 'ltd', 'jr', 'sr']);

export interface SentenceSpan { start: number; end: number }

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // Control characters and replacement characters are not prose: they separate sentences.
    if (c < ' ' || c === '\ufffd') {
      if (text.slice(start, i).trim()) out.push(trim(text, start, i));
      start = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // Take closing quotes and brackets with the sentence.
    let end = i + 1;
    while (end < text.length && /["'”’)\]]/.test(text[end])) end++;
    if (end < text.length && text[end] !== ' ') continue;
    if (c === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
      // A lower-case word after the period continues the sentence ("Feb. 16", "approx. two").
      const next = /\S/.exec(text.slice(end, end + 3));
      if (next && /\p{Ll}/u.test(next[0])) continue;
    }
    if (text.slice(start, end).trim()) out.push(trim(text, start, end));
    start = end;
  }
  if (text.slice(start).trim()) out.push(trim(text, start, text.length));
  return out;
}

function trim(text: string, start: number, end: number): SentenceSpan {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
