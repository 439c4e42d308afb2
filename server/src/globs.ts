// CLI globs: tinyglobby (fdir and picomatch) walks the tree and matches, with one guard.
//
// picomatch turns a path segment into a regular expression, and a segment with several stars becomes a run of lazy
// quantifiers (`*a*a*zz.md` is `[^/]*?a[^/]*?a[^/]*?zz\.md`) that backtracks polynomially on a long file name: four
// stars against a 250-character name took 5 s, twelve against 40 characters minutes. So such a segment (stars,
// `?`, plain characters and simple classes only) is given to tinyglobby as a single `*`, which walks the same
// folders, and the names it returns are matched against the real segment here, by the classic wildcard algorithm:
// each star is taken as short as it can be and only the last one is ever widened, O(name × segment) at worst.
// Everything else (globstars, braces, extglobs, classes with POSIX names) stays picomatch's.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { globSync } = require('tinyglobby') as typeof import('tinyglobby');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const picomatch = require('picomatch') as (glob: string, options?: { dot?: boolean }) => (s: string) => boolean;
// (By require, so that the bundle takes the CommonJS builds: the ES modules read import.meta.url, which a CommonJS
// bundle does not have.)

/** Plain characters, escapes, `*`, `?` and classes without nested brackets: what wildcardMatch reads. */
const SIMPLE = /^(?:[^*?[\]{}()!+@\\]|\\.|\*(?!\()|\?(?!\()|\[!?\]?[^\][]*\])+$/;

function risky(segment: string): boolean {
  if (segment === '**' || !SIMPLE.test(segment)) return false;
  let stars = 0;
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === '\\') i++;
    else if (segment[i] === '*') stars++;
  }
  return stars >= 2;
}

type Token = { kind: 'star' } | { kind: 'one' } | { kind: 'char'; c: string } | { kind: 'class'; negate: boolean; test: (c: string) => boolean };

function tokens(segment: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === '\\') out.push({ kind: 'char', c: segment[++i] ?? '\\' });
    else if (c === '*') {
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'one' });
    else if (c === '[') {
      let j = i + 1;
      const negate = segment[j] === '!' || segment[j] === '^';
      if (negate) j++;
      const start = j;
      if (segment[j] === ']') j++;
      while (segment[j] !== ']') j++;
      const body = segment.slice(start, j);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k], body[k + 2]]);
          k += 2;
        } else ranges.push([body[k], body[k]]);
      }
      out.push({ kind: 'class', negate, test: (ch) => ranges.some(([a, b]) => ch >= a && ch <= b) });
      i = j;
    } else out.push({ kind: 'char', c });
  }
  return out;
}

function matchOne(t: Token, ch: string): boolean {
  if (t.kind === 'one') return true;
  if (t.kind === 'char') return t.c === ch;
  if (t.kind === 'class') return t.test(ch) !== t.negate;
  return false;
}

/** Whether `name` matches the wildcard segment, without backtracking more than one star. */
export function wildcardMatch(segment: string, name: string): boolean {
  // As picomatch without `dot`: a name that starts with a dot is matched only by a segment that does.
  if (name.startsWith('.') && !segment.startsWith('.')) return false;
  const p = tokens(segment);
  let pi = 0;
  let ni = 0;
  let star = -1;
  let resume = 0;
  while (ni < name.length) {
    if (pi < p.length && p[pi].kind !== 'star' && matchOne(p[pi], name[ni])) {
      pi++;
      ni++;
    } else if (pi < p.length && p[pi].kind === 'star') {
      star = pi++;
      resume = ni;
    } else if (star >= 0) {
      pi = star + 1;
      ni = ++resume;
    } else return false;
  }
  while (pi < p.length && p[pi].kind === 'star') pi++;
  return pi === p.length;
}

/** The files a pattern matches, as tinyglobby returns them (relative to the working folder, or absolute). */
export function expandGlob(pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const options = {
    cwd: process.cwd(),
    absolute,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: ['**/node_modules/**'],
    expandDirectories: false,
  };
  const parts = pattern.split('/');
  if (!parts.some(risky)) return globSync(pattern, options);
  const coarse = parts.map((s) => (risky(s) ? (s.startsWith('.') ? '.*' : '*') : s)).join('/');
  // The pattern's segments from where tinyglobby's paths start: without a leading './', and for an absolute
  // pattern without the empty segment before the first '/'.
  const segs = parts.filter((s, i) => !(s === '.' && i === 0) && !(absolute && i === 0 && s === ''));
  const exact = segs.map((s) => (risky(s) ? (name: string) => wildcardMatch(s, name) : s === '**' ? undefined : picomatch(s, { dot: false })));
  return globSync(coarse, options).filter((file) => {
    const names = (absolute ? file.slice(1) : file).split('/');
    // Segments against names, a globstar taking any number of names; memoised, so O(segments × names).
    const memo = new Map<number, boolean>();
    const match = (i: number, j: number): boolean => {
      if (i === segs.length) return j === names.length;
      const key = i * (names.length + 1) + j;
      const known = memo.get(key);
      if (known !== undefined) return known;
      let ok: boolean;
      const m = exact[i];
      if (!m) ok = match(i + 1, j) || (j < names.length && !names[j].startsWith('.') && match(i, j + 1));
      else ok = j < names.length && m(names[j]) && match(i + 1, j + 1);
      memo.set(key, ok);
      return ok;
    };
    return match(0, 0);
  });
}
