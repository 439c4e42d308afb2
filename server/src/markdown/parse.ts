// parseMarkdown: the whole draft parsed at once. It never throws: if markdown-it fails, every non-blank line is
// taken as a paragraph.

import { LineIndex } from './lines';
import { frontMatterLineCount, parseFrontMatter } from './frontMatter';
import { computeSuppression } from './suppress';
import type { FrontMatter, MarkdownDocument, ProseSegment } from './index';
import { blockTokens, refLookup } from './tokens';
import { buildSegments, fallbackSegments } from './segments';

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

/** Parses a Markdown draft. Never throws. */
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

