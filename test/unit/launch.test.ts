// How the server's Node process is started: the flags the VS Code client, the benchmark and the README pass.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/launch';

describe('launch: the server\'s Node flags', () => {
  it('this Node accepts them (a flag Node does not know would stop the server before it starts)', () => {
    const r = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.exit(0)'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
  });
  it('they bound the young generation: after much allocation it stays at two 4 MB semi-spaces (32 MB without)', () => {
    // Objects that survive a while make V8 grow the young generation to its limit.
    const script = [
      "let keep = [];",
      "for (let i = 0; i < 2e6; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 200000) keep = []; }",
      "const s = require('v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');",
      "process.stdout.write(String(s.space_size / 2 ** 20));",
    ].join('\n');
    const withFlags = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', script], { encoding: 'utf8', cwd: path.resolve(__dirname, '..', '..') });
    const without = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.ok(Number(withFlags.stdout) <= 8, `new space ${withFlags.stdout} MB with the flags ${withFlags.stderr}`);
    assert.ok(Number(without.stdout) > Number(withFlags.stdout), `new space ${without.stdout} MB without them`);
  });
});
