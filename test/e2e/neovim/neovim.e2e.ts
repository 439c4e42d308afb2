// Neovim (Debian's, 0.7) as a second real editor: headless nvim runs init.lua, which starts
// `node dist/server.js --stdio` with vim.lsp.start_client, opens a draft and writes what it saw
// (vim.diagnostic.get(), a textDocument/hover answer, an edit's new warning) to a JSON file.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WRONG_DRAFT } from '../drafts';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const NVIM = process.env.FACTCHECK_NVIM ?? 'nvim';

const DRAFT = WRONG_DRAFT;

interface Diag {
  lnum: number;
  col: number;
  severity: number;
  message: string;
  source?: string;
}
interface Result {
  nvim: string;
  started?: boolean;
  error?: string;
  log: string[];
  first_diagnostics_ms?: number;
  diagnostics?: Diag[];
  hover?: string;
  diagnostics_after_correct?: Diag[];
  diagnostics_after_edit?: Diag[];
  new_warning_ms?: number;
  server_alive?: boolean;
  server_args?: string[];
}

function runNvim(draft: string, resultFile: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NVIM, ['--headless', '--clean', '-u', path.join(__dirname, 'init.lua')], {
      cwd: path.dirname(draft),
      env: { ...process.env, FACTCHECK_SERVER: SERVER, FACTCHECK_DRAFT: draft, FACTCHECK_NVIM_RESULT: resultFile, FACTCHECK_NODE: process.execPath },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group, so the server it started goes too
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
      reject(new Error(`nvim did not finish within ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL'); // anything it left behind
      } catch {
        /* group empty */
      }
      resolve({ code, output });
    });
  });
}

describe('Neovim (headless, vim.lsp) with dist/server.js --stdio', function () {
  let result: Result;
  let tmp: string;

  before(async function () {
    this.timeout(180_000);
    if (!fs.existsSync(SERVER)) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-nvim-'));
    const draft = path.join(tmp, 'draft.md');
    const resultFile = path.join(tmp, 'result.json');
    fs.writeFileSync(draft, DRAFT);
    const { code, output } = await runNvim(draft, resultFile, 60_000);
    assert.ok(fs.existsSync(resultFile), `nvim (exit ${code}) wrote no result\n${output}`);
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results', 'neovim-result.json'), JSON.stringify(result, null, 2));
    assert.equal(result.error, undefined, `init.lua failed: ${result.error}\n${result.log.join('\n')}`);
    assert.ok(result.started, 'vim.lsp.start_client returned nil');
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('starts the server as the README gives it: node dist/server.js --stdio', () => {
    assert.deepEqual(result.server_args?.slice(1), [SERVER, '--stdio']);
  });

  it('publishes a warning on the wrong visit count that names "second"', () => {
    const warnings = (result.diagnostics ?? []).filter((d) => d.severity === 2);
    assert.ok(warnings.length > 0, `no warning; diagnostics: ${JSON.stringify(result.diagnostics)}; log: ${result.log.join(' | ')}`);
    const w = warnings.find((d) => /second/.test(d.message));
    assert.ok(w, `no warning names "second": ${JSON.stringify(warnings)}`);
    assert.equal(w.lnum, 5, 'the warning is on the sentence line');
  });

  it('answers a hover on "Lukashenko" with his role and known visits', () => {
    assert.ok(result.hover, `no hover; log: ${result.log.join(' | ')}`);
    assert.match(result.hover, /President of Belarus/);
    assert.match(result.hover, /known visits/i);
    for (const place of ['Beijing', 'Tehran', 'Moscow', 'Myanmar']) assert.match(result.hover, new RegExp(place), `hover lacks ${place}`);
  });

  it('leaves a correct sentence clean, and warns within 2 s when it is edited into a wrong one', () => {
    assert.deepEqual(result.diagnostics_after_correct, [], 'the correct sentence is flagged');
    const after = result.diagnostics_after_edit ?? [];
    assert.ok(after.some((d) => d.severity === 2 && /second/.test(d.message)), `no new warning: ${JSON.stringify(after)}`);
    assert.ok((result.new_warning_ms ?? Infinity) <= 2000, `new warning took ${result.new_warning_ms} ms`);
    assert.ok(result.server_alive, 'the server exited during the run');
  });
});
