// "Ignore this claim": where the suppression comment goes so that the Markdown stays what it was.
//
// A comment on a line of its own above the claim (`<!-- factcheck-disable-next-line -->`, with the line's indentation
// and block-quote markers) reads best, but such a line is an HTML block: it ends a table, splits a paragraph or a
// list, and pulls a lazy block-quote line out of its quote. So each place the comment could go is tried in turn, and
// the first one that renders (markdown-it, HTML on) exactly as the document did, comment aside, is taken:
//
//   1. a line of its own above the claim's line;
//   2. `<!-- factcheck-disable-line -->` at the end of the claim's line, before what must stay last on it (a hard
//      break, a table row's closing pipe, a heading's closing #s);
//   3. the same at the very end of the line;
//   4. the same right after the claim, or right before it.
//
// None that keeps the structure (a claim whose line ends inside a code span, say): no edit, and no action.
// Only the blocks around the claim are rendered: the top-level block that holds it and one on each side.

import type { Range, TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type MarkdownItType from 'markdown-it';

export const DISABLE_NEXT_LINE = '<!-- factcheck-disable-next-line -->';
export const DISABLE_LINE = '<!-- factcheck-disable-line -->';

type Md = ReturnType<typeof MarkdownItType>;
let structureMd: Md | undefined;
let blockMd: Md | undefined;
/** Loaded on first use: the server answers `initialize` before it needs markdown-it. */
function renderers(): { full: Md; blocks: Md } {
  if (!structureMd || !blockMd) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as typeof MarkdownItType;
    structureMd = new MarkdownIt({ html: true, linkify: false, typographer: false });
    blockMd = new MarkdownIt({ html: true, linkify: false, typographer: false });
    blockMd.core.ruler.enableOnly(['normalize', 'block']);
  }
  return { full: structureMd, blocks: blockMd };
}

const DIRECTIVE = /[ \t]*<!--[ \t]*factcheck-(?:disable-next-line|disable-line|disable|enable)[ \t]*-->/g;

/** Rendered HTML with our directives taken out and whitespace between and around tags ignored. */
export function structureOf(md: Md, text: string): string {
  return md
    .render(text)
    .replace(DIRECTIVE, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?(<[^>]*>) ?/g, '$1')
    .trim();
}

/** The document's lines, each with its terminator ('' for the last). */
function splitLines(text: string): { content: string[]; eols: string[] } {
  const content: string[] = [];
  const eols: string[] = [];
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    content.push(text.slice(at, m.index));
    eols.push(m[0]);
    at = m.index + m[0].length;
  }
  content.push(text.slice(at));
  eols.push('');
  return { content, eols };
}

interface Window {
  from: number;
  to: number;
}

/** The top-level blocks' line spans, in order. */
function topLevelSpans(blocks: Md, text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const t of blocks.parse(text, {})) {
    if (t.level === 0 && t.map && t.nesting !== -1) spans.push([t.map[0], t.map[1]]);
  }
  return spans;
}

/** Lines [from, to) of the top-level block holding `line` and of one block on each side. */
function windowAround(spans: [number, number][], line: number, lineCount: number): Window {
  let i = spans.findIndex(([, end]) => end > line);
  if (i < 0) i = spans.length - 1;
  if (i < 0) return { from: 0, to: lineCount };
  const from = i > 0 ? spans[i - 1][0] : 0;
  const to = i + 1 < spans.length ? spans[i + 1][1] : lineCount;
  return { from: Math.min(from, line), to: Math.max(to, line + 1) };
}

/** Offset in `s` where an inserted comment still leaves the line's last construct last. */
function beforeLineTail(s: string): number {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  const trailing = s.length - end;
  // A backslash hard break: an odd run of backslashes at the end.
  let slashes = 0;
  while (slashes < end && s[end - 1 - slashes] === '\\') slashes++;
  if (trailing === 0 && slashes % 2 === 1) end--;
  else if (s[end - 1] === '|' && slashes % 2 === 0) {
    // A table row's closing pipe (not an escaped one).
    end--;
  } else {
    // An ATX heading's closing sequence: "## Title ##".
    const m = /^[ \t]*(?:>[ \t]?)*[ \t]*#{1,6}[ \t].*?[ \t]+(#+)$/.exec(s.slice(0, end));
    if (m) end -= m[1].length;
  }
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return end;
}

/** The indentation and block-quote markers that start a line. */
export function linePrefix(s: string): string {
  return /^[ \t]*(?:>[ \t]?)*/.exec(s)?.[0] ?? '';
}

interface Layout {
  doc: TextDocument;
  version: number;
  content: string[];
  eols: string[];
  spans: [number, number][];
}
/**
 * The last document's lines and block spans: a block parse of a 1 MB draft takes about 100 ms, and an editor asks
 * for code actions again each time the cursor moves on a flagged claim.
 */
let lastLayout: Layout | undefined;

function layout(doc: TextDocument): Layout {
  if (lastLayout && lastLayout.doc === doc && lastLayout.version === doc.version) return lastLayout;
  const text = doc.getText();
  const { content, eols } = splitLines(text);
  lastLayout = { doc, version: doc.version, content, eols, spans: topLevelSpans(renderers().blocks, text) };
  return lastLayout;
}

/**
 * The edit that makes the checker skip the claim at `range` without changing how the document renders, or
 * undefined when no place for the comment keeps the structure.
 */
export function ignoreEdit(doc: TextDocument, range: Range): TextEdit | undefined {
  const { content, eols, spans } = layout(doc);
  const line = Math.min(range.start.line, content.length - 1);
  const s = content[line];
  // The document's own line ending: this line's, else the one before, else the first in the document.
  const eol = eols[line] || (line > 0 ? eols[line - 1] : '') || eols.find((e) => e) || '\n';

  const candidates: { character: number; newText: string; ownLine?: boolean }[] = [];
  candidates.push({ character: 0, newText: `${linePrefix(s)}${DISABLE_NEXT_LINE}${eol}`, ownLine: true });
  const tail = beforeLineTail(s);
  candidates.push({ character: tail, newText: ` ${DISABLE_LINE}` });
  if (tail !== s.length) candidates.push({ character: s.length, newText: ` ${DISABLE_LINE}` });
  if (range.end.line === line && range.end.character <= s.length) candidates.push({ character: range.end.character, newText: ` ${DISABLE_LINE}` });
  if (range.start.character <= s.length) candidates.push({ character: range.start.character, newText: `${DISABLE_LINE} ` });

  const { full } = renderers();
  const win = windowAround(spans, line, content.length);
  const slice = (lines: string[]) => {
    let out = '';
    for (let l = win.from; l < win.to; l++) out += lines[l] + (l + 1 < win.to ? eols[l] || '\n' : '');
    return out;
  };
  const before = structureOf(full, slice(content));
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = `${c.character}\u0000${c.newText}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edited = content.slice();
    edited[line] = s.slice(0, c.character) + c.newText + s.slice(c.character);
    if (structureOf(full, slice(edited)) !== before) continue;
    return { range: { start: { line, character: c.character }, end: { line, character: c.character } }, newText: c.newText };
  }
  return undefined;
}
