// The Markdown layer: a draft in, the prose to check out, with a map back to exact document offsets.
//
// Block structure comes from markdown-it (block rules only: the inline markup is stripped by ./inline.ts,
// which keeps an offset for every prose character). Front matter is read with `yaml`. Suppression comments
// are described in ./suppress.ts. parseMarkdown never throws: if markdown-it fails, every non-blank line is
// taken as a paragraph.

import type { LineIndex } from './lines';

export { LineIndex } from './lines';
export { normaliseDate } from './frontMatter';

export type { Token } from './tokens';
export { installFastTokens, blockTokens, refLookup, normalizeReferenceLabel } from './tokens';
export { TABLE_CELL_SEPARATOR, buildSegments } from './segments';
export { makeDocument, parseMarkdown } from './parse';

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

// The incremental parser (re-parses only changed chunks; same output as parseMarkdown).
export { createMarkdownParser, type MarkdownParser } from './incremental';
