// `factcheck`, the package's bin: runs the CLI bundle (dist/cli-main.js) with the V8 code cache the build made for it
// (dist/cli-main.cache, see code-cache.ts), so that a run does not compile the checker again: about 80 ms of the 600
// a 1 MB draft takes in a new process. FACTCHECK_INLINING=1 leaves V8's inlining on (below).

import * as path from 'node:path';
import * as v8 from 'node:v8';
import { cacheMode, runBundle } from './code-cache';

const run = runBundle(path.join(__dirname, 'cli-main.js'), path.join(__dirname, 'cli-main.cache'), module, () => {
  // A run is short, and V8 spends most of it warming up: on a small machine its optimizing compiler, one background
  // thread, falls behind (a 1 MB draft asks it for over a second of compiling in a run of about half that). Without
  // inlining each function compiles in less time and its optimized code comes sooner: about 6 % off a 1 MB run,
  // nothing lost on a small one. The flag only steers the optimizer, so no result changes. Not while the build writes
  // the cache, which must carry the flags a run starts with.
  if (cacheMode !== 'write' && process.env.FACTCHECK_INLINING !== '1') v8.setFlagsFromString('--no-turbo-inlining');
});

if (cacheMode === 'write') run.writeCache();
