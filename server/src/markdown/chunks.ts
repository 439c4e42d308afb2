// The chunk cutter of the incremental parser: candidate cuts from a scan of the lines, then verified (and
// joined where they are not cuts) by markdown-it's tokens. Why such a cut is exact: ./incremental.ts.

import type { LineIndex } from './lines';
import { blockTokens, type Token } from './tokens';
import type { Entry } from './chunkCache';

export interface Chunk {
  startLine: number;
  endLine: number; // exclusive: the next chunk's first line (lineCount for the last chunk)
  start: number;
  end: number;
  /** 1 + the last non-blank line (the cut's blank lines are [nonBlankEnd, endLine)). */
  nonBlankEnd: number;
  text: string;
  entry: Entry | null;
}

/** HTML block start conditions 1-5 (they can span blank lines): the end marker, or null. */
function htmlEnd(text: string, p: number, e: number): RegExp | null {
  if (text.charCodeAt(p) !== 60) return null;
  const head = text.slice(p, Math.min(e, p + 12));
  if (/^<(script|pre|style|textarea)(?=(\s|>|$))/i.test(head)) return /<\/(script|pre|style|textarea)>/i;
  if (head.startsWith('<!--')) return /-->/;
  if (head.startsWith('<?')) return /\?>/;
  if (/^<![A-Za-z]/.test(head)) return />/;
  if (head.startsWith('<![CDATA[')) return /\]\]>/;
  return null;
}

const HTML6 = /^<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?=(\s|\/?>|$))/i;
const HTML7 = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Candidate cut lines (first lines of chunks after the first), from a scan of the lines from `fromLine`.
 * Conservative about top-level fences and HTML blocks 1-5; markdown-it's tokens verify each cut afterwards.
 */
export function candidateCuts(lines: LineIndex, fromLine: number): { cuts: number[]; nonBlankEnds: number[] } {
  const text = lines.text;
  const { starts, ends, lineCount } = lines;
  const cuts: number[] = [];
  const nonBlankEnds: number[] = [];
  let fenceChar = 0;
  let fenceLen = 0;
  let htmlClose: RegExp | null = null;
  let html67 = false;
  let blankBefore = false; // the previous line was blank (outside a fence / HTML block 1-5)
  let lastNonBlank = fromLine - 1;
  let inList = false;
  for (let l = fromLine; l < lineCount; l++) {
    const s = starts[l];
    const e = ends[l];
    // indentation (columns, tabs to the next multiple of 4) and the first non-blank character
    let p = s;
    let col = 0;
    for (; p < e; p++) {
      const c = text.charCodeAt(p);
      if (c === 32) col++;
      else if (c === 9) col += 4 - (col % 4);
      else break;
    }
    const blank = p >= e;
    if (fenceChar) {
      if (!blank && col <= 3 && text.charCodeAt(p) === fenceChar) {
        let q = p;
        while (q < e && text.charCodeAt(q) === fenceChar) q++;
        if (q - p >= fenceLen) {
          let r = q;
          while (r < e && (text.charCodeAt(r) === 32 || text.charCodeAt(r) === 9)) r++;
          if (r >= e) fenceChar = 0;
        }
      }
      if (!blank) lastNonBlank = l;
      continue;
    }
    if (htmlClose) {
      if (htmlClose.test(text.slice(s, e))) htmlClose = null;
      if (!blank) lastNonBlank = l;
      continue;
    }
    if (blank) {
      html67 = false;
      blankBefore = true;
      continue;
    }
    const c0 = text.charCodeAt(p);
    if (col === 0) {
      if (blankBefore) {
        cuts.push(l);
        nonBlankEnds.push(lastNonBlank + 1);
        inList = false;
      }
      if (blankBefore || !inList) inList = LIST_MARKER.test(text.slice(p, Math.min(e, p + 12)));
    }
    const blockStart = blankBefore || l === fromLine;
    blankBefore = false;
    lastNonBlank = l;
    if (html67 || col > 3 || (col > 0 && inList)) continue;
    if (c0 === 96 || c0 === 126) {
      let q = p;
      while (q < e && text.charCodeAt(q) === c0) q++;
      if (q - p >= 3 && (c0 === 126 || text.indexOf('`', q) < 0 || text.indexOf('`', q) >= e)) {
        fenceChar = c0;
        fenceLen = q - p;
      }
      continue;
    }
    if (c0 === 60) {
      const end = htmlEnd(text, p, e);
      if (end) {
        if (!end.test(text.slice(p, e))) htmlClose = end;
        continue;
      }
      const rest = text.slice(p, e);
      if (HTML6.test(rest) || (blockStart && HTML7.test(rest))) html67 = true;
    }
  }
  return { cuts, nonBlankEnds };
}

const copyString = (t: string): string => JSON.parse(JSON.stringify(t)) as string;

/** Joins the last chunk into the one before it. */
export function joinLast(chunks: Chunk[]): void {
  const b = chunks.pop()!;
  const a = chunks[chunks.length - 1];
  a.endLine = b.endLine;
  a.end = b.end;
  a.nonBlankEnd = b.nonBlankEnd;
  a.text = a.text + b.text;
}

/**
 * Parses chunks [i, j) with one markdown-it call, checks their cuts (joining chunks across a cut that a
 * top-level fence or HTML block runs through; when the run's last cut is one, the rest of the document is
 * parsed as one run) and returns the per-chunk token slices. The text of a chunk joined to the next goes into
 * `joinAfter`, the parser's memory of cuts that are not ones.
 */
export function parseRun(lines: LineIndex, chunks: Chunk[], i: number, j: number, fmLines: number, joinAfter: Set<string>): { chunks: Chunk[]; built: { chunk: Chunk; tokens: Token[]; lineBase: number; defs: string[] | null }[]; next: number } {
  for (;;) {
    const base = chunks[i].startLine;
    const endLine = chunks[j - 1].endLine;
    const { tokens, references } = blockTokens(lines, base, endLine, base === 0 ? fmLines : 0);
    // Cuts that a top-level fence / HTML block runs past.
    const joinAt = new Uint8Array(j - i); // joinAt[k - i] = 1: chunk k is joined with chunk k + 1
    let runsPastEnd = false;
    let c = i;
    for (const tok of tokens) {
      if (tok.level !== 0 || !tok.map || (tok.type !== 'fence' && tok.type !== 'html_block')) continue;
      const from = tok.map[0] + base;
      const to = tok.map[1] + base;
      while (c < j - 1 && chunks[c].endLine <= from) c++;
      let k = c;
      while (k < j && to > chunks[k].nonBlankEnd) {
        if (k === j - 1) { runsPastEnd = j < chunks.length; break; }
        joinAt[k - i] = 1;
        k++;
      }
    }
    if (runsPastEnd) {
      for (let k = j; k < chunks.length; k++) chunks[k].entry = null;
      j = chunks.length;
      continue;
    }
    // Join.
    const out: Chunk[] = chunks.slice(0, i);
    let k = i;
    while (k < j) {
      const first = chunks[k];
      const merged: Chunk = { ...first };
      while (k < j - 1 && joinAt[k - i]) {
        joinAfter.add(copyString(chunks[k].text));
        k++;
        const b = chunks[k];
        merged.endLine = b.endLine;
        merged.end = b.end;
        merged.nonBlankEnd = b.nonBlankEnd;
        merged.text += b.text;
      }
      out.push(merged);
      k++;
    }
    const newJ = out.length;
    for (let m = j; m < chunks.length; m++) out.push(chunks[m]);
    // Token slices per chunk: top-level tokens by their first line.
    const built: { chunk: Chunk; tokens: Token[]; lineBase: number; defs: string[] | null }[] = [];
    let ci = i;
    let cur: Token[] = [];
    const flush = () => built.push({ chunk: out[ci], tokens: cur, lineBase: base, defs: null });
    for (const tok of tokens) {
      if (tok.nesting !== -1 && tok.map) {
        const line = tok.map[0] + base;
        while (ci < newJ - 1 && line >= out[ci].endLine) {
          flush();
          cur = [];
          ci++;
        }
      }
      cur.push(tok);
    }
    flush();
    while (ci < newJ - 1) { ci++; cur = []; flush(); }
    // Link reference definitions, per chunk.
    const labels = references ? Object.keys(references) : [];
    if (labels.length) {
      if (built.length === 1) built[0].defs = labels;
      else {
        for (const b of built) {
          if (b.chunk.text.indexOf(']:') < 0) continue;
          const r = blockTokens(lines, b.chunk.startLine, b.chunk.endLine, b.chunk.startLine === 0 ? fmLines : 0).references;
          const own = r ? Object.keys(r) : [];
          if (own.length) b.defs = own;
        }
      }
    }
    return { chunks: out, built, next: newJ };
  }
}
