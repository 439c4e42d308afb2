// The stdio transport's framing, watched. A message is `Content-Length: N\r\n` (other headers allowed), an empty
// line, and N bytes of JSON. vscode-jsonrpc's reader reports a broken frame (a stray byte between messages; a
// missing, short, long or negative Content-Length) to an error event nobody listens to, and from then on reads
// every later message as garbage: the server runs on, deaf to every request, and says nothing. This checker reads
// the same bytes beside it, mirrors its header rules, and on the first broken frame says why; the server then logs
// the reason and exits non-zero, so that the client (Neovim, any stdio client) starts a new one.
//
// A short Content-Length leaves the rest of the body where the next header should start; a long one swallows the
// start of the next message, whose rest then stands there. Either is caught when the next bytes arrive.

const CR = 13;
const LF = 10;
/** A header section longer than this has no end: the client is not sending LSP frames. */
const MAX_HEADER = 8192;
/** Larger than any message Node could make a string of. */
const MAX_BODY = 1 << 30;

export class FrameChecker {
  /** Body bytes still to come. */
  private remaining = 0;
  private head: number[] = [];
  /** The CR LF CR LF state machine of vscode-jsonrpc's header reader. */
  private state = 0;
  private frames = 0;

  /** Feeds the next chunk; returns why the stream is broken, or undefined while it is not. */
  feed(chunk: Uint8Array): string | undefined {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - i);
        this.remaining -= take;
        i += take;
        if (this.remaining === 0) this.frames++;
        continue;
      }
      const c = chunk[i++];
      this.head.push(c);
      if (this.head.length === 1 && (c === 0x7b || c === 0x5b)) {
        return `${this.where()}: JSON where a Content-Length header should be`;
      }
      if (this.head.length > MAX_HEADER) return `${this.where()}: a header section of over ${MAX_HEADER} bytes with no empty line after it`;
      if (c === CR) this.state = this.state === 0 ? 1 : this.state === 2 ? 3 : 0;
      else if (c === LF) this.state = this.state === 1 ? 2 : this.state === 3 ? 4 : 0;
      else this.state = 0;
      if (this.state === 4) {
        const problem = this.readHeaders();
        if (problem) return problem;
      }
    }
    return undefined;
  }

  private where(): string {
    return `message ${this.frames + 1}`;
  }

  private readHeaders(): string | undefined {
    const text = String.fromCharCode(...this.head);
    this.head = [];
    this.state = 0;
    const lines = text.split('\r\n').slice(0, -2);
    let length: string | undefined;
    for (const line of lines) {
      const colon = line.indexOf(':');
      if (colon < 0) return `${this.where()}: a header line without ':' (${JSON.stringify(line.slice(0, 40))})`;
      // As vscode-jsonrpc reads it: the name as it stands (a stray byte before it makes another name), the value trimmed.
      if (line.slice(0, colon).toLowerCase() === 'content-length') length = line.slice(colon + 1).trim();
    }
    if (length === undefined) {
      const names = lines.map((l) => JSON.stringify(l.slice(0, Math.max(0, l.indexOf(':'))).slice(0, 40))).join(', ');
      return `${this.where()}: no Content-Length header (headers: ${names || 'none'})`;
    }
    if (!/^\d+$/.test(length)) return `${this.where()}: Content-Length ${JSON.stringify(length.slice(0, 40))} is not a number of bytes`;
    const n = Number(length);
    if (n === 0) return `${this.where()}: Content-Length 0 (an empty message)`;
    if (n > MAX_BODY) return `${this.where()}: Content-Length ${n} is larger than any message`;
    this.remaining = n;
    return undefined;
  }
}

/**
 * Watches `input` (the server's stdin) and calls `broken` once with the reason on the first broken frame. Listening
 * for 'data' beside the connection's reader sees the same chunks in the same order.
 */
export function watchFrames(input: NodeJS.ReadableStream, broken: (reason: string) => void): void {
  const checker = new FrameChecker();
  let done = false;
  input.on('data', (chunk: Buffer | string) => {
    if (done) return;
    const reason = checker.feed(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (reason) {
      done = true;
      broken(reason);
    }
  });
}
