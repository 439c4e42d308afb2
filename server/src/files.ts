// Reading a draft from disk, for the CLI and for the server's commands: regular files only, and no more than a
// limit. A FIFO named `draft.md` would block a read forever (and, in the server, one of libuv's four worker threads
// with it); `/dev/zero` behind a symlink never ends. So the path is stat'ed first (which neither blocks nor reads),
// opened without blocking, checked again on the open descriptor (the path may have changed in between), and read
// up to the limit and one byte more: a file that grew past the limit since the stat is still refused.

import * as fs from 'node:fs';

/** The largest draft that is checked, by default: the CLI's --max-file-size and the editor's factcheck.maxFileSize. */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export type ReadOutcome =
  | { ok: true; text: string }
  | { ok: false; reason: 'not-regular' | 'too-large' | 'unreadable'; message: string; size?: number };

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** What a non-regular file is, in words. */
function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function refuse(st: fs.Stats, maxBytes: number, size = st.size): ReadOutcome | undefined {
  if (!st.isFile()) return { ok: false, reason: 'not-regular', message: `not a regular file (${kindOf(st)})` };
  if (size > maxBytes) return { ok: false, reason: 'too-large', size, message: `${size} bytes, larger than the limit of ${maxBytes} bytes` };
  return undefined;
}

/** A file that grew since its stat: a buffer twice as large, up to the limit and one byte more. */
function grow(buf: Buffer, maxBytes: number): Buffer {
  const next = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(buf.length * 2, 4096)));
  buf.copy(next);
  return next;
}

const unreadable = (e: unknown): ReadOutcome => ({
  ok: false,
  reason: 'unreadable',
  message: (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e)),
});

/** Reads `file` as UTF-8 if it is a regular file of at most `maxBytes` bytes. */
export function readRegularFileSync(file: string, maxBytes: number): ReadOutcome {
  let fd: number | undefined;
  try {
    const before = refuse(fs.statSync(file), maxBytes);
    if (before) return before;
    fd = fs.openSync(file, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    const now = refuse(st, maxBytes);
    if (now) return now;
    let buf: Buffer = Buffer.allocUnsafe(Math.min(maxBytes, st.size) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) break;
        buf = grow(buf, maxBytes);
      }
      const r = fs.readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) break;
      n += r;
    }
    if (n > maxBytes) return refuse(st, maxBytes, n)!;
    return { ok: true, text: buf.toString('utf8', 0, n) };
  } catch (e) {
    return unreadable(e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The same, without blocking the event loop. */
export async function readRegularFile(file: string, maxBytes: number): Promise<ReadOutcome> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    const before = refuse(await fs.promises.stat(file), maxBytes);
    if (before) return before;
    handle = await fs.promises.open(file, OPEN_FLAGS);
    const st = await handle.stat();
    const now = refuse(st, maxBytes);
    if (now) return now;
    let buf: Buffer = Buffer.allocUnsafe(Math.min(maxBytes, st.size) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) break;
        buf = grow(buf, maxBytes);
      }
      const { bytesRead } = await handle.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    if (n > maxBytes) return refuse(st, maxBytes, n)!;
    return { ok: true, text: buf.toString('utf8', 0, n) };
  } catch (e) {
    return unreadable(e);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
