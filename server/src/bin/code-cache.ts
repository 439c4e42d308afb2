// Runs a bundle with the V8 code cache the build wrote for it, so that a new process does not compile it again. Shared
// by the two bins: the CLI (dist/cli.js) and the language server (dist/server.js). A missing or stale cache, or one
// this Node cannot use (another V8, other V8 flags), only costs that time back: the bundle is then compiled as usual.
//
// FACTCHECK_CODE_CACHE=write (the build) writes the cache from what the run compiled; =report says on stderr whether
// the cache was used.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import Module from 'node:module';

export type CacheState = 'missing' | 'stale' | 'rejected' | 'used';

export const cacheMode = process.env.FACTCHECK_CODE_CACHE;

export interface BundleRun {
  state: CacheState;
  /** Writes the cache from the functions compiled so far (the build's run). */
  writeCache(): void;
}

/**
 * Runs `main` (a CommonJS bundle that requires only Node's own modules) as a module child of `parent`, with the code
 * cache in `cacheFile`. `afterCacheRead` runs once the cache is checked and before the bundle runs: V8 flags set
 * before would make V8 reject the cache.
 */
export function runBundle(main: string, cacheFile: string, parent: Module, afterCacheRead?: () => void): BundleRun {
  const writing = cacheMode === 'write';
  const source = fs.readFileSync(main, 'utf8');
  let file: Buffer | undefined;
  if (!writing) {
    try {
      file = fs.readFileSync(cacheFile);
    } catch {
      /* no cache */
    }
  }
  // V8 checks a cache against the source's length only: the cache starts with the SHA-1 of the source it was made
  // from. Without a cache there is nothing to compare, and the hash is not worked out. (Only the hash is kept for
  // writing: a closure over the source would keep a second copy of the bundle's text alive in a long-lived server.)
  const digest = file || writing ? createHash('sha1').update(source).digest() : undefined;
  let cachedData: Buffer | undefined;
  let state: CacheState = 'missing';
  if (file && digest) {
    if (file.subarray(0, digest.length).equals(digest)) cachedData = file.subarray(digest.length);
    else state = 'stale';
  }
  const script = new vm.Script(Module.wrap(source), { filename: main, cachedData });
  if (cachedData) state = script.cachedDataRejected ? 'rejected' : 'used';
  if (cacheMode === 'report') process.stderr.write(`code cache: ${state}\n`);
  afterCacheRead?.();

  const mod = new Module(main, parent);
  mod.filename = main;
  const dir = path.dirname(main);
  const run = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, require, mod, main, dir);
  return {
    state,
    writeCache: () => fs.writeFileSync(cacheFile, Buffer.concat([digest!, script.createCachedData()])),
  };
}
