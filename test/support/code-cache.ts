// The states of a bundle's code cache that the bins tell apart, made from the cache the build wrote: each with the
// cache file's bytes (null: no file) to install before a run.

import * as fs from 'node:fs';
import type { CacheState } from '../../server/src/bin/code-cache';

export function cacheCases(real: Buffer): [CacheState, Buffer | null][] {
  return [
    ['missing', null],
    // Made from another source: the SHA-1 stamp in front differs.
    ['stale', Buffer.concat([Buffer.alloc(20, 7), real.subarray(20)])],
    // The right stamp on bytes V8 cannot use.
    ['rejected', Buffer.concat([real.subarray(0, 20), Buffer.from('not a V8 code cache')])],
    ['used', real],
  ];
}

/** Puts `bytes` in place as the cache file, or removes the file for null. */
export function installCache(file: string, bytes: Buffer | null): void {
  fs.rmSync(file, { force: true });
  if (bytes) fs.writeFileSync(file, bytes);
}
