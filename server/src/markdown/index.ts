// Contract of the Markdown layer (implementation pending): a draft in, the prose to check out, with a map back
// to exact document offsets.

/** A run of prose from one block (paragraph, heading, list item, table row, block quote line group). */
export interface ProseSegment {
  kind: 'paragraph' | 'heading' | 'listItem' | 'tableRow' | 'blockquote';
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
}

export interface MarkdownDocument {
  frontMatter?: FrontMatter;
  segments: ProseSegment[];
  /** True when a factcheck-disable comment covers the line. */
  isSuppressed(line: number): boolean;
  positionAt(offset: number): { line: number; character: number };
  offsetAt(position: { line: number; character: number }): number;
}
