// `factcheck`, the package's bin: runs the CLI bundle (dist/cli-main.js) with the V8 code cache the build made for it
// (dist/cli-main.cache), so that a run does not compile the checker again: about 80 ms of the 600 a 1 MB draft takes
// in a new process. A missing or stale cache, or one this Node cannot use (another V8), only costs that time back: the
// bundle is then compiled as usual.
//
// FACTCHECK_CODE_CACHE=write (the build) writes the cache after the run, with the functions the run compiled;
// FACTCHECK_CODE_CACHE=report says on stderr whether the cache was used.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
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

// The bundle runs as the CommonJS module it was built as; it requires only Node's own modules.
const mod = new Module(main, module);
mod.filename = main;
const run = script.runInThisContext() as (exports: unknown, req: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
run.call(mod.exports, mod.exports, require, mod, main, __dirname);

if (mode === 'write') fs.writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()]));
