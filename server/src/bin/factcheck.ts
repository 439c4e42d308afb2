// `factcheck`, the package's bin: runs the CLI bundle (dist/cli-main.js) with the V8 code cache the build made for it
// (dist/cli-main.cache), so that a run does not compile the checker again: about 80 ms of the 600 a 1 MB draft takes
// in a new process. A missing or stale cache, or one this Node cannot use (another V8), only costs that time back: the
// bundle is then compiled as usual.
//
// FACTCHECK_CODE_CACHE=write (the build) writes the cache after the run, with the functions the run compiled;
// FACTCHECK_CODE_CACHE=report says on stderr whether the cache was used; FACTCHECK_INLINING=1 leaves V8's inlining on
// (below).

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import Module from 'node:module';

const main = path.join(__dirname, 'cli-main.js');
const cacheFile = path.join(__dirname, 'cli-main.cache');
const mode = process.env.FACTCHECK_CODE_CACHE;
const source = fs.readFileSync(main, 'utf8');
// V8 checks a cache against the source's length only: the cache starts with the SHA-1 of the source it was made from.
const digest = createHash('sha1').update(source).digest();

let cachedData: Buffer | undefined;
let state = 'missing';
if (mode !== 'write') {
  try {
    const file = fs.readFileSync(cacheFile);
    if (file.subarray(0, digest.length).equals(digest)) cachedData = file.subarray(digest.length);
    else state = 'stale';
  } catch {
    /* no cache */
  }
}
const script = new vm.Script(Module.wrap(source), { filename: main, cachedData });
if (cachedData) state = script.cachedDataRejected ? 'rejected' : 'used';
if (mode === 'report') process.stderr.write(`code cache: ${state}\n`);

// A run is short, and V8 spends most of it warming up: on a small machine its optimizing compiler, one background
// thread, falls behind (a 1 MB draft asks it for over a second of compiling in a run of about half that). Without
// inlining each function compiles in less time and its optimized code comes sooner: about 6 % off a 1 MB run, nothing
// lost on a small one. The flag only steers the optimizer, so no result changes. It is set after the cache is read
// (a flag set before would make V8 reject the cache), and not while the build writes the cache, which must carry
// the flags a run starts with.
if (mode !== 'write' && process.env.FACTCHECK_INLINING !== '1') v8.setFlagsFromString('--no-turbo-inlining');

// The bundle runs as the CommonJS module it was built as; it requires only Node's own modules.
const mod = new Module(main, module);
mod.filename = main;
const run = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
run.call(mod.exports, mod.exports, require, mod, main, __dirname);

if (mode === 'write') fs.writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()]));
