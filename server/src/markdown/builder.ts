// Segment builder: whitespace collapsing, leading/trailing whitespace trimmed. The text is built from
// slices of the inline source (runs), the offsets in a shared typed array.

export interface BuilderMark { n: number; lastEnd: number; pendingSpace: number; endsWithSpace: boolean }

export class SegmentBuilder {
  private offs = new Uint32Array(4097);
  /** The text so far: slices of the inline sources and single characters, one code unit for each offset. */
  private text = '';
  n = 0;
  private lastEnd = 0;
  private pendingSpace = -1;
  private endsWithSpace = false;

  reset(): void {
    this.text = '';
    this.n = 0;
    this.lastEnd = 0;
    this.pendingSpace = -1;
    this.endsWithSpace = false;
  }

  mark(): BuilderMark {
    return { n: this.n, lastEnd: this.lastEnd, pendingSpace: this.pendingSpace, endsWithSpace: this.endsWithSpace };
  }

  rollback(m: BuilderMark): void {
    if (this.n !== m.n) this.text = this.text.slice(0, m.n);
    this.n = m.n;
    this.lastEnd = m.lastEnd;
    this.pendingSpace = m.pendingSpace;
    this.endsWithSpace = m.endsWithSpace;
  }

  private ensure(extra: number): void {
    const need = this.n + extra + 2;
    if (need <= this.offs.length) return;
    let cap = this.offs.length * 2;
    while (cap < need) cap *= 2;
    const o2 = new Uint32Array(cap + 1);
    o2.set(this.offs.subarray(0, this.n));
    this.offs = o2;
  }

  private flushSpace(): void {
    if (this.pendingSpace >= 0) {
      this.text += ' ';
      this.offs[this.n++] = this.pendingSpace;
      this.pendingSpace = -1;
    }
  }

  /** A whitespace at `off`: collapses with its neighbours, dropped at the start and the end. */
  space(off: number): void {
    if (this.n > 0 && this.pendingSpace < 0 && !this.endsWithSpace) this.pendingSpace = off;
  }

  /** A prose character (UTF-16 code unit) at document offset `off`, whose source ends at `end`. */
  char(code: number, off: number, end: number = off + 1): void {
    this.ensure(1);
    this.flushSpace();
    this.text += String.fromCharCode(code);
    this.offs[this.n++] = off;
    this.lastEnd = end;
    this.endsWithSpace = code === 32;
  }

  /** Characters c[a..b) verbatim (no whitespace but single spaces between non-spaces), at map[a..b). */
  run(c: string, map: Int32Array, a: number, b: number): void {
    this.ensure(b - a);
    this.flushSpace();
    this.text += b - a === 1 ? c[a] : c.slice(a, b);
    const offs = this.offs;
    let n = this.n;
    for (let k = a; k < b; k++) offs[n++] = map[k];
    this.n = n;
    this.lastEnd = map[b - 1] + 1;
    this.endsWithSpace = c.charCodeAt(b - 1) === 32;
  }

  /** Text and offsets of what was built (offsets[text.length] is the end offset); null when empty. */
  finish(): { text: string; offsets: Uint32Array } | null {
    let n = this.n;
    if (this.endsWithSpace && n > 0) {
      n--;
      this.lastEnd = this.offs[n - 1] + 1;
    }
    if (n === 0) return null;
    this.offs[n] = this.lastEnd;
    // The pieces are joined into one flat string at the text's first read (the engine's first is a hash).
    return { text: n === this.text.length ? this.text : this.text.slice(0, n), offsets: poolCopy(this.offs, n + 1) };
  }
}

// Segments' offsets are views into shared chunks: one allocation per 64K offsets instead of one per segment.
const CHUNK = 65536;
let chunk = new Uint32Array(CHUNK);
let chunkUsed = 0;
function poolCopy(src: Uint32Array, len: number): Uint32Array {
  if (len > CHUNK / 4) return src.slice(0, len);
  if (chunkUsed + len > CHUNK) {
    chunk = new Uint32Array(CHUNK);
    chunkUsed = 0;
  }
  const view = chunk.subarray(chunkUsed, chunkUsed + len);
  view.set(src.subarray(0, len));
  chunkUsed += len;
  return view;
}
