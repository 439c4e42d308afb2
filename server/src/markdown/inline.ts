// Inline layer: turns the inline source of one block (as markdown-it gives it in an `inline` token's content)
// into prose, with every prose character mapped to its exact document offset.
//
// markdown-it's inline tokens carry no source positions, so the inline markup is stripped here by a small
// linear-time scanner instead. It follows CommonMark where that matters for prose (escapes, code spans,
// links and images, autolinks, raw HTML and comments, entities) and uses the flanking rules alone, without
// pairing, to decide whether a `*` / `_` / `~~` run is emphasis markup.
// Nothing here allocates per character: text and offsets are written into shared typed-array buffers (./builder.ts,
// ./contentMap.ts).

import type { SegmentBuilder } from './builder';
import { isAlnum, isAsciiPunct, isPunct, isWs } from './chars';

const NAMED_ENTITIES: Record<string, number> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, nbsp: 160, ndash: 0x2013, mdash: 0x2014, hellip: 0x2026,
  lsquo: 0x2018, rsquo: 0x2019, ldquo: 0x201c, rdquo: 0x201d, laquo: 0xab, raquo: 0xbb, shy: 0xad,
  thinsp: 0x2009, ensp: 0x2002, emsp: 0x2003, middot: 0xb7, bull: 0x2022, deg: 0xb0, euro: 0x20ac,
};

export type RefLookup = (label: string) => boolean;

/** Per-content lazily built tables: bracket/paren matches and backtick runs. */
class Tables {
  private brackets: Int32Array | null = null;
  private ticks: Map<number, number[]> | null = null;
  private tickCursor: number[] = [];
  commentFailedFrom = -1;

  constructor(private readonly c: string) {}

  /** For `[` and `(`: index of the matching `]` / `)`, or -1. */
  match(i: number): number {
    if (!this.brackets) this.brackets = buildMatches(this.c);
    return this.brackets[i];
  }

  /** Start of the next backtick run of exactly `len` after `pos`, or -1. */
  closingTicks(pos: number, len: number): number {
    if (!this.ticks) this.ticks = buildTicks(this.c);
    const list = this.ticks.get(len);
    if (!list) return -1;
    let k = this.tickCursor[len] ?? 0;
    while (k < list.length && list[k] <= pos) k++;
    this.tickCursor[len] = k;
    return k < list.length ? list[k] : -1;
  }
}

function buildMatches(c: string): Int32Array {
  const n = c.length;
  const m = new Int32Array(n).fill(-1);
  const sq: number[] = [];
  const rd: number[] = [];
  for (let i = 0; i < n; i++) {
    const ch = c.charCodeAt(i);
    if (ch === 92) { i++; continue; }
    if (ch === 91) sq.push(i);
    else if (ch === 93) { if (sq.length) m[sq.pop()!] = i; }
    else if (ch === 40) rd.push(i);
    else if (ch === 41) { if (rd.length) m[rd.pop()!] = i; }
  }
  return m;
}

function buildTicks(c: string): Map<number, number[]> {
  const runs = new Map<number, number[]>();
  const n = c.length;
  for (let i = 0; i < n; i++) {
    if (c.charCodeAt(i) !== 96) continue;
    let j = i + 1;
    while (j < n && c.charCodeAt(j) === 96) j++;
    const len = j - i;
    let list = runs.get(len);
    if (!list) runs.set(len, (list = []));
    list.push(i);
    i = j - 1;
  }
  return runs;
}

/**
 * Appends the prose of inline source `c` (whose characters sit at document offsets map[0..]) to `b`.
 * `refs` tells whether a bracketed label is a defined link reference.
 */
export function scanInline(c: string, map: Int32Array, b: SegmentBuilder, refs: RefLookup | null): void {
  const n = c.length;
  const tables = new Tables(c);
  const linkEnd: number[] = [];
  const linkResume: number[] = [];
  let limit = n;
  let i = 0;
  while (i < n) {
    if (i >= limit) {
      while (linkEnd.length && i >= linkEnd[linkEnd.length - 1]) {
        const end = linkEnd.pop()!;
        const resume = linkResume.pop()!;
        if (i === end) i = resume;
      }
      limit = linkEnd.length ? linkEnd[linkEnd.length - 1] : n;
      if (i >= n) break;
      if (i >= limit) continue;
    }
    const ch = c.charCodeAt(i);
    const cls = ch < 128 ? CLS[ch] : isWs(ch) ? WS : PLAIN;
    if (cls === PLAIN) {
      const e = plainRun(c, i + 1, limit);
      b.run(c, map, i, e);
      i = e;
      continue;
    }
    if (cls === WS) {
      b.space(map[i]);
      i++;
      continue;
    }
    switch (ch) {
      case 92: { // backslash escape or hard break
        const nx = i + 1 < n ? c.charCodeAt(i + 1) : 0;
        if (nx === 10) { b.space(map[i]); i += 2; continue; }
        if (isAsciiPunct(nx)) { b.char(nx, map[i + 1]); i += 2; continue; }
        break;
      }
      case 96: { // code span: skipped, counts as a word break
        let j = i + 1;
        while (j < n && c.charCodeAt(j) === 96) j++;
        const close = tables.closingTicks(j - 1, j - i);
        if (close >= 0) {
          b.space(map[i]);
          i = close + (j - i);
          continue;
        }
        b.run(c, map, i, j);
        i = j;
        continue;
      }
      case 60: { // <: autolink, HTML comment, HTML tag
        const end = htmlOrAutolinkEnd(c, i, tables);
        if (end > i) { i = end; continue; }
        break;
      }
      case 33: // ![alt](src): images are dropped whole
        if (i + 1 < n && c.charCodeAt(i + 1) === 91) {
          const resume = linkSyntax(c, i + 1, tables, refs);
          if (resume > 0) { b.space(map[i]); i = resume; continue; }
        }
        break;
      case 91: { // [text](dest) / [text][ref] / [ref]: keep the text, drop the rest
        const resume = linkSyntax(c, i, tables, refs);
        if (resume > 0) {
          const end = tables.match(i);
          linkEnd.push(end);
          linkResume.push(resume);
          limit = end;
          i++;
          continue;
        }
        break;
      }
      case 42: case 95: case 126: { // emphasis / strikethrough delimiter runs
        let j = i + 1;
        while (j < n && c.charCodeAt(j) === ch) j++;
        if (j > limit) j = limit;
        if (isEmphasisMarkup(c, i, j, ch)) { i = j; continue; }
        b.run(c, map, i, j);
        i = j;
        continue;
      }
      case 38: { // entity
        const e = entity(c, i);
        if (e) { b.char(e.code, map[i], map[e.end - 1] + 1); i = e.end; continue; }
        break;
      }
      case 104: case 119: { // bare URLs (http://, https://, www.) are not prose
        if (i === 0 || !isAlnum(c.charCodeAt(i - 1))) {
          const e = bareUrlEnd(c, i);
          if (e > i) { i = Math.min(e, limit); continue; }
        }
        break;
      }
    }
    // Not markup after all: a literal character, and the plain run after it.
    const e = plainRun(c, i + 1, limit);
    b.run(c, map, i, e);
    i = e;
  }
}

const PLAIN = 0, SPECIAL = 1, WS = 2, URL_START = 3;
const CLS = new Uint8Array(128);
for (const ch of '\\`<![*_~&') CLS[ch.charCodeAt(0)] = SPECIAL;
for (const code of [9, 10, 11, 12, 13, 32]) CLS[code] = WS;
CLS[104] = URL_START; // h
CLS[119] = URL_START; // w

/** End of the run of plain characters from `i` (single spaces between non-spaces included), before `limit`. */
function plainRun(c: string, i: number, limit: number): number {
  while (i < limit) {
    const ch = c.charCodeAt(i);
    if (ch >= 128) {
      if (isWs(ch)) break;
      i++;
      continue;
    }
    const cls = CLS[ch];
    if (cls === PLAIN) { i++; continue; }
    if (ch === 32) {
      // a single space between two non-spaces stays in the run
      if (i + 1 < limit && c.charCodeAt(i - 1) !== 32 && !isWs(c.charCodeAt(i + 1))) { i++; continue; }
      break;
    }
    // Most words that start with h or w start no URL: they stay in the run.
    if (cls === URL_START && (isAlnum(c.charCodeAt(i - 1)) || !urlAt(c, i))) { i++; continue; }
    break;
  }
  return i;
}

/** Whether a bare URL (http://, https://, www.) starts at i: the second character rules out most words first. */
function urlAt(c: string, i: number): boolean {
  const second = c.charCodeAt(i + 1);
  if (second === 116) return c.startsWith('http://', i) || c.startsWith('https://', i); // "ht"
  return second === 119 && c.startsWith('www.', i); // "ww"
}

function isEmphasisMarkup(c: string, i: number, j: number, ch: number): boolean {
  const prev = i > 0 ? c.charCodeAt(i - 1) : 32;
  const next = j < c.length ? c.charCodeAt(j) : 32;
  const prevWs = isWs(prev), nextWs = isWs(next);
  const prevP = !prevWs && isPunct(prev), nextP = !nextWs && isPunct(next);
  const left = !nextWs && (!nextP || prevWs || prevP);
  const right = !prevWs && (!prevP || nextWs || nextP);
  if (ch === 42) return left || right;
  if (ch === 95) return (left && (!right || prevP)) || (right && (!left || nextP));
  return j - i === 2 && (left || right);
}

/** For a `[` at i that opens link syntax, the index just past the whole link/image syntax; else -1. */
function linkSyntax(c: string, i: number, tables: Tables, refs: RefLookup | null): number {
  const j = tables.match(i);
  if (j <= i) return -1;
  const nx = c.charCodeAt(j + 1);
  if (nx === 40 || nx === 91) {
    const k = tables.match(j + 1);
    if (k > j + 1) return k + 1;
  }
  if (refs && j - i < 1000 && refs(c.slice(i + 1, j))) return j + 1;
  return -1;
}

const SCHEME_MAX = 32;
const TAG_MAX = 2048;

function htmlOrAutolinkEnd(c: string, i: number, tables: Tables): number {
  const n = c.length;
  const c1 = i + 1 < n ? c.charCodeAt(i + 1) : 0;
  if (c1 === 33 && c.startsWith('!--', i + 1)) {
    if (tables.commentFailedFrom >= 0 && i >= tables.commentFailedFrom) return -1;
    const e = c.indexOf('-->', i + 4);
    if (e < 0) { tables.commentFailedFrom = i; return -1; }
    return e + 3;
  }
  let p = i + 1;
  const closing = c1 === 47;
  if (closing) p++;
  const first = p < n ? c.charCodeAt(p) : 0;
  const isLetter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (isLetter) {
    let q = p + 1;
    while (q < n && q - p <= SCHEME_MAX) {
      const k = c.charCodeAt(q);
      if (isAlnum(k) || k === 45 || k === 43 || k === 46) q++; else break;
    }
    const k = q < n ? c.charCodeAt(q) : 0;
    if (!closing && k === 58 && q - p >= 2) {
      // autolink <scheme:...>
      let r = q + 1;
      while (r < n && r - i < TAG_MAX) {
        const x = c.charCodeAt(r);
        if (x === 62) return r + 1;
        if (x === 60 || isWs(x)) return -1;
        r++;
      }
      return -1;
    }
    if (k === 62 || k === 47 || isWs(k)) {
      // HTML tag: up to the next `>`, bounded, not across another `<`.
      let r = q;
      let quote = 0;
      while (r < n && r - i < TAG_MAX) {
        const x = c.charCodeAt(r);
        if (quote) { if (x === quote) quote = 0; }
        else if (x === 34 || x === 39) quote = x;
        else if (x === 62) return r + 1;
        else if (x === 60) return -1;
        r++;
      }
      return -1;
    }
  }
  // email autolink <user@host>
  if (!closing && first !== 0) {
    let r = i + 1;
    let at = false;
    while (r < n && r - i < TAG_MAX) {
      const x = c.charCodeAt(r);
      if (x === 62) return at ? r + 1 : -1;
      if (x === 64) at = true;
      else if (x === 60 || isWs(x)) return -1;
      r++;
    }
  }
  return -1;
}

function entity(c: string, i: number): { code: number; end: number } | null {
  const n = c.length;
  let j = i + 1;
  while (j < n && j - i <= 33) {
    const k = c.charCodeAt(j);
    if (isAlnum(k) || (k === 35 && j === i + 1)) j++; else break;
  }
  if (j >= n || c.charCodeAt(j) !== 59 || j === i + 1) return null;
  const name = c.slice(i + 1, j);
  let code: number | undefined;
  if (name.charCodeAt(0) === 35) {
    const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
    const digits = name.slice(hex ? 2 : 1);
    if (!digits || !(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return null;
    code = parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0xffff) code = 0xfffd; // astral entities: one replacement unit keeps offsets 1:1
  } else {
    code = NAMED_ENTITIES[name];
  }
  if (code === undefined) return null;
  return { code, end: j + 1 };
}

function bareUrlEnd(c: string, i: number): number {
  if (!(c.startsWith('http://', i) || c.startsWith('https://', i) || c.startsWith('www.', i))) return -1;
  const n = c.length;
  let j = i;
  while (j < n) {
    const k = c.charCodeAt(j);
    if (isWs(k) || k === 60 || k === 62) break;
    j++;
  }
  // Sentence punctuation after the URL is prose.
  while (j > i) {
    const k = c.charCodeAt(j - 1);
    if (k === 46 || k === 44 || k === 59 || k === 58 || k === 33 || k === 63 || k === 41 || k === 39 || k === 34 || k === 42 || k === 95) j--;
    else break;
  }
  return j;
}
