// A minimal editor-like LSP client over the real protocol library, for the benchmark: spawns the BUILT server
// (`node dist/server.js --stdio`), opens documents, edits them incrementally, and waits for diagnostics by
// pull (`textDocument/diagnostic`, when the server offers it) or by push (`publishDiagnostics` for the version).

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  ShutdownRequest,
  ExitNotification,
  type InitializeResult,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from './drafts';

export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export interface StartTimes { spawnToInitialize: number }

export class BenchClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  initResult?: InitializeResult;
  pull = false;
  private waiters: Array<{ uri: string; version?: number; resolve: (d: Diagnostic[]) => void }> = [];
  private versions = new Map<string, number>();
  stderr = '';

  constructor(options: { dataDir?: string; execArgv?: string[]; env?: NodeJS.ProcessEnv } = {}) {
    // Started as the VS Code client starts it, unless a run asks otherwise.
    this.proc = spawn(process.execPath, [...(options.execArgv ?? []), SERVER_JS, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    this.proc.stderr!.on('data', (b) => { this.stderr += b; if (this.stderr.length > 20000) this.stderr = this.stderr.slice(-10000); });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      const remaining: typeof this.waiters = [];
      for (const w of this.waiters) {
        if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version >= w.version)) w.resolve(p.diagnostics);
        else remaining.push(w);
      }
      this.waiters = remaining;
    });
    // Answer the server's own requests (configuration, registration, progress) like an editor does.
    this.conn.onRequest('workspace/configuration', (params: { items?: unknown[] }) => (params?.items ?? []).map(() => null));
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh', 'window/showMessageRequest', 'workspace/codeLens/refresh', 'workspace/inlayHint/refresh']) {
      this.conn.onRequest(method, () => null);
    }
    for (const method of ['window/logMessage', 'window/showMessage', '$/progress', 'telemetry/event', '$/logTrace']) this.conn.onNotification(method, () => undefined);
    this.conn.listen();
    this.dataDir = options.dataDir;
  }
  private dataDir?: string;

  /** Sends `initialize` and `initialized`; returns ms from the call to the answer (spawn time is the caller's). */
  async initialize(usePull = true): Promise<InitializeResult> {
    this.initResult = await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        },
        workspace: { configuration: true },
      },
      initializationOptions: this.dataDir ? { dataDir: this.dataDir } : undefined,
    });
    this.pull = usePull && !!this.initResult.capabilities.diagnosticProvider;
    await this.conn.sendNotification(InitializedNotification.type, {});
    return this.initResult;
  }

  private waitPush(uri: string, version?: number): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  /** Opens a document and resolves with its first diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    const pushed = this.pull ? undefined : this.waitPush(uri, 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return this.pull ? this.pullDiagnostics(uri) : pushed!;
  }

  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report = (await this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as { kind: string; items?: Diagnostic[] };
    return report.kind === 'full' ? report.items ?? [] : [];
  }

  /** Applies one incremental edit and resolves with the diagnostics of the new version. */
  async edit(uri: string, line: number, character: number, endCharacter: number, newText: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const pushed = this.pull ? undefined : this.waitPush(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: endCharacter } }, text: newText }],
    });
    return this.pull ? this.pullDiagnostics(uri) : pushed!;
  }

  hover(uri: string, line: number, character: number) {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  async close(uri: string) {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resident memory of the server process in MB, from /proc/PID/status VmRSS. */
  rssMB(): number {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  }

  async dispose() {
    try {
      await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 1000))]);
      await this.conn.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    // The server exits on `exit`: give it a moment before it is killed.
    if (this.proc.exitCode === null) await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 1000))]);
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
