// Runs the extension-host suite (test/extension/suite/*.suite.ts) in a real VS Code, the @vscode/test-electron way.
//
// VS Code comes from VSCODE_EXECUTABLE when set, else from the download cache or the network. When neither is
// available (no internet: getaddrinfo ENOTFOUND), the run is SKIPPED: it says so plainly and exits 0.
//
//   node --import tsx test/extension/run.ts        (npm run test:extension)

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

export const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'out', 'test', 'extension', 'suite');

export type Outcome = { status: 'passed' } | { status: 'skipped'; reason: string } | { status: 'failed'; reason: string };

const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|network|Failed to get/i;

/** Compiles the in-host suite to CommonJS next to each other in out/, where `require('mocha')` still resolves. */
async function buildSuite(): Promise<string> {
  const dir = path.join(__dirname, 'suite');
  const entryPoints = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
  fs.rmSync(OUT, { recursive: true, force: true });
  await esbuild.build({ entryPoints, outdir: OUT, bundle: false, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'warning' });
  return path.join(OUT, 'index.js');
}

async function findVSCode(): Promise<{ path: string } | { skip: string }> {
  const fromEnv = process.env.VSCODE_EXECUTABLE;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) return { skip: `VSCODE_EXECUTABLE=${fromEnv} does not exist` };
    return { path: fromEnv };
  }
  try {
    return { path: await downloadAndUnzipVSCode({ version: process.env.VSCODE_VERSION || 'stable', timeout: 15000 }) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { skip: NETWORK.test(message) ? `VS Code cannot be downloaded (${message.split('\n')[0]}) and VSCODE_EXECUTABLE is not set` : `VS Code is not available: ${message.split('\n')[0]}` };
  }
}

/** A scratch workspace holding the sample draft. */
function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-ext-'));
  fs.writeFileSync(
    path.join(dir, 'draft.md'),
    ['---', 'date: 2023-12-03', '---', '# Minsk and Beijing', 'Lukashenko is in Beijing for the fourth time this year.', ''].join('\n'),
  );
  return dir;
}

export async function runExtensionTests(): Promise<Outcome> {
  const vscode = await findVSCode();
  if ('skip' in vscode) return { status: 'skipped', reason: vscode.skip };
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) {
    return { status: 'failed', reason: 'dist/client.js or dist/server.js is missing: run npm run build first' };
  }
  const extensionTestsPath = await buildSuite();
  const workspace = makeWorkspace();
  try {
    await runTests({
      vscodeExecutablePath: vscode.path,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
      extensionTestsEnv: { FACTCHECK_TEST_WORKSPACE: workspace },
    });
    return { status: 'passed' };
  } catch (err) {
    return { status: 'failed', reason: err instanceof Error ? err.message : String(err) };
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runExtensionTests().then(
    (outcome) => {
      if (outcome.status === 'passed') {
        console.log('Extension tests: passed.');
      } else if (outcome.status === 'skipped') {
        console.log(`Extension tests: SKIPPED: ${outcome.reason}.`);
      } else {
        console.error(`Extension tests: FAILED: ${outcome.reason}`);
        process.exitCode = 1;
      }
    },
    (err) => {
      console.error(`Extension tests: FAILED: ${err?.stack ?? err}`);
      process.exitCode = 1;
    },
  );
}
