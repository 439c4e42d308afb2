// Mapping an inline content string back to the document.

import type { LineIndex } from './lines';
import { isWs } from './chars';

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
