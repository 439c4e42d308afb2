// markdown-it's block tokens for the Markdown layer: one shared instance (block rules only), its faster token
// constructor and line table, and markdown-it's link reference labels.

import MarkdownIt from 'markdown-it';
import type { LineIndex } from './lines';
import type { RefLookup } from './inline';

type Md = ReturnType<typeof MarkdownIt>;
export type Token = ReturnType<Md['parse']>[number];

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
 * and a BOM is dropped, as parseMarkdown does. Exported for the incremental parser too.
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
