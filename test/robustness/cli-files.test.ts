// The CLI as a process, on inputs that are not drafts: a symlink to /dev/zero, a FIFO, a file over the size limit,
// globs that backtrack, file names that carry newlines and terminal escapes. Every run must end within its time
// limit, say in one line per file what it skipped, still check the other files, and print nothing that a file
// name could forge.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { ROOT } from './harness';
import { HEADLINE_CLAIM } from '../../bench/drafts';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const DRAFT = `---\ndate: 2023-12-05\n---\n${HEADLINE_CLAIM}\n`;

function cli(args: string[], cwd: string, timeout = 20_000): SpawnSyncReturns<string> {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } });
  assert.ok(!r.error && r.signal === null, `factcheck ${args.join(' ')} did not finish within ${timeout} ms (${r.error?.message ?? r.signal})`);
  return r;
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

describe('robustness: the CLI reads only regular files, within the size limit', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-files-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('a folder holding a link to /dev/zero, a FIFO and a 3 MB draft: each skipped with one line, the good draft checked', function () {
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, 'good.md'), DRAFT);
    fs.symlinkSync('/dev/zero', path.join(ws, 'zero.md'));
    if (!mkfifo(path.join(ws, 'pipe.md'))) this.skip();
    fs.writeFileSync(path.join(ws, 'big.md'), DRAFT + 'Plain prose without claims. '.repeat(110_000));
    const r = cli(['ws'], dir);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 3, `one line per skipped file:\n${r.stderr}`);
    assert.ok(lines.some((l) => /zero\.md/.test(l) && /not a regular file/.test(l)), r.stderr);
    assert.ok(lines.some((l) => /pipe\.md/.test(l) && /FIFO/.test(l)), r.stderr);
    assert.ok(lines.some((l) => /big\.md/.test(l) && /larger than/.test(l) && /max-file-size/.test(l)), r.stderr);
    assert.match(r.stdout, /good\.md:4:\d+: warning: .*second/, r.stdout);
    assert.equal(r.status, 2, 'files not checked: exit 2');
  });

  it('a FIFO given by name does not hang the CLI', function () {
    const fifo = path.join(dir, 'named.md');
    if (!mkfifo(fifo)) this.skip();
    fs.writeFileSync(path.join(dir, 'other.md'), DRAFT);
    const r = cli(['named.md', 'other.md'], dir);
    assert.match(r.stderr, /named\.md: not a regular file \(a FIFO\)/);
    assert.match(r.stdout, /other\.md:4/);
    assert.equal(r.status, 2);
  });

  it('--max-file-size: the limit is the editor\'s by default and can be set', () => {
    fs.writeFileSync(path.join(dir, 'limit.md'), DRAFT);
    const small = cli(['--max-file-size', '20', 'limit.md'], dir);
    assert.equal(small.status, 2);
    assert.match(small.stderr, /limit\.md: \d+ bytes, larger than the limit of 20 bytes/);
    const ok = cli(['--max-file-size=100000', 'limit.md'], dir);
    assert.equal(ok.status, 1, ok.stderr);
    const bad = cli(['--max-file-size', 'lots', 'limit.md'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--max-file-size must be a number of bytes/);
  });
});

describe('robustness: CLI globs do not backtrack', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-globs-'));
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(dir, `${'a'.repeat(40)}${i}.md`), 'x\n');
    let d = dir;
    for (let depth = 0; depth < 6; depth++) {
      d = path.join(d, `d${depth}`);
      fs.mkdirSync(d);
      for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(d, `file-with-a-fairly-long-name-${i}-${'a'.repeat(24)}.md`), 'x\n');
    }
    fs.writeFileSync(path.join(d, 'zz.md'), DRAFT);
    fs.writeFileSync(path.join(d, `${'a'.repeat(12)}zz.md`), DRAFT);
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  for (const [pattern, expect] of [
    [`${'a*'.repeat(12)}zz.md`, 'no match'],
    ['**/**/**/**/**/**/zz.md', 'zz.md'],
    [`**/${'*a'.repeat(10)}*zz.md`, 'aaaaaaaaaaaazz.md'],
    [`**/${'*a'.repeat(4)}*.md`, 'aaaaaaaaaaaazz.md'],
  ] as const) {
    it(`${pattern} answers within seconds`, () => {
      const t0 = Date.now();
      const r = cli([pattern], dir, 15_000);
      const ms = Date.now() - t0;
      assert.ok(ms < 10_000, `${ms} ms`);
      if (expect === 'no match') {
        assert.equal(r.status, 2);
        assert.match(r.stderr, /no Markdown files match/);
      } else {
        assert.ok(r.stdout.includes(`/${expect}:4:`), `${r.stdout}\n${r.stderr}`);
      }
    });
  }

  it('globs still expand as before: one level, every level, braces, character classes, .txt included', () => {
    const seeds = cli(['seeds/*.txt'], ROOT);
    assert.match(seeds.stdout, /0 problems in 0 of 5 files checked/);
    const all = cli(['**/zz.md'], dir);
    assert.match(all.stdout, /d0\/d1\/d2\/d3\/d4\/d5\/zz\.md:4/);
    const braces = cli(['seeds/00{1,2}_*.txt', 'seeds/00[34]_*.txt'], ROOT);
    assert.match(braces.stdout, /of 4 files checked/);
  });
});

describe('robustness: CLI text output escapes control characters', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-names-'));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('a file name with a newline cannot forge a line; ANSI escapes do not reach the terminal', () => {
    const forged = 'x\nfake.md:1:1: error: forged [count-mismatch]\n.md';
    const ansi = 'red\u001b[31m\u001b]0;title\u0007\u202eevil.md';
    fs.writeFileSync(path.join(dir, forged), DRAFT);
    fs.writeFileSync(path.join(dir, ansi), DRAFT);
    for (const args of [[forged, ansi], ['.']]) {
      const r = cli(args, dir);
      assert.equal(r.status, 1, r.stderr);
      assert.ok(!/^fake\.md/m.test(r.stdout), `a forged line:\n${r.stdout}`);
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(r.stdout), `control characters in: ${JSON.stringify(r.stdout)}`);
      assert.ok(r.stdout.includes('x\\nfake.md:1:1: error: forged [count-mismatch]\\n.md:4:'), r.stdout);
      assert.ok(r.stdout.includes('red\\u001b[31m\\u001b]0;title\\u0007\\u202eevil.md:4:'), r.stdout);
      // Every warning line starts with a file name that is there.
      const warnings = r.stdout.split('\n').filter((l) => /: warning: /.test(l));
      assert.equal(warnings.length, 2, r.stdout);
    }
    // JSON output keeps the names exact (JSON escapes them).
    const json = JSON.parse(cli(['--format', 'json', forged], dir).stdout);
    assert.equal(json.files[0].path, forged);
  });

  it('a file that cannot be read is named on one line too', () => {
    const r = cli(['missing\n\u001b[2Jfile.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, JSON.stringify(r.stderr));
    assert.ok(!r.stderr.includes('\u001b'), JSON.stringify(r.stderr));
  });
});

describe('robustness: CLI arguments (node:util parseArgs)', function () {
  this.timeout(30_000);
  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
  });

  it('options with = or a separate value, -- before file names, unknown options as one usage line', () => {
    const sample = 'test/fixtures/sample-draft.md';
    assert.equal(cli(['--format=json', '--reference-date', '2023-12-03', sample], ROOT).status, 1);
    assert.equal(cli(['--format', 'json', '--', sample], ROOT).status, 1);
    const unknown = cli(['--frobnicate', sample], ROOT);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr.split('\n')[0], /^factcheck: Unknown option '--frobnicate'$/);
    const missing = cli(['--format'], ROOT);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr.split('\n')[0], /--format/);
    assert.equal(cli(['--help'], ROOT).status, 0);
  });
});
