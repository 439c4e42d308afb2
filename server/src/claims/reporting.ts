// "said on", "a statement on the leader's website on": whether a text ends with a reporting word and the preposition
// that ties the following date to the report, not to the visit. It means exactly
//
//   \b(?:said|says|…|posted)\s+(?:[\p{L}'’]+\s+){0,2}(?:on|in|late on|early on)\s+$        flags iu
//
// (test/unit/reporting.test.ts holds the two to each other on random text), read backwards from the end. Written out
// because V8 compiled that pattern, \p{L} under case folding, in about 5 ms in every new process.

import { codePointBefore, isLetterOrApostrophe, isSpace, units } from './chars';

export const REPORTING_WORDS = ['said', 'says', 'announced', 'reported', 'statement', 'told reporters', 'website', 'press release', 'added', 'confirmed', 'noted', 'wrote', 'published', 'tweeted', 'posted'];
const TIES = ['on', 'in', 'late on', 'early on'];
/** Words allowed between the reporting word and the tie. */
const MAX_BETWEEN = 2;

/**
 * Whether s[at, at + word.length) is `word` (lower-case ASCII) under Unicode simple case folding: ASCII either case,
 * and the two characters that fold to ASCII letters, ſ (s) and the Kelvin sign (k).
 */
function equalsFolded(s: string, at: number, word: string): boolean {
  if (at < 0) return false;
  for (let k = 0; k < word.length; k++) {
    const c = s.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    if (c === w) continue;
    if (w >= 97 && w <= 122 && c === w - 32) continue;
    if ((w === 115 && c === 0x17f) || (w === 107 && c === 0x212a)) continue;
    return false;
  }
  return true;
}

/** A word character for \b under the i and u flags: [A-Za-z0-9_], and ſ and K, which fold into it. */
function isWordUnit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 0x17f || c === 0x212a;
}

/** [\p{L}'’] under the i and u flags: also U+0345, which folds to ι. */
function isWordLetter(cp: number): boolean {
  return cp === 0x345 || isLetterOrApostrophe(cp);
}

/** The start of the whitespace run that ends at i (i itself when there is none). */
function spacesBefore(s: string, i: number): number {
  while (i > 0) {
    const cp = codePointBefore(s, i);
    if (!isSpace(cp)) break;
    i -= units(cp);
  }
  return i;
}

/** Whether s[0, end) ends with a reporting word at a word boundary. */
function reportingWordEndsAt(s: string, end: number): boolean {
  for (const word of REPORTING_WORDS) {
    const at = end - word.length;
    if (at >= 0 && equalsFolded(s, at, word) && (at === 0 || !isWordUnit(s.charCodeAt(at - 1)))) return true;
  }
  return false;
}

/** Whether s[0, end) ends with a reporting word and then up to `words` words, each after whitespace. */
function reportedUpTo(s: string, end: number, words: number): boolean {
  if (reportingWordEndsAt(s, end)) return true;
  if (words === 0) return false;
  // A word in between follows whitespace: it is the whole run of letters and apostrophes before `end`.
  let start = end;
  while (start > 0) {
    const cp = codePointBefore(s, start);
    if (!isWordLetter(cp)) break;
    start -= units(cp);
  }
  if (start === end) return false;
  const before = spacesBefore(s, start);
  return before < start && reportedUpTo(s, before, words - 1);
}

/** Whether `s` ends with a reporting word, up to two words, "on" or "in" ("late on", "early on") and whitespace. */
export function endsWithReportingTie(s: string): boolean {
  const tieEnd = spacesBefore(s, s.length);
  if (tieEnd === s.length) return false;
  for (const tie of TIES) {
    const at = tieEnd - tie.length;
    if (!equalsFolded(s, at, tie)) continue;
    const before = spacesBefore(s, at);
    if (before < at && reportedUpTo(s, before, MAX_BETWEEN)) return true;
  }
  return false;
}
