// The Markdown layer: a draft in, the prose to check out, with a map back to exact document offsets.
//
// Block structure comes from markdown-it (block rules only: the inline markup is stripped by ./inline.ts,
// which keeps an offset for every prose character). Front matter is read with `yaml`. Suppression comments
// are described in ./suppress.ts. parseMarkdown never throws: if markdown-it fails, every non-blank line is
// taken as a paragraph.

import MarkdownIt from 'markdown-it';

type Md = ReturnType<typeof MarkdownIt>;
export type Token = ReturnType<Md['parse']>[number];
import { LineIndex } from './lines';
import { frontMatterLineCount, parseFrontMatter } from './frontMatter';
import { computeSuppression } from './suppress';
import { SegmentBuilder } from './builder';
import { isWs } from './chars';
import { contentMap, mapCell, mapContent } from './contentMap';
import { scanInline, type RefLookup } from './inline';

export { LineIndex } from './lines';
export { normaliseDate } from './frontMatter';

export type SegmentKind = 'paragraph' | 'heading' | 'listItem' | 'tableRow' | 'blockquote';

/** A run of prose from one block (paragraph, heading, list item, table row, block quote line group). */
export interface ProseSegment {
  /**
   * The innermost container decides: a paragraph in a list item is 'listItem', in a block quote 'blockquote'
   * (a list inside a quote gives 'listItem'); headings are 'heading' wherever they are.
   */
  kind: SegmentKind;
  /** The prose with markup removed (emphasis markers, link targets, inline code, HTML comments). */
  text: string;
  /** offsets[i] is the document offset (UTF-16) of text[i]; offsets[text.length] is the end offset. */
  offsets: Uint32Array;
  /** 0-based document lines the segment spans. */
  startLine: number;
  endLine: number;
}

/** Table cells are joined with this, so a row reads as one sentence: "31 August 2021 ; Putin phones Lukashenko". */
export const TABLE_CELL_SEPARATOR = ' ; ';

export interface FrontMatter {
  /** The `date:` value as YYYY-MM-DD when it parses as a date. */
  date?: string;
  data: Record<string, unknown>;
  /** Why the front matter could not be read, when it could not. */
  error?: string;
  /** Set when the front matter was read but `date:` is not a YYYY-MM-DD date (then `date` is absent). */
  dateError?: string;
  /** 0-based lines the front matter occupies, fences included: [0, endLine]. */
  endLine?: number;
}

export interface MarkdownDocument {
  frontMatter?: FrontMatter;
  segments: ProseSegment[];
  /** True when a factcheck-disable comment covers the line. */
  isSuppressed(line: number): boolean;
  positionAt(offset: number): { line: number; character: number };
  offsetAt(position: { line: number; character: number }): number;
  /** The line table (line starts/ends), for callers that map many offsets. */
  lines: LineIndex;
  /** True when markdown-it failed and the line-per-paragraph fallback was used. */
  fallback?: boolean;
}

let mdInstance: Md | null = null;
function md(): Md {
  if (!mdInstance) {
    // html: true so that HTML blocks and comments are recognised (and skipped) rather than read as prose.
    const m = new MarkdownIt({ html: true, linkify: false, typographer: false });
    m.core.ruler.enableOnly(['normalize', 'block']);
    try {
      installFastTokens(m);
    } catch {
      /* keep markdown-it's own tokens */
    }
    mdInstance = m;
  }
  return mdInstance;
}

/**
 * markdown-it 15's bundled Token constructor defines each of its 13 fields with Object.defineProperty, which
 * is about a third of a block parse. On this instance only, block tokens are made by a constructor that
 * assigns the same fields (same defaults, same prototype, so Token methods and instanceof still work).
 * Block rules only set fields on the tokens they push, so nothing else changes. Exported for its test.
 */
export function installFastTokens(m: Md): void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const BaseState = (m.block as any).State;
  const probe = new BaseState('', m, {}, []);
  const TokenClass = probe.Token;
  if (typeof TokenClass !== 'function' || typeof probe.push !== 'function') return;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function FastToken(this: any, type: string, tag: string, nesting: number) {
    // the same fields in the same order as markdown-it's Token
    this.map = null;
    this.level = 0;
    this.children = null;
    this.content = '';
    this.markup = '';
    this.info = '';
    this.block = false;
    this.hidden = false;
    this.type = type;
    this.tag = tag;
    this.attrs = null;
    this.nesting = nesting;
    this.meta = null;
  }
  FastToken.prototype = TokenClass.prototype;
  // Check the shapes agree before switching: same own keys, in the same order, as a real token.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const real = Object.keys(new TokenClass('x', 'y', 0)).join();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const fast = Object.keys(new (FastToken as any)('x', 'y', 0)).join();
  if (real !== fast) return;
  class FastState extends BaseState {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(src: string, md: Md, env: any, tokens: Token[]) {
      // The base constructor on no text, then the line table of `src` (see lineTable).
      super('', md, env, tokens);
      this.src = src;
      lineTable(this, src);
    }
    push(type: string, tag: string, nesting: number) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const token = new (FastToken as any)(type, tag, nesting);
      token.block = true;
      if (nesting < 0) this.level--;
      token.level = this.level;
      if (nesting > 0) this.level++;
      this.tokens.push(token);
      return token;
    }
  }
  // The same line table as markdown-it's own on text that tries its corner cases, or markdown-it's own State stays.
  const corners = '  a\n\t\tb  \n\n \t \n   \nlast \t';
  const keys = ['bMarks', 'eMarks', 'tShift', 'sCount', 'bsCount', 'lineMax'];
  for (const text of [corners, corners + '\n', corners + '  ', '', '\n', ' ', 'x', ' \t x\r\n\t']) {
    const a = new BaseState(text, m, {}, []);
    const b = new FastState(text, m, {}, []);
    if (keys.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))) return;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (m.block as any).State = FastState;
}

/**
 * markdown-it's StateBlock line table (start, end, indentation in characters and in columns, of every line), built as
 * its constructor builds it but with a jump to each line's end (indexOf) after the indentation, instead of a test of
 * every character of the text: a tenth of a block parse. A last line of only spaces and tabs, with no line end after
 * it, is not a line there either.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function lineTable(state: any, s: string): void {
  const bMarks: number[] = [];
  const eMarks: number[] = [];
  const tShift: number[] = [];
  const sCount: number[] = [];
  const bsCount: number[] = [];
  const len = s.length;
  let pos = 0;
  while (pos < len) {
    const start = pos;
    let indent = 0;
    let offset = 0;
    let ch = s.charCodeAt(pos);
    while (ch === 32 || ch === 9) {
      indent++;
      offset += ch === 9 ? 4 - (offset % 4) : 1;
      if (++pos >= len) break;
      ch = s.charCodeAt(pos);
    }
    if (pos >= len) break;
    let end = ch === 10 ? pos : s.indexOf('\n', pos);
    if (end < 0) end = len;
    bMarks.push(start);
    eMarks.push(end);
    tShift.push(indent);
    sCount.push(offset);
    bsCount.push(0);
    pos = end + 1;
  }
  bMarks.push(len);
  eMarks.push(len);
  tShift.push(0);
  sCount.push(0);
  bsCount.push(0);
  state.bMarks = bMarks;
  state.eMarks = eMarks;
  state.tShift = tShift;
  state.sCount = sCount;
  state.bsCount = bsCount;
  state.lineMax = bMarks.length - 1;
}

const builder = new SegmentBuilder();

function makeSegment(kind: SegmentKind, lines: LineIndex, out: ProseSegment[]): void {
  const built = builder.finish();
  if (!built) return;
  const { text, offsets } = built;
  out.push({
    kind,
    text,
    offsets,
    startLine: lines.lineAt(offsets[0]),
    endLine: lines.lineAt(offsets[text.length - 1]),
  });
}

/** Parses a Markdown draft. Never throws. */
/** A document over its segments, line table and suppressed lines (one byte a line, 1 = suppressed). */
export function makeDocument(segments: ProseSegment[], lines: LineIndex, suppressed: Uint8Array | null, frontMatter?: FrontMatter): MarkdownDocument {
  const doc: MarkdownDocument = {
    segments,
    lines,
    isSuppressed: (line: number) => (suppressed !== null && line >= 0 && line < suppressed.length ? suppressed[Math.trunc(line)] === 1 : false),
    positionAt: (offset: number) => lines.positionAt(offset),
    offsetAt: (position: { line: number; character: number }) => lines.offsetAt(position),
  };
  if (frontMatter) doc.frontMatter = frontMatter;
  return doc;
}

export function parseMarkdown(text: string): MarkdownDocument {
  if (typeof text !== 'string') text = text == null ? '' : String(text);
  const lines = new LineIndex(text);
  let fmLines = 0;
  let frontMatter: FrontMatter | undefined;
  try {
    fmLines = frontMatterLineCount(lines);
    if (fmLines > 0) frontMatter = { ...parseFrontMatter(lines, fmLines), endLine: fmLines - 1 };
  } catch (e) {
    frontMatter = { data: {}, error: `Malformed front matter: ${String(e)}` };
  }

  // Lines whose comments do not count for suppression: front matter, code blocks.
  let ignored: Uint8Array | null = null;
  const markIgnored = (from: number, to: number) => {
    if (!ignored) ignored = new Uint8Array(lines.lineCount);
    ignored.fill(1, Math.max(0, from), Math.min(lines.lineCount, to));
  };
  if (fmLines > 0) markIgnored(0, fmLines);

  let segments: ProseSegment[] = [];
  let fallback = false;
  try {
    segments = blockSegments(lines, fmLines, markIgnored);
  } catch {
    fallback = true;
    try {
      segments = fallbackSegments(lines, fmLines);
    } catch {
      segments = [];
    }
  }

  let suppressed: Uint8Array | null = null;
  try {
    suppressed = computeSuppression(lines, ignored);
  } catch {
    suppressed = null;
  }

  const doc = makeDocument(segments, lines, suppressed, frontMatter);
  if (fallback) doc.fallback = true;
  return doc;
}

function blockSegments(lines: LineIndex, fmLines: number, markIgnored: (from: number, to: number) => void): ProseSegment[] {
  const { tokens, references } = blockTokens(lines, 0, lines.lineCount, fmLines);
  const out: ProseSegment[] = [];
  buildSegments(tokens, lines, 0, refLookup(references), markIgnored, out);
  return out;
}

/** A lookup over markdown-it's env.references (null when there are none), as parseMarkdown uses it. */
export function refLookup(references: Record<string, unknown> | undefined): RefLookup | null {
  const normalizeReference = md().utils.normalizeReference;
  return references && Object.keys(references).length > 0 ? (label) => Object.prototype.hasOwnProperty.call(references, normalizeReference(label)) : null;
}

/** markdown-it's label normalisation (the keys of env.references). */
export function normalizeReferenceLabel(label: string): string {
  return md().utils.normalizeReference(label);
}

/**
 * Block tokens of document lines [fromLine, toLine) (toLine === lineCount: to the end of the text). Token
 * line maps are relative to fromLine. With fromLine 0, the front matter (fmLines) is seen as blank lines
 * and a BOM is dropped, as parseMarkdown does. Exported for ./incremental.ts.
 */
export function blockTokens(lines: LineIndex, fromLine: number, toLine: number, fmLines: number): { tokens: Token[]; references: Record<string, unknown> | undefined } {
  const doc = lines.text;
  const endOffset = toLine >= lines.lineCount ? doc.length : lines.starts[toLine];
  // markdown-it sees the front matter as blank lines, so its line numbers stay the document's. Blank lines in front
  // produce no token: the text after the front matter, its tokens moved down by its lines, is the same parse, without
  // the copy of the whole text that prepending the lines made.
  let src: string;
  let shift = 0;
  if (fromLine > 0) src = doc.slice(lines.starts[fromLine], endOffset);
  else if (fmLines >= lines.lineCount) src = '\n'.repeat(fmLines);
  else if (fmLines > 0) {
    src = doc.slice(lines.starts[fmLines], endOffset);
    shift = fmLines;
  } else src = doc.charCodeAt(0) === 0xfeff ? doc.slice(1, endOffset) : endOffset === doc.length ? doc : doc.slice(0, endOffset);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const env: Record<string, any> = {};
  const m = md();
  let tokens: Token[];
  // markdown-it's core runs two rules here: "normalize" (CR and NUL, copying the whole text twice) and "block". Without
  // a CR or a NUL there is nothing to normalise, and the block parser alone gives the same tokens.
  if (src.indexOf('\r') < 0 && src.indexOf('\0') < 0) m.block.parse(src, m, env, (tokens = []));
  else {
    if (shift > 0) {
      src = '\n'.repeat(shift) + src; // the full parse: its tokens nest, and lines in front keep all of them in place
      shift = 0;
    }
    tokens = m.parse(src, env);
  }
  if (shift > 0) {
    for (const t of tokens) {
      if (t.map) {
        t.map[0] += shift;
        t.map[1] += shift;
      }
    }
  }
  return { tokens, references: env.references as Record<string, unknown> | undefined };
}

/**
 * Prose segments of block tokens whose line maps are relative to document line `lineBase`, appended to
 * `out` with document offsets. Code blocks are reported to markIgnored in document lines.
 */
export function buildSegments(
  tokens: Token[],
  lines: LineIndex,
  lineBase: number,
  refs: RefLookup | null,
  markIgnored: (from: number, to: number) => void,
  out: ProseSegment[],
): void {
  const doc = lines.text;
  const containers: SegmentKind[] = [];
  let inHeading = false;
  let inRow = false;
  let rowCursor = 0;
  let rowLine = -1;
  let rowHasCell = false;
  let prevCellEnd = 0;

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    switch (tok.type) {
      case 'blockquote_open': containers.push('blockquote'); break;
      case 'list_item_open': containers.push('listItem'); break;
      case 'blockquote_close':
      case 'list_item_close': containers.pop(); break;
      case 'heading_open': inHeading = true; break;
      case 'heading_close': inHeading = false; break;
      case 'fence':
      case 'code_block':
        if (tok.map) markIgnored(tok.map[0] + lineBase, tok.map[1] + lineBase);
        break;
      case 'tr_open':
        inRow = true;
        rowLine = tok.map ? tok.map[0] + lineBase : -1;
        rowCursor = rowLine >= 0 && rowLine < lines.lineCount ? lines.starts[rowLine] : 0;
        rowHasCell = false;
        builder.reset();
        break;
      case 'tr_close':
        inRow = false;
        makeSegment('tableRow', lines, out);
        break;
      case 'inline': {
        const c = tok.content;
        if (inRow) {
          if (rowLine < 0 || rowLine >= lines.lineCount) break;
          const ls = lines.starts[rowLine], le = lines.ends[rowLine];
          const map = contentMap(c.length);
          const cellStart = rowCursor;
          rowCursor = mapCell(doc, ls, le, rowCursor, c, map);
          const mark = builder.mark();
          if (rowHasCell && c.length > 0) {
            // The separator sits on the pipe between the cells.
            let pipe = doc.lastIndexOf('|', map[0]);
            if (pipe < Math.max(ls, prevCellEnd)) pipe = Math.min(cellStart, map[0]);
            for (let s = 0; s < TABLE_CELL_SEPARATOR.length; s++) {
              const code = TABLE_CELL_SEPARATOR.charCodeAt(s);
              if (code === 32) builder.space(pipe); else builder.char(code, pipe);
            }
          }
          const afterSeparator = builder.n;
          try {
            scanInline(c, map, builder, refs);
          } catch {
            /* keep what the row has */
          }
          if (builder.n > afterSeparator) {
            rowHasCell = true;
            prevCellEnd = rowCursor;
          } else {
            builder.rollback(mark); // an empty cell adds no separator
          }
          break;
        }
        if (!tok.map || c.length === 0) break;
        const kind: SegmentKind = inHeading ? 'heading' : containers.length ? containers[containers.length - 1] : 'paragraph';
        const map = contentMap(c.length);
        mapContent(c, tok.map[0] + lineBase, lines, map);
        builder.reset();
        try {
          scanInline(c, map, builder, refs);
        } catch {
          builder.reset();
          for (let k = 0; k < c.length; k++) {
            const code = c.charCodeAt(k);
            if (isWs(code)) builder.space(map[k]); else builder.char(code, map[k]);
          }
        }
        makeSegment(kind, lines, out);
        break;
      }
    }
  }
}

/** Every non-blank line outside the front matter is a paragraph; only whitespace is collapsed. */
function fallbackSegments(lines: LineIndex, fmLines: number): ProseSegment[] {
  const out: ProseSegment[] = [];
  const doc = lines.text;
  for (let l = fmLines; l < lines.lineCount; l++) {
    builder.reset();
    for (let k = lines.starts[l], e = lines.ends[l]; k < e; k++) {
      const code = doc.charCodeAt(k);
      if (isWs(code)) builder.space(k); else builder.char(code, k);
    }
    makeSegment('paragraph', lines, out);
  }
  return out;
}

// The incremental parser (re-parses only changed chunks; same output as parseMarkdown).
export { createMarkdownParser, type MarkdownParser } from './incremental';
