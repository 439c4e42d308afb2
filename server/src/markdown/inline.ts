// Inline layer: turns the inline source of one block (as markdown-it gives it in an `inline` token's content)
// into prose, with every prose character mapped to its exact document offset.
//
// markdown-it's inline tokens carry no source positions, so the inline markup is stripped here by a small
// linear-time scanner instead. It follows CommonMark where that matters for prose (escapes, code spans,
// links and images, autolinks, raw HTML and comments, entities) and uses the flanking rules alone, without
// pairing, to decide whether a `*` / `_` / `~~` run is emphasis markup.
// Nothing here allocates per character: text and offsets are written into shared typed-array buffers.

import type { LineIndex } from './lines';

// ---------------------------------------------------------------------------------------------------------
// Character classes

export function isWs(c: number): boolean {
  if (c <= 32) return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

const UNICODE_PUNCT = /[\p{P}\p{S}]/u;
function isPunct(c: number): boolean {
  if (c < 128) return isAsciiPunct(c);
  return UNICODE_PUNCT.test(String.fromCharCode(c));
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// ---------------------------------------------------------------------------------------------------------
// Segment builder: whitespace collapsing, leading/trailing whitespace trimmed. The text is built from
// slices of the inline source (runs), the offsets in a shared typed array.

export interface BuilderMark { n: number; lastEnd: number; pendingSpace: number; endsWithSpace: boolean }

export class SegmentBuilder {
  private offs = new Uint32Array(4097);
  /** The text so far: slices of the inline sources and single characters, one code unit for each offset. */
  private text = '';
  n = 0;
  private lastEnd = 0;
  private pendingSpace = -1;
  private endsWithSpace = false;

  reset(): void {
    this.text = '';
    this.n = 0;
    this.lastEnd = 0;
    this.pendingSpace = -1;
    this.endsWithSpace = false;
  }

  mark(): BuilderMark {
    return { n: this.n, lastEnd: this.lastEnd, pendingSpace: this.pendingSpace, endsWithSpace: this.endsWithSpace };
  }

  rollback(m: BuilderMark): void {
    if (this.n !== m.n) this.text = this.text.slice(0, m.n);
    this.n = m.n;
    this.lastEnd = m.lastEnd;
    this.pendingSpace = m.pendingSpace;
    this.endsWithSpace = m.endsWithSpace;
  }

  private ensure(extra: number): void {
    const need = this.n + extra + 2;
    if (need <= this.offs.length) return;
    let cap = this.offs.length * 2;
    while (cap < need) cap *= 2;
    const o2 = new Uint32Array(cap + 1);
    o2.set(this.offs.subarray(0, this.n));
    this.offs = o2;
  }

  private flushSpace(): void {
    if (this.pendingSpace >= 0) {
      this.text += ' ';
      this.offs[this.n++] = this.pendingSpace;
      this.pendingSpace = -1;
    }
  }

  /** A whitespace at `off`: collapses with its neighbours, dropped at the start and the end. */
  space(off: number): void {
    if (this.n > 0 && this.pendingSpace < 0 && !this.endsWithSpace) this.pendingSpace = off;
  }

  /** A prose character (UTF-16 code unit) at document offset `off`, whose source ends at `end`. */
  char(code: number, off: number, end: number = off + 1): void {
    this.ensure(1);
    this.flushSpace();
    this.text += String.fromCharCode(code);
    this.offs[this.n++] = off;
    this.lastEnd = end;
    this.endsWithSpace = code === 32;
  }

  /** Characters c[a..b) verbatim (no whitespace but single spaces between non-spaces), at map[a..b). */
  run(c: string, map: Int32Array, a: number, b: number): void {
    this.ensure(b - a);
    this.flushSpace();
    this.text += b - a === 1 ? c[a] : c.slice(a, b);
    const offs = this.offs;
    let n = this.n;
    for (let k = a; k < b; k++) offs[n++] = map[k];
    this.n = n;
    this.lastEnd = map[b - 1] + 1;
    this.endsWithSpace = c.charCodeAt(b - 1) === 32;
  }

  /** Text and offsets of what was built (offsets[text.length] is the end offset); null when empty. */
  finish(): { text: string; offsets: Uint32Array } | null {
    let n = this.n;
    if (this.endsWithSpace && n > 0) {
      n--;
      this.lastEnd = this.offs[n - 1] + 1;
    }
    if (n === 0) return null;
    this.offs[n] = this.lastEnd;
    // The pieces are joined into one flat string at the text's first read (the engine's first is a hash).
    return { text: n === this.text.length ? this.text : this.text.slice(0, n), offsets: poolCopy(this.offs, n + 1) };
  }
}

// Segments' offsets are views into shared chunks: one allocation per 64K offsets instead of one per segment.
const CHUNK = 65536;
let chunk = new Uint32Array(CHUNK);
let chunkUsed = 0;
function poolCopy(src: Uint32Array, len: number): Uint32Array {
  if (len > CHUNK / 4) return src.slice(0, len);
  if (chunkUsed + len > CHUNK) {
    chunk = new Uint32Array(CHUNK);
    chunkUsed = 0;
  }
  const view = chunk.subarray(chunkUsed, chunkUsed + len);
  view.set(src.subarray(0, len));
  chunkUsed += len;
  return view;
}

// ---------------------------------------------------------------------------------------------------------
// Mapping an inline content string back to the document.

let mapBuf = new Int32Array(4096);
/** Shared buffer: mapBuf[k] is the document offset of content[k] after mapContent/mapCell. */
export function contentMap(len: number): Int32Array {
  if (mapBuf.length < len + 1) {
    let cap = mapBuf.length * 2;
    while (cap < len + 1) cap *= 2;
    mapBuf = new Int32Array(cap);
  }
  return mapBuf;
}

/** markdown-it replaces NUL by U+FFFD and line ends by \n; otherwise content characters are document characters. */
function same(docCode: number, contentCode: number): boolean {
  return docCode === contentCode || (contentCode === 0xfffd && docCode === 0) || (contentCode === 10 && (docCode === 13 || docCode === 10));
}

function regionEquals(doc: string, pos: number, c: string, from: number, len: number): boolean {
  for (let t = 0; t < len; t++) {
    if (!same(doc.charCodeAt(pos + t), c.charCodeAt(from + t))) return false;
  }
  return true;
}

function quickEquals(doc: string, pos: number, c: string, from: number, len: number): boolean {
  if (len === 0) return true;
  if (!same(doc.charCodeAt(pos + len - 1), c.charCodeAt(from + len - 1))) return false;
  const k = len < 24 ? len : 24;
  for (let t = 0; t < k; t++) {
    if (!same(doc.charCodeAt(pos + t), c.charCodeAt(from + t))) return false;
  }
  return true;
}

const LOOKAHEAD = 8;

/**
 * Maps the content of a block's inline token (lines joined with \n, container markers and indentation
 * removed, trimmed) whose first line is document line `firstLine`. Each content line is a suffix of its
 * document line, up to trailing whitespace (last line) or an ATX closing sequence; when it is not (tabs
 * expanded to spaces inside containers), a bounded backward alignment is used.
 */
export function mapContent(c: string, firstLine: number, lines: LineIndex, map: Int32Array): void {
  const doc = lines.text;
  let from = 0;
  let line = firstLine;
  const clen = c.length;
  while (from <= clen) {
    let to = c.indexOf('\n', from);
    if (to < 0) to = clen;
    const len = to - from;
    if (line >= lines.lineCount) {
      for (let t = from; t < to; t++) map[t] = lines.length;
    } else {
      const ls = lines.starts[line];
      const le = lines.ends[line];
      let pos = -1;
      if (le - ls >= len) {
        // Content lines are suffixes of their document lines: checking the last character and the first few
        // is enough to tell the candidates apart (trailing whitespace, ATX closing #s, expanded tabs).
        if (quickEquals(doc, le - len, c, from, len)) pos = le - len;
        else {
          let te = le;
          while (te > ls && isWs(doc.charCodeAt(te - 1))) te--;
          if (te - ls >= len && quickEquals(doc, te - len, c, from, len)) pos = te - len;
          else {
            let th = te;
            while (th > ls && doc.charCodeAt(th - 1) === 35) th--;
            while (th > ls && isWs(doc.charCodeAt(th - 1))) th--;
            if (th - ls >= len && quickEquals(doc, th - len, c, from, len)) pos = th - len;
          }
        }
      }
      if (pos >= 0) {
        for (let t = 0; t < len; t++) map[from + t] = pos + t;
      } else {
        alignBackward(doc, ls, le, c, from, to, map);
      }
    }
    if (to < clen) map[to] = line < lines.lineCount ? lines.ends[line] : lines.length; // the \n itself
    from = to + 1;
    line++;
  }
  map[clen] = clen > 0 ? map[clen - 1] + 1 : line - 1 < lines.lineCount ? lines.starts[Math.max(0, Math.min(firstLine, lines.lineCount - 1))] : lines.length;
}

function sameLoose(d: number, k: number): boolean {
  return same(d, k) || (isWs(d) && isWs(k));
}

function alignBackward(doc: string, ls: number, le: number, c: string, from: number, to: number, map: Int32Array): void {
  let p = le - 1;
  while (p >= ls && isWs(doc.charCodeAt(p))) p--;
  for (let t = to - 1; t >= from; t--) {
    const k = c.charCodeAt(t);
    let q = p;
    const stop = Math.max(ls, p - LOOKAHEAD);
    while (q >= stop && !sameLoose(doc.charCodeAt(q), k)) q--;
    if (q >= stop && q >= ls) {
      map[t] = q;
      p = q - 1;
    } else {
      map[t] = Math.max(ls, p);
    }
  }
}

/**
 * Maps a table cell's content (trimmed, `\|` unescaped) inside row line [ls, le), starting the search at
 * `cursor`. Returns the offset just past the cell in the document.
 */
export function mapCell(doc: string, ls: number, le: number, cursor: number, c: string, map: Int32Array): number {
  const len = c.length;
  let p = cursor;
  // Cells come in order: skip the spaces and the pipe before this cell.
  while (p < le && (isWs(doc.charCodeAt(p)) || doc.charCodeAt(p) === 124)) p++;
  if (len === 0) {
    map[0] = p;
    return p;
  }
  if (p + len <= le && regionEquals(doc, p, c, 0, len)) {
    for (let t = 0; t < len; t++) map[t] = p + t;
    map[len] = p + len;
    return p + len;
  }
  // Forward alignment with a bounded lookahead (skips the backslashes of `\|`).
  for (let t = 0; t < len; t++) {
    const k = c.charCodeAt(t);
    let q = p;
    const stop = Math.min(le, p + LOOKAHEAD);
    while (q < stop && !sameLoose(doc.charCodeAt(q), k)) q++;
    if (q < stop) {
      map[t] = q;
      p = q + 1;
    } else {
      map[t] = Math.min(p, Math.max(ls, le - 1));
    }
  }
  map[len] = map[len - 1] + 1;
  return Math.max(p, map[len]);
}

// ---------------------------------------------------------------------------------------------------------
// The inline scanner.

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
