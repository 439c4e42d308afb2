// Commands that read files from disk, over the wire: factcheck.checkDocument on an unopened path and
// factcheck.checkWorkspace. A FIFO or a device named *.md must be refused at once; before, each such read held one
// of libuv's four worker threads forever, and after a few of them no file could be read at all.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { pathToFileURL } from 'url';
import { DRAFT, startServer, tmpDir, type Server } from './helpers';

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
}

describe('protocol: commands read only regular files', function () {
  this.timeout(30000);
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('checkDocument on unopened FIFOs and /dev/zero answers with an error; Check Workspace still works after', async function () {
    const dir = tmpDir('factcheck-fifo-');
    const fifos: string[] = [];
    for (let i = 0; i < 6; i++) {
      const f = path.join(dir, `pipe-${i}.md`);
      if (spawnSync('mkfifo', [f]).status !== 0) this.skip();
      fifos.push(f);
    }
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    fs.writeFileSync(path.join(dir, 'good.md'), DRAFT);
    server = await startServer({ pull: true, workspaceFolders: [dir] });
    const s = server;
    const calls = [...fifos, path.join(dir, 'zero.md')].map((f) =>
      within(s.execute('factcheck.checkDocument', [pathToFileURL(f).href]), 5000, `checkDocument ${path.basename(f)}`).then(
        () => assert.fail(`${f} was checked`),
        (err: Error & { code?: number }) => err,
      ),
    );
    const errors = await Promise.all(calls);
    for (const err of errors) {
      assert.ok(!/no answer/.test(err.message), err.message);
      assert.match(err.message, /not a regular file/);
    }
    assert.ok(errors.slice(0, 6).every((e) => /FIFO/.test(e.message)), errors.map((e) => e.message).join('\n'));
    // A regular file next to them is still read and checked.
    const good = await within(s.execute<{ contradicted: number }>('factcheck.checkDocument', [pathToFileURL(path.join(dir, 'good.md')).href]), 5000, 'checkDocument good.md');
    assert.strictEqual(good.contradicted, 1);
    const ws = await within(s.execute<{ files: number; contradicted: number }>('factcheck.checkWorkspace'), 10000, 'checkWorkspace');
    assert.strictEqual(ws.files, 1, JSON.stringify(ws));
    assert.strictEqual(ws.contradicted, 1);
  });

  it('checkDocument on an unopened file over factcheck.maxFileSize reports it, without reading it whole', async () => {
    const dir = tmpDir('factcheck-big-');
    const big = path.join(dir, 'big.md');
    fs.writeFileSync(big, DRAFT + 'Plain prose. '.repeat(1000));
    server = await startServer({ pull: true, settings: { maxFileSize: 1000 } });
    const summary = await server.execute<{ skipped?: string }>('factcheck.checkDocument', [pathToFileURL(big).href]);
    assert.strictEqual(summary.skipped, 'too-large');
    const pushed = await server.waitForPush(pathToFileURL(big).href);
    assert.strictEqual(pushed.diagnostics[0].code, 'file-too-large');
  });
});
