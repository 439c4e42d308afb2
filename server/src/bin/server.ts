// The language server's entry point (dist/server.js): runs the server bundle (dist/server-main.js) with the V8 code
// cache the build made for it (dist/server.cache, see code-cache.ts) by driving a session through a check, so that a
// new server neither compiles its startup nor the checker again. The cache holds for Node with the server's flags
// (SERVER_NODE_FLAGS); under another runtime, such as the editor's own, the bundle is compiled as usual.

import * as path from 'node:path';
import { cacheMode, runBundle } from './code-cache';

const run = runBundle(path.join(__dirname, 'server-main.js'), path.join(__dirname, 'server.cache'), module);

// The build's session ends with shutdown and exit: the cache then holds everything the session compiled.
if (cacheMode === 'write') process.on('exit', () => run.writeCache());
