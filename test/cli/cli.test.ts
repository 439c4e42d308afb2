// The factcheck CLI as a process (node dist/cli.js): text and JSON output, exit codes, expansion of directories and
// globs, .txt read as Markdown.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const WRONG = '---\ndate: 2023-12-03\n---\n\nLukashenko is on his fourth trip to Beijing this year.\n';
const RIGHT = '---\ndate: 2023-12-03\n---\n\nLukashenko is on his second trip to Beijing this year.\n';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli', function () {
  this.timeout(60_000);
  let dir: string;
  before(function () {
    this.timeout(120_000);
    if (!fs.existsSync(CLI)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-cli-'));
    fs.mkdirSync(path.join(dir, 'drafts', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'drafts', 'wrong.md'), WRONG);
    fs.writeFileSync(path.join(dir, 'drafts', 'sub', 'right.md'), RIGHT);
    fs.writeFileSync(path.join(dir, 'drafts', 'notes.txt'), WRONG);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('text: path:line:col: warning: message [code], then a summary; exit 1', () => {
    const r = run(['drafts/wrong.md'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^drafts\/wrong\.md:5:22: warning: .*not the fourth.* \[count-mismatch\]$/m);
    assert.match(r.out, /^1 problem in 1 of 1 file checked$/m);
  });
  it('json: exactly {"files":[{"path","diagnostics"}]}', () => {
    const r = run(['--format', 'json', 'drafts/wrong.md', 'drafts/sub/right.md'], dir);
    assert.equal(r.code, 1);
    const j = JSON.parse(r.out);
    assert.deepEqual(Object.keys(j), ['files']);
    assert.deepEqual(j.files.map((f: any) => [Object.keys(f).sort(), f.path, f.diagnostics.length]), [
      [['diagnostics', 'path'], 'drafts/wrong.md', 1],
      [['diagnostics', 'path'], 'drafts/sub/right.md', 0],
    ]);
    const d = j.files[0].diagnostics[0];
    assert.deepEqual([d.code, d.severity, d.range.start], ['count-mismatch', 2, { line: 4, character: 21 }]);
    assert.equal(d.fixes[0].edit.newText, 'second');
  });
  it('exit 0 when nothing is wrong', () => {
    assert.equal(run(['drafts/sub/right.md'], dir).code, 0);
  });
  it('exit 2: a bad option, an unreadable file, a broken dataset (--data DIR)', () => {
    const bad = run(['--format', 'xml', 'drafts/wrong.md'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format/);
    const missing = run(['drafts/nope.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.md/);
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'facts.json'), '{ broken');
    const broken = run(['--data', path.join(dir, 'data'), 'drafts/wrong.md'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /facts\.json/);
  });
  it('a directory expands to its Markdown files, recursively; .txt is not picked up there', () => {
    const j = JSON.parse(run(['--format', 'json', 'drafts'], dir).out);
    assert.deepEqual(j.files.map((f: any) => f.path).sort(), ['drafts/sub/right.md', 'drafts/wrong.md']);
  });
  it('a glob expands', () => {
    const j = JSON.parse(run(['--format', 'json', 'drafts/**/*.md'], dir).out);
    assert.deepEqual(j.files.map((f: any) => f.path).sort(), ['drafts/sub/right.md', 'drafts/wrong.md']);
  });
  it('a .txt file given by name is read as Markdown', () => {
    const r = run(['--format', 'json', 'drafts/notes.txt'], dir);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.out).files[0].diagnostics[0].code, 'count-mismatch');
  });
});
