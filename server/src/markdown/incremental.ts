// Incremental Markdown parsing: createMarkdownParser().parse(text) returns what parseMarkdown(text) returns
// (same segments, front matter, suppression and positions), but re-parses only the chunks that changed
// since the previous call.
//
// Chunks. The document is cut at blank lines that are followed by a line starting in column 0 with a
// non-blank character. After such a line no container (list item, block quote) and no paragraph, table,
// indented code or HTML block of types 6-7 can go on; only a top-level fenced code block or an HTML block of
// types 1-5 (`<!--`, `<script>`, `<?`, `<!X`, `<![CDATA[`) can still be open. A line scanner tracks those
// (so cuts are not made inside them), and markdown-it's own tokens verify every cut: a cut is dropped when
// a top-level fence or HTML block of the chunk before it runs past the chunk's last non-blank line. Cutting
// is then exact: markdown-it's block rules never look past such a cut, so each chunk parses alone exactly
// as it does inside the whole document. (Lists that go on after a cut become two lists; their items give
// the same segments.)
//
// Cache. Each chunk's result (segments with document offsets, code-block lines, the link reference labels it
// defines and the ones it looked up) is kept by chunk text, for the position it was built at. A chunk that
// did not move is reused as is; one that moved is shifted (offsets and lines, one pass). New chunks that
// follow each other are parsed by one markdown-it call. The cache is rebuilt from each call's chunks.
//
// Document-wide state: the front matter is read on the whole text (first chunk only, cached by its text),
// link reference definitions are collected from all chunks (a chunk whose lookups would now answer
// differently is rebuilt), suppression comments are computed on the whole text with the code lines the
// chunks report. Any internal error falls back to parseMarkdown(text).

import { LineIndex } from './lines';
import { frontMatterLineCount, parseFrontMatter } from './frontMatter';
import { computeSuppression } from './suppress';
import type { FrontMatter, MarkdownDocument, ProseSegment, Token } from './index';
import * as md from './index';

export interface MarkdownParser {
  /** Same result as parseMarkdown(text); re-parses only the chunks that changed since earlier calls. Never throws. */
  parse(text: string): MarkdownDocument;
}

interface Entry {
  /** Length of the chunk's text; whether it is the first chunk (front matter, BOM). */
  len: number;
  first: boolean;
  /** Document offset and line the segments and ignored lines below are for. */
  offset: number;
  line: number;
  segments: ProseSegment[];
  /** The materialised offsets the segments were built with, and the document offset they are for. */
  origin: { offset: number; arrays: Uint32Array[] };
  /** Code lines (suppression comments there do not count), as flat [from, to) pairs of document lines. */
  ignored: number[];
  /** Normalised labels of the link reference definitions in the chunk. */
  defs: string[] | null;
  /** Labels the inline scanner looked up, and the answers it got. */
  queried: string[] | null;
  answers: boolean[] | null;
  /** The reference-set signature the answers were given under. */
  refSig: string;
}

interface Chunk {
  startLine: number;
  endLine: number; // exclusive: the next chunk's first line (lineCount for the last chunk)
  start: number;
  end: number;
  /** 1 + the last non-blank line (the cut's blank lines are [nonBlankEnd, endLine)). */
  nonBlankEnd: number;
  text: string;
  entry: Entry | null;
}

const MAX_JOIN_MEMORY = 4096;
const MIN_CHUNK = 64;
/** Below this many changed characters, new chunks are parsed rather than looked up by text. */
const BY_TEXT_MIN = 4096;

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
function candidateCuts(lines: LineIndex, fromLine: number): { cuts: number[]; nonBlankEnds: number[] } {
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

/**
 * The entry placed at (offset, line). Offsets are shifted lazily: a moved segment's `offsets` is computed from
 * the entry's origin arrays on first read (most segments after an edit are never mapped).
 */
function shiftEntry(src: Entry, offset: number, line: number): Entry {
  const d = offset - src.origin.offset;
  const dl = line - src.line;
  const arrays = src.origin.arrays;
  const segments: ProseSegment[] = new Array(src.segments.length);
  for (let i = 0; i < src.segments.length; i++) {
    const seg = src.segments[i];
    segments[i] = d === 0 ? { kind: seg.kind, text: seg.text, offsets: arrays[i], startLine: seg.startLine + dl, endLine: seg.endLine + dl } : lazySegment(seg, arrays[i], d, dl);
  }
  const ignored = src.ignored.length && dl !== 0 ? src.ignored.map((x) => x + dl) : src.ignored;
  return { ...src, offset, line, segments, ignored };
}

function lazySegment(seg: ProseSegment, arr: Uint32Array, d: number, dl: number): ProseSegment {
  let shifted: Uint32Array | null = null;
  return {
    kind: seg.kind,
    text: seg.text,
    get offsets(): Uint32Array {
      if (shifted === null) {
        const n = arr.length;
        shifted = new Uint32Array(n);
        for (let k = 0; k < n; k++) shifted[k] = arr[k] + d;
      }
      return shifted;
    },
    set offsets(v: Uint32Array) {
      shifted = v;
    },
    startLine: seg.startLine + dl,
    endLine: seg.endLine + dl,
  };
}

/** Length of the common prefix of a and b. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  const step = 2048;
  while (p + step <= n && a.slice(p, p + step) === b.slice(p, p + step)) p += step;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of a and b, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  const la = a.length, lb = b.length;
  let s = 0;
  const step = 2048;
  while (s + step <= max && a.slice(la - s - step, la - s) === b.slice(lb - s - step, lb - s)) s += step;
  while (s < max && a.charCodeAt(la - s - 1) === b.charCodeAt(lb - s - 1)) s++;
  return s;
}

const copyString = (t: string): string => JSON.parse(JSON.stringify(t)) as string;

/** A stateful parser: parse(text) equals parseMarkdown(text), re-parsing only what changed since the last call. */
export function createMarkdownParser(options: { minChunk?: number; byTextMin?: number } = {}): MarkdownParser {
  // Tuning knobs, for the tests (small values exercise the cut and lookup paths on small documents).
  const minChunk = options.minChunk ?? MIN_CHUNK;
  const byTextMin = options.byTextMin ?? BY_TEXT_MIN;
  /** The previous call's text and its entries (in order, and by start offset). */
  let prevText: string | null = null;
  let prevEntries: Entry[] = [];
  let prevAt = new Map<number, Entry>();
  /** Texts of scanned chunks whose cut turned out not to be one: joined with the next chunk. */
  let joinAfter = new Set<string>();
  let fmCache: { key: string; value: FrontMatter | undefined } | null = null;
  let lastText: string | null = null;
  let lastDoc: MarkdownDocument | null = null;

  function frontMatterOf(lines: LineIndex, fmLines: number): FrontMatter | undefined {
    const key = lines.text.slice(0, lines.ends[fmLines - 1]);
    if (!fmCache || fmCache.key !== key) fmCache = { key, value: { ...parseFrontMatter(lines, fmLines), endLine: fmLines - 1 } };
    return fmCache.value ? { ...fmCache.value } : undefined;
  }

  function parseIncremental(text: string): MarkdownDocument {
    const lines = new LineIndex(text);
    const { starts, lineCount } = lines;
    let fmLines = 0;
    let frontMatter: FrontMatter | undefined;
    try {
      fmLines = frontMatterLineCount(lines);
      if (fmLines > 0) frontMatter = frontMatterOf(lines, fmLines);
    } catch (e) {
      frontMatter = { data: {}, error: `Malformed front matter: ${String(e)}` };
    }

    // 1. Chunks, with the cuts remembered as wrong joined up front.
    const { cuts, nonBlankEnds } = candidateCuts(lines, fmLines);
    const offsetOf = (l: number) => (l >= lineCount ? text.length : starts[l]);
    let chunks: Chunk[] = [];
    {
      let startLine = 0;
      for (let k = 0; k <= cuts.length; k++) {
        // Tiny chunks cost more to keep than to parse: a cut is taken once the chunk has MIN_CHUNK characters.
        if (k < cuts.length && starts[cuts[k]] - offsetOf(startLine) < minChunk) continue;
        const endLine = k < cuts.length ? cuts[k] : lineCount;
        const nbe = k < cuts.length ? nonBlankEnds[k] : lineCount;
        const start = offsetOf(startLine);
        const end = offsetOf(endLine);
        const piece = text.slice(start, end);
        const last = chunks.length ? chunks[chunks.length - 1] : null;
        // The first chunk holds the front matter and its own rules: its key says so.
        chunks.push({ startLine, endLine, start, end, nonBlankEnd: nbe, text: startLine === 0 ? '\u0001' + piece : piece, entry: null });
        if (last && joinAfter.size && joinAfter.has(last.text)) joinLast(chunks);
        startLine = endLine;
      }
    }

    // 2. Cache hits. Chunks inside the text common to this call and the previous one are found by position;
    // the others by text, when there is enough of them to pay for hashing the previous chunks.
    const claimed = new Set<Entry>();
    const unmatched: Chunk[] = [];
    let unmatchedChars = 0;
    if (prevText !== null) {
      const p = commonPrefix(prevText, text);
      const sfx = commonSuffix(prevText, text, Math.min(prevText.length, text.length) - p);
      const delta = text.length - prevText.length;
      for (const ch of chunks) {
        const len = ch.end - ch.start;
        const first = ch.startLine === 0;
        let en: Entry | undefined;
        if (ch.end <= p) en = prevAt.get(ch.start);
        else if (ch.start >= text.length - sfx && !first) en = prevAt.get(ch.start - delta);
        if (en && en.len === len && en.first === first && !claimed.has(en)) {
          claimed.add(en);
          ch.entry = en;
        } else {
          unmatched.push(ch);
          unmatchedChars += len;
        }
      }
    }
    if (unmatchedChars > byTextMin && prevText !== null) {
      const byText = new Map<string, Entry[]>();
      for (const en of prevEntries) {
        if (claimed.has(en)) continue;
        const key = (en.first ? '\u0001' : '') + prevText.slice(en.offset, en.offset + en.len);
        const list = byText.get(key);
        if (list) list.push(en); else byText.set(key, [en]);
      }
      for (const ch of unmatched) {
        const list = byText.get(ch.text);
        if (!list) continue;
        const en = list.pop()!;
        if (!list.length) byText.delete(ch.text);
        claimed.add(en);
        ch.entry = en;
      }
    }

    // 3. Parse the runs of new chunks (one markdown-it call per run; a chunk defining link references alone).
    type Built = { chunk: Chunk; tokens: Token[]; lineBase: number; defs: string[] | null };
    const built: Built[] = [];
    let i = 0;
    while (i < chunks.length) {
      if (chunks[i].entry) { i++; continue; }
      let j = i + 1;
      if (chunks[i].text.indexOf(']:') < 0) {
        while (j < chunks.length && !chunks[j].entry && chunks[j].text.indexOf(']:') < 0) j++;
      }
      const res = parseRun(lines, chunks, i, j, fmLines);
      chunks = res.chunks;
      for (const b of res.built) built.push(b);
      i = res.next;
    }

    // 4. Link reference definitions of the whole document.
    const labels = new Set<string>();
    for (const ch of chunks) {
      const defs = ch.entry ? ch.entry.defs : null;
      if (defs) for (const d of defs) labels.add(d);
    }
    for (const b of built) if (b.defs) for (const d of b.defs) labels.add(d);
    const refSig = labels.size ? [...labels].sort().join('\u0000') : '';
    // A reused chunk whose lookups now answer differently is built again.
    for (const ch of chunks) {
      const en = ch.entry;
      if (!en || !en.queried || en.refSig === refSig) continue;
      let same = true;
      for (let q = 0; q < en.queried.length && same; q++) same = labels.has(en.queried[q]) === en.answers![q];
      if (same) {
        en.refSig = refSig;
        continue;
      }
      const { tokens } = md.blockTokens(lines, ch.startLine, ch.endLine, ch.startLine === 0 ? fmLines : 0);
      ch.entry = null;
      built.push({ chunk: ch, tokens, lineBase: ch.startLine, defs: en.defs });
    }

    // 5. Segments of the new chunks; placing the reused ones.
    const nextEntries: Entry[] = [];
    const nextAt = new Map<number, Entry>();
    for (const b of built) b.chunk.entry = buildEntry(b, lines, labels, refSig);
    const segments: ProseSegment[] = [];
    let anyIgnored = fmLines > 0;
    for (const ch of chunks) {
      let en = ch.entry!;
      if (en.offset !== ch.start || en.line !== ch.startLine) ch.entry = en = shiftEntry(en, ch.start, ch.startLine);
      nextEntries.push(en);
      nextAt.set(ch.start, en);
      for (const s of en.segments) segments.push(s);
      if (en.ignored.length) anyIgnored = true;
    }
    prevText = text;
    prevEntries = nextEntries;
    prevAt = nextAt;
    if (joinAfter.size > MAX_JOIN_MEMORY) joinAfter = new Set();

    // 6. Suppression over the whole document.
    let suppressed: Uint8Array | null = null;
    if (text.indexOf('factcheck-') >= 0) {
      try {
        let ignored: Uint8Array | null = null;
        if (anyIgnored) {
          ignored = new Uint8Array(lineCount);
          if (fmLines > 0) ignored.fill(1, 0, Math.min(lineCount, fmLines));
          for (const ch of chunks) {
            const ig = ch.entry!.ignored;
            for (let k = 0; k < ig.length; k += 2) ignored.fill(1, Math.max(0, ig[k]), Math.min(lineCount, ig[k + 1]));
          }
        }
        suppressed = computeSuppression(lines, ignored);
      } catch {
        suppressed = null;
      }
    }

    return md.makeDocument(segments, lines, suppressed, frontMatter);
  }

  /** Joins the last chunk into the one before it. */
  function joinLast(chunks: Chunk[]): void {
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
   * parsed as one run) and returns the per-chunk token slices.
   */
  function parseRun(lines: LineIndex, chunks: Chunk[], i: number, j: number, fmLines: number): { chunks: Chunk[]; built: { chunk: Chunk; tokens: Token[]; lineBase: number; defs: string[] | null }[]; next: number } {
    for (;;) {
      const base = chunks[i].startLine;
      const endLine = chunks[j - 1].endLine;
      const { tokens, references } = md.blockTokens(lines, base, endLine, base === 0 ? fmLines : 0);
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
            const r = md.blockTokens(lines, b.chunk.startLine, b.chunk.endLine, b.chunk.startLine === 0 ? fmLines : 0).references;
            const own = r ? Object.keys(r) : [];
            if (own.length) b.defs = own;
          }
        }
      }
      return { chunks: out, built, next: newJ };
    }
  }

  function buildEntry(b: { chunk: Chunk; tokens: Token[]; lineBase: number; defs: string[] | null }, lines: LineIndex, labels: Set<string>, refSig: string): Entry {
    const ch = b.chunk;
    const queried: string[] = [];
    const answers: boolean[] = [];
    const lookup = (label: string): boolean => {
      const key = md.normalizeReferenceLabel(label);
      const r = labels.has(key);
      queried.push(key);
      answers.push(r);
      return r;
    };
    const ignored: number[] = [];
    const segments: ProseSegment[] = [];
    md.buildSegments(b.tokens, lines, b.lineBase, lookup, (from, to) => { ignored.push(from, to); }, segments);
    return { len: ch.end - ch.start, first: ch.startLine === 0, offset: ch.start, line: ch.startLine, segments, ignored, origin: { offset: ch.start, arrays: segments.map((x) => x.offsets) }, defs: b.defs, queried: queried.length ? queried : null, answers: queried.length ? answers : null, refSig };
  }

  return {
    parse(text: string): MarkdownDocument {
      if (typeof text !== 'string') text = text == null ? '' : String(text);
      if (text === lastText && lastDoc) return lastDoc;
      let doc: MarkdownDocument;
      try {
        doc = parseIncremental(text);
      } catch {
        prevText = null;
        prevEntries = [];
        prevAt = new Map();
        joinAfter = new Set();
        doc = md.parseMarkdown(text);
      }
      lastText = text;
      lastDoc = doc;
      return doc;
    },
  };
}
