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
import type { FrontMatter, MarkdownDocument, ProseSegment } from './index';
import { blockTokens, type Token } from './tokens';
import { makeDocument, parseMarkdown } from './parse';
import { candidateCuts, joinLast, parseRun, type Chunk } from './chunks';
import { buildEntry, commonPrefix, commonSuffix, shiftEntry, type Entry } from './chunkCache';

export interface MarkdownParser {
  /** Same result as parseMarkdown(text); re-parses only the chunks that changed since earlier calls. Never throws. */
  parse(text: string): MarkdownDocument;
}

const MAX_JOIN_MEMORY = 4096;
const MIN_CHUNK = 64;
/** Below this many changed characters, new chunks are parsed rather than looked up by text. */
const BY_TEXT_MIN = 4096;

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
      const res = parseRun(lines, chunks, i, j, fmLines, joinAfter);
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
      const { tokens } = blockTokens(lines, ch.startLine, ch.endLine, ch.startLine === 0 ? fmLines : 0);
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

    return makeDocument(segments, lines, suppressed, frontMatter);
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
        doc = parseMarkdown(text);
      }
      lastText = text;
      lastDoc = doc;
      return doc;
    },
  };
}
