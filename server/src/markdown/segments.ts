// Prose segments from markdown-it's block tokens: the innermost container decides each segment's kind, table
// rows read as one sentence, and each block's inline source is stripped by ./inline.ts.

import type { LineIndex } from './lines';
import type { ProseSegment, SegmentKind } from './index';
import type { Token } from './tokens';
import { SegmentBuilder } from './builder';
import { isWs } from './chars';
import { contentMap, mapCell, mapContent } from './contentMap';
import { scanInline, type RefLookup } from './inline';

/** Table cells are joined with this, so a row reads as one sentence: "31 August 2021 ; Putin phones Lukashenko". */
export const TABLE_CELL_SEPARATOR = ' ; ';

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
export function fallbackSegments(lines: LineIndex, fmLines: number): ProseSegment[] {
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
