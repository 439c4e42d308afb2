// Character classes of JavaScript's Unicode-aware patterns, one code point (or code unit) at a time, for what is read
// by hand (./role.ts, ./reporting.ts, the role lookup in ./parse.ts): a pattern over \p{L} costs milliseconds to compile, in every new process.
// ASCII goes by its code; beyond it, a pattern over one class answers (those compile fast).

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const LETTER = /^\p{L}$/u;

export function codePointAt(s: string, i: number): number {
  return s.codePointAt(i)!;
}

/** The code point that ends at i (a surrogate pair counts as one, a lone surrogate as itself). */
export function codePointBefore(s: string, i: number): number {
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Code units of a code point. */
export function units(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** \s */
export function isSpace(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13);
  return cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0xfeff;
}

/** \p{Lu} */
export function isUpper(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90;
  return UPPER.test(String.fromCodePoint(cp));
}

/** \p{Ll} */
export function isLower(cp: number): boolean {
  if (cp < 128) return cp >= 97 && cp <= 122;
  return LOWER.test(String.fromCodePoint(cp));
}

/** [\p{L}'’] */
export function isLetterOrApostrophe(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 39;
  return cp === 0x2019 || LETTER.test(String.fromCodePoint(cp));
}

/** Whether the code unit at i is a letter (\p{L}; a surrogate alone is none). */
export function isLetterAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(s[i]);
}
