// The server's entry point runs its bundle with the code cache the build wrote; without a usable cache it serves the
// same, compiling as usual.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DATA_DIR, DRAFT, ROOT, SEEDS_DIR, startServer, tmpDir, uriOf, type Server } from './helpers';
import { cacheCases, installCache } from '../support/code-cache';

describe('protocol: the server code cache', function () {
  this.timeout(30000);
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  async function diagnosticsWith(options: { server?: string }): Promise<{ state?: string; messages: string[] }> {
    server = await startServer({
      ...options,
      pull: true,
      env: { FACTCHECK_CODE_CACHE: 'report' },
      initializationOptions: { dataDir: DATA_DIR, seedsDir: SEEDS_DIR },
    });
    const uri = uriOf('cache.md');
    server.open(uri, DRAFT);
    const diags = await server.diagnostics(uri);
    const state = /code cache: (\w+)/.exec(server.stderr)?.[1];
    await server.stop();
    server = undefined;
    return { state, messages: diags.map((d) => (typeof d.message === 'string' ? d.message : d.message.value)) };
  }

  it('started as editors start it, the server uses the cache the build wrote', async () => {
    const r = await diagnosticsWith({});
    assert.equal(r.state, 'used');
    assert.ok(r.messages.some((m) => /second/.test(m)), r.messages.join('\n'));
  });

  it('a missing, stale or unusable cache is not used, and the diagnostics are the same', async () => {
    const expected = await diagnosticsWith({});
    const bin = path.join(tmpDir(), 'bin');
    fs.mkdirSync(bin, { recursive: true });
    for (const f of ['server.js', 'server-main.js']) fs.copyFileSync(path.join(ROOT, 'dist', f), path.join(bin, f));
    const cache = path.join(bin, 'server.cache');
    for (const [state, bytes] of cacheCases(fs.readFileSync(path.join(ROOT, 'dist', 'server.cache')))) {
      installCache(cache, bytes);
      const r = await diagnosticsWith({ server: path.join(bin, 'server.js') });
      assert.equal(r.state, state);
      assert.deepEqual(r.messages, expected.messages, state);
    }
  });
});
