// Front matter: a leading `---` line, YAML, and a closing `---` (or `...`) line. Parsed with `yaml`; never throws.

import * as YAML from 'yaml';
import type { FrontMatter } from './index';
import type { LineIndex } from './lines';

/** Number of lines the front matter occupies (0 when there is none): the block is lines 0..n-1. */
export function frontMatterLineCount(lines: LineIndex): number {
  const text = lines.text;
  if (lines.lineCount < 2) return 0;
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!isFence(text, lines.starts[0] + bom, lines.ends[0], false)) return 0;
  // The closing fence must come; an unclosed `---` is a thematic break, not front matter (as markdownlint reads it).
  for (let l = 1; l < lines.lineCount; l++) {
    if (isFence(text, lines.starts[l], lines.ends[l], true)) return l + 1;
  }
  return 0;
}

function isFence(text: string, start: number, end: number, closing: boolean): boolean {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  if (e - start !== 3) return false;
  const s = text.slice(start, e);
  return s === '---' || (closing && s === '...');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?![0-9])/;

/** A `date:` value as YYYY-MM-DD, or undefined when it is not a real calendar date. */
export function normaliseDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    const t = value.getTime();
    if (!Number.isFinite(t)) return undefined;
    // YAML timestamps are UTC; a plain date "2023-12-03" becomes midnight UTC.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > dim) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * Bounds on what is given to the YAML parser. `yaml` takes seconds and gigabytes on a large front matter of nested
 * flow collections (`x: [[[[…` over 2 MB: 15 s, 1.75 GB, again on every keystroke inside it), and a nesting deep
 * enough to overflow its recursion can leave V8 unable to compile a regular expression afterwards, which kills the
 * process. A real front matter is a few hundred bytes and a few levels deep.
 */
export const MAX_FRONT_MATTER_CHARS = 32 * 1024;
export const MAX_FRONT_MATTER_DEPTH = 64;

/**
 * About how deeply the YAML nests: per line, half its indentation plus the block indicators that open a level on it
 * (`- - - x`, `? ? x`), and across lines the open flow collections (`[`, `{` outside quotes and comments). It
 * over-counts (a `[` in a plain scalar, indentation in a block scalar) and under-counts one-column indentation by
 * half, which the size bound then limits to about 250 levels, far from what overflows the parser.
 */
export function nestingBound(yaml: string): number {
  let max = 0;
  let flow = 0;
  let quote = 0; // the open quote's char code, or 0
  let lineStart = true;
  let col = 0;
  let blockDepth = 0;
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml.charCodeAt(i);
    if (c === 10) {
      lineStart = true;
      col = 0;
      blockDepth = 0;
      continue; // (a quoted scalar may span lines: its quote stays open)
    }
    if (quote) {
      if (c === quote) {
        if (quote === 39 && yaml.charCodeAt(i + 1) === 39) i++; // '' inside a single-quoted scalar
        else quote = 0;
      } else if (c === 92 && quote === 34) i++; // \" inside a double-quoted scalar
      continue;
    }
    if (lineStart) {
      if (c === 32) {
        if (blockDepth === 0) col++; // indentation; the spaces after an indicator are not
        continue;
      }
      // Block indicators that open a level: "- ", "? ", ": " (or one at the end of the line).
      if ((c === 45 || c === 63 || c === 58) && (i + 1 === yaml.length || yaml.charCodeAt(i + 1) === 32 || yaml.charCodeAt(i + 1) === 10)) {
        blockDepth++;
        if ((col >> 1) + blockDepth > max) max = (col >> 1) + blockDepth;
        continue;
      }
      lineStart = false;
      // Two columns of indentation to a level, as YAML is mostly written (one-column indentation counts half).
      if ((col >> 1) + blockDepth > max) max = (col >> 1) + blockDepth;
    }
    if (c === 35 && (i === 0 || yaml.charCodeAt(i - 1) === 32 || yaml.charCodeAt(i - 1) === 9)) {
      while (i + 1 < yaml.length && yaml.charCodeAt(i + 1) !== 10) i++; // a comment
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91 || c === 123) {
      flow++;
      if (flow > max) max = flow;
    } else if ((c === 93 || c === 125) && flow > 0) flow--;
  }
  return max;
}

/** Parses the YAML between the fences (lines 1..count-2). */
export function parseFrontMatter(lines: LineIndex, count: number): FrontMatter {
  const text = lines.text;
  const size = count > 2 ? lines.ends[count - 2] - lines.starts[1] : 0;
  if (size > MAX_FRONT_MATTER_CHARS) {
    return { data: {}, error: `Front matter skipped: ${size} characters, more than the ${MAX_FRONT_MATTER_CHARS} that are read` };
  }
  // YAML only knows \n and \r\n as line breaks; LSP (and this layer) also takes a lone \r as one.
  let yamlText = count > 2 ? text.slice(lines.starts[1], lines.ends[count - 2]) : '';
  if (yamlText.indexOf('\r') >= 0) yamlText = yamlText.replace(/\r\n?/g, '\n');
  const depth = nestingBound(yamlText);
  if (depth > MAX_FRONT_MATTER_DEPTH) {
    return { data: {}, error: `Front matter skipped: nested ${depth} levels deep, more than the ${MAX_FRONT_MATTER_DEPTH} that are read` };
  }
  try {
    const doc = YAML.parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      // Report the line in document terms (1-based, as editors show it); the YAML starts on document line 2.
      let where = '';
      const pos = err.pos?.[0];
      if (typeof pos === 'number' && pos >= 0) {
        let docLine = 1; // the YAML starts on document line 1 (0-based)
        for (let k = yamlText.indexOf('\n'); k >= 0 && k < pos; k = yamlText.indexOf('\n', k + 1)) docLine++;
        where = ` at line ${docLine + 1}`;
      }
      const msg = String(err.message).split('\n')[0];
      const fm: FrontMatter = { data: {}, error: `Malformed front matter${where}: ${msg}` };
      // Still honour a plain top-level `date: YYYY-MM-DD` line: one typo elsewhere should not move "this year".
      const m = /^date:[ \t]*["']?(\d{4}-\d{2}-\d{2})["']?[ \t]*(?:#.*)?$/m.exec(yamlText);
      const date = m ? normaliseDate(m[1]) : undefined;
      if (date) fm.date = date;
      return fm;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return { data: {} };
    if (typeof value !== 'object' || Array.isArray(value)) {
      return { data: {}, error: 'Malformed front matter: expected key: value pairs (a YAML mapping)' };
    }
    const data = value as Record<string, unknown>;
    // An own `__proto__` key is harmless here but would pollute a consumer's Object.assign: drop it.
    if (Object.prototype.hasOwnProperty.call(data, '__proto__')) delete data['__proto__'];
    const fm: FrontMatter = { data };
    if (data.date !== undefined && data.date !== null) {
      const date = normaliseDate(data.date);
      if (date) fm.date = date;
      else fm.dateError = `Front matter date ${JSON.stringify(String(data.date))} is not a YYYY-MM-DD date`;
    }
    return fm;
  } catch (e) {
    return { data: {}, error: `Malformed front matter: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}
