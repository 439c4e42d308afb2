// The incremental parser's cache entries: one chunk's segments, code lines and link reference labels, for the
// position they were built at, and moved to another (./incremental.ts).

import type { LineIndex } from './lines';
import type { ProseSegment } from './index';
import { normalizeReferenceLabel, type Token } from './tokens';
import { buildSegments } from './segments';
import type { Chunk } from './chunks';

export interface Entry {
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

/**
 * The entry placed at (offset, line). Offsets are shifted lazily: a moved segment's `offsets` is computed from
 * the entry's origin arrays on first read (most segments after an edit are never mapped).
 */
export function shiftEntry(src: Entry, offset: number, line: number): Entry {
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
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  const step = 2048;
  while (p + step <= n && a.slice(p, p + step) === b.slice(p, p + step)) p += step;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** Length of the common suffix of a and b, at most `max`. */
export function commonSuffix(a: string, b: string, max: number): number {
  const la = a.length, lb = b.length;
  let s = 0;
  const step = 2048;
  while (s + step <= max && a.slice(la - s - step, la - s) === b.slice(lb - s - step, lb - s)) s += step;
  while (s < max && a.charCodeAt(la - s - 1) === b.charCodeAt(lb - s - 1)) s++;
  return s;
}

export function buildEntry(b: { chunk: Chunk; tokens: Token[]; lineBase: number; defs: string[] | null }, lines: LineIndex, labels: Set<string>, refSig: string): Entry {
  const ch = b.chunk;
  const queried: string[] = [];
  const answers: boolean[] = [];
  const lookup = (label: string): boolean => {
    const key = normalizeReferenceLabel(label);
    const r = labels.has(key);
    queried.push(key);
    answers.push(r);
    return r;
  };
  const ignored: number[] = [];
  const segments: ProseSegment[] = [];
  buildSegments(b.tokens, lines, b.lineBase, lookup, (from, to) => { ignored.push(from, to); }, segments);
  return { len: ch.end - ch.start, first: ch.startLine === 0, offset: ch.start, line: ch.startLine, segments, ignored, origin: { offset: ch.start, arrays: segments.map((x) => x.offsets) }, defs: b.defs, queried: queried.length ? queried : null, answers: queried.length ? answers : null, refSig };
}
