// "Belarusian President Alexander Lukashenko": a capitalised word, a title and a capitalised name of one to three
// words, read by hand at a position. It means exactly the sticky pattern
//
//   (\p{Lu}\p{Ll}+)\s+TITLE\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2})      flags uy, "-" in TITLE as [- ]
//
// (test/unit/role.test.ts holds the two to each other on random text). Written out because V8 compiled that pattern's
// Unicode classes in about 5 ms for each title, in every new process: the CLI paid some 20 ms a run for it.

import { codePointAt, isLetterOrApostrophe, isLower, isSpace, isUpper, units } from './chars';

export interface RolePhrase {
  /** The capitalised word before the title: "Belarusian". */
  word: string;
  /** Where the name starts, and the name: "Alexander Lukashenko". */
  nameStart: number;
  name: string;
}

/** [\p{L}'’-] */
function isNameChar(cp: number): boolean {
  return cp === 45 || isLetterOrApostrophe(cp);
}

/** The end of the whitespace run at i (i itself when there is none). */
function skipSpaces(s: string, i: number): number {
  while (i < s.length) {
    const cp = codePointAt(s, i);
    if (!isSpace(cp)) break;
    i += units(cp);
  }
  return i;
}

/** The end of a capitalised name word at i (\p{Lu}[\p{L}'’-]+), or -1. */
function nameWordEnd(s: string, i: number): number {
  if (i >= s.length) return -1;
  let cp = codePointAt(s, i);
  if (!isUpper(cp)) return -1;
  i += units(cp);
  const from = i;
  while (i < s.length && isNameChar((cp = codePointAt(s, i)))) i += units(cp);
  return i > from ? i : -1;
}

/** The phrase `word title name` starting exactly at `at`, or undefined. */
export function rolePhraseAt(s: string, at: number, title: string): RolePhrase | undefined {
  const n = s.length;
  let i = at;
  if (i < 0 || i >= n) return undefined;
  let cp = codePointAt(s, i);
  if (!isUpper(cp)) return undefined;
  i += units(cp);
  const lowerFrom = i;
  while (i < n && isLower((cp = codePointAt(s, i)))) i += units(cp);
  if (i === lowerFrom) return undefined;
  const wordEnd = i;
  i = skipSpaces(s, i);
  if (i === wordEnd) return undefined;
  for (let k = 0; k < title.length; k++, i++) {
    if (i >= n) return undefined;
    const c = s.charCodeAt(i);
    const t = title.charCodeAt(k);
    if (c !== t && !(t === 45 && c === 32)) return undefined;
  }
  const titleEnd = i;
  i = skipSpaces(s, i);
  if (i === titleEnd) return undefined;
  const nameStart = i;
  let end = nameWordEnd(s, i);
  if (end < 0) return undefined;
  for (let more = 0; more < 2; more++) {
    const next = skipSpaces(s, end);
    if (next === end) break;
    const e = nameWordEnd(s, next);
    if (e < 0) break;
    end = e;
  }
  return { word: s.slice(at, wordEnd), nameStart, name: s.slice(nameStart, end) };
}
