// Line table of a document in LSP terms: lines end at \n, \r\n or \r; columns are UTF-16 code units.
// Every method clamps its input and never throws.

export class LineIndex {
  /** starts[i] is the offset of the first character of line i. */
  readonly starts: Uint32Array;
  /** ends[i] is the offset just past the last character of line i, before its line terminator. */
  readonly ends: Uint32Array;
  readonly lineCount: number;
  readonly length: number;

  constructor(readonly text: string) {
    const n = text.length;
    this.length = n;
    let cap = 16;
    let starts = new Uint32Array(cap);
    let ends = new Uint32Array(cap);
    let count = 0;
    let lineStart = 0;
    const lfOnly = text.indexOf('\r') < 0;
    for (let i = 0; i < n; i++) {
      if (lfOnly) {
        i = text.indexOf('\n', i);
        if (i < 0) break;
      }
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      if (count + 1 >= cap) {
        cap *= 2;
        const s2 = new Uint32Array(cap); s2.set(starts); starts = s2;
        const e2 = new Uint32Array(cap); e2.set(ends); ends = e2;
      }
      starts[count] = lineStart;
      ends[count] = i;
      count++;
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
    if (count + 1 > cap) {
      const s2 = new Uint32Array(count + 1); s2.set(starts); starts = s2;
      const e2 = new Uint32Array(count + 1); e2.set(ends); ends = e2;
    }
    starts[count] = lineStart;
    ends[count] = n;
    count++;
    this.starts = starts.subarray(0, count);
    this.ends = ends.subarray(0, count);
    this.lineCount = count;
  }

  /** The 0-based line holding `offset` (clamped to the document). An offset on a terminator belongs to its line. */
  lineAt(offset: number): number {
    if (!(offset > 0)) return 0;
    if (offset >= this.length) return this.lineCount - 1;
    const starts = this.starts;
    let lo = 0;
    let hi = this.lineCount - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): { line: number; character: number } {
    let off = Number.isFinite(offset) ? Math.trunc(offset) : offset > 0 ? this.length : 0;
    if (off < 0) off = 0;
    if (off > this.length) off = this.length;
    const line = this.lineAt(off);
    const start = this.starts[line];
    const end = this.ends[line];
    return { line, character: (off > end ? end : off) - start };
  }

  offsetAt(position: { line: number; character: number }): number {
    if (!position) return 0;
    let line = Number.isFinite(position.line) ? Math.trunc(position.line) : position.line > 0 ? this.lineCount : -1;
    if (line < 0) return 0;
    if (line >= this.lineCount) return this.length;
    let ch = Number.isFinite(position.character) ? Math.trunc(position.character) : position.character > 0 ? Infinity : 0;
    if (!(ch > 0)) ch = 0;
    const start = this.starts[line];
    const end = this.ends[line];
    return ch >= end - start ? end : start + ch;
  }

  /** True when line `line` holds only spaces and tabs (or nothing). */
  isBlank(line: number): boolean {
    const text = this.text;
    for (let i = this.starts[line], e = this.ends[line]; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9) return false;
    }
    return true;
  }
}
