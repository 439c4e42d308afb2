// A real LSP client (vscode-languageserver-protocol) driving the built server, `node dist/server.js --stdio`.
// FACTCHECK_SERVER overrides the server path.

import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CancellationTokenSource,
  ClientCapabilities,
  CodeAction,
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  InitializeResult,
  LogMessageNotification,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  Range,
  RegistrationRequest,
  ShowDocumentParams,
  ShowDocumentRequest,
  ShowMessageNotification,
  ShowMessageParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  WorkDoneProgressCreateRequest,
  WorkDoneProgressCreateParams,
  WorkDoneProgress,
  ConfigurationParams,
  DiagnosticRefreshRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = process.env.FACTCHECK_SERVER ? path.resolve(process.env.FACTCHECK_SERVER) : path.join(ROOT, 'dist', 'server.js');
export const DATA_DIR = path.join(ROOT, 'data');
export const SEEDS_DIR = path.join(ROOT, 'seeds');

export const DRAFT = ['---', 'date: 2023-12-03', '---', '# Minsk and Beijing', 'Lukashenko is in Beijing for the fourth time this year.', ''].join('\n');

export interface StartOptions {
  pull?: boolean;
  /** Answer workspace/configuration (default true); otherwise settings only come with didChangeConfiguration. */
  configuration?: boolean;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  workspaceFolders?: string[];
  env?: NodeJS.ProcessEnv;
  /** Another copy of the server's entry point (default SERVER). */
  server?: string;
  /** Node options before the entry point ("--expose-gc"). */
  nodeArgs?: string[];
  /** Changes to the client capabilities sent with initialize. */
  capabilities?: (caps: ClientCapabilities) => void;
}

export class Server {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly progress: unknown[] = [];
  refreshes = 0;
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  exited = false;
  stderr = '';
  private versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  private waiters: Array<() => void> = [];

  constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection, readonly options: StartOptions) {
    this.settings = { ...(options.settings ?? {}) };
    proc.on('exit', () => {
      this.exited = true;
      this.notify();
    });
    proc.stderr?.on('data', (b) => (this.stderr += String(b)));
    conn.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.notify();
    });
    conn.onNotification(ShowMessageNotification.type, (p: ShowMessageParams) => {
      this.messages.push(p);
      this.notify();
    });
    conn.onNotification(LogMessageNotification.type, (p: LogMessageParams) => {
      this.logs.push(p);
      this.notify();
    });
    conn.onNotification('factcheck/status', () => undefined);

    conn.onRequest(ConfigurationRequest.type, (p: ConfigurationParams) => p.items.map(() => this.settings));
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(WorkDoneProgressCreateRequest.type, (p: WorkDoneProgressCreateParams) => {
      conn.onProgress(WorkDoneProgress.type, p.token, (value: unknown) => {
        this.progress.push(value);
        this.notify();
      });
    });
    conn.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      this.notify();
    });
    conn.onRequest(ShowDocumentRequest.type, (p: ShowDocumentParams) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves when `predicate` holds, re-testing after every message from the server. */
  async waitFor<T>(predicate: () => T | undefined | false, what: string, timeout = 5000): Promise<T> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = predicate();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The last diagnostics pushed for `uri` after `since` pushes in total, optionally for a given version. */
  waitForPush(uri: string, opts: { since?: number; version?: number; timeout?: number } = {}): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () => {
        for (let i = this.published.length - 1; i >= (opts.since ?? 0); i--) {
          const p = this.published[i];
          if (p.uri === uri && (opts.version === undefined || p.version === opts.version)) return p;
        }
        return undefined;
      },
      `diagnostics for ${uri}`,
      opts.timeout,
    );
  }

  open(uri: string, text: string, languageId = 'markdown', version = 1): void {
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  /** Sends incremental changes and keeps a local copy of the text in step. Returns the new version. */
  change(uri: string, changes: TextDocumentContentChangeEvent[], version?: number): number {
    const v = version ?? (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, Math.max(v, this.versions.get(uri) ?? 0));
    const doc = TextDocument.create(uri, 'markdown', 0, this.texts.get(uri) ?? '');
    TextDocument.update(doc, changes, 1);
    this.texts.set(uri, doc.getText());
    void this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: changes });
    return v;
  }

  save(uri: string): void {
    void this.conn.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  configure(settings: Record<string, unknown>): void {
    this.settings = { ...this.settings, ...settings };
    void this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { factcheck: this.settings } });
  }

  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  async diagnostics(uri: string): Promise<Diagnostic[]> {
    if (this.options.pull) {
      const report = await this.pullDiagnostics(uri);
      return report.kind === 'full' ? report.items : [];
    }
    return (await this.waitForPush(uri)).diagnostics;
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<(CodeAction | { command: string })[] | null> {
    return this.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } }) as Promise<
      CodeAction[] | null
    >;
  }

  execute<R = unknown>(command: string, args: unknown[] = [], token?: CancellationTokenSource): Promise<R> {
    return this.conn.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token?.token) as Promise<R>;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        void this.conn.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
    }
    if (!this.exited) this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}

export function capabilities(pull: boolean): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true },
      publishDiagnostics: { versionSupport: true, relatedInformation: true },
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
      workspaceFolders: true,
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    window: { workDoneProgress: true, showDocument: { support: true } },
  };
}

export async function startServer(options: StartOptions = {}): Promise<Server> {
  const entry = options.server ?? SERVER;
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), entry, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...(options.env ?? {}) },
  });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const server = new Server(proc, conn, options);
  conn.listen();
  const folders = options.workspaceFolders ?? [];
  const caps = capabilities(!!options.pull);
  if (options.configuration === false) delete caps.workspace!.configuration;
  options.capabilities?.(caps);
  server.initializeResult = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
    capabilities: caps,
    workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
    initializationOptions: { watchData: false, debounceMs: 50, ...(options.initializationOptions ?? {}) },
  });
  await conn.sendNotification(InitializedNotification.type, {});
  // The dataset is loaded on `initialized`: wait until the server says so.
  await server.waitFor(
    () => server.logs.some((l) => /Dataset loaded|dataset is broken|could not load/i.test(l.message)) || server.messages.length > 0,
    'the dataset to load',
    10000,
  );
  return server;
}

export function tmpDir(prefix = 'factcheck-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A copy of data/ and seeds/ in a temp folder, to break or poison. */
export function copyData(): { root: string; dataDir: string; seedsDir: string } {
  const root = tmpDir('factcheck-data-');
  const dataDir = path.join(root, 'data');
  const seedsDir = path.join(root, 'seeds');
  fs.cpSync(DATA_DIR, dataDir, { recursive: true });
  fs.cpSync(SEEDS_DIR, seedsDir, { recursive: true });
  return { root, dataDir, seedsDir };
}

export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits);
}

/** The edits of a code action for `uri`, from either `changes` or `documentChanges`. */
export function editsOf(action: CodeAction, uri: string): { range: Range; newText: string }[] {
  const edit = action.edit;
  if (!edit) return [];
  if (edit.changes?.[uri]) return edit.changes[uri];
  const out: { range: Range; newText: string }[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) out.push(...(change.edits as { range: Range; newText: string }[]));
  }
  return out;
}

export function uriOf(name: string): string {
  return pathToFileURL(path.join(os.tmpdir(), 'factcheck-drafts', name)).href;
}

export function hoverText(hover: Hover | null): string {
  if (!hover) return '';
  const c = hover.contents as unknown;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return (c as { value: string }).value;
}

/** A diagnostic message as a string (LSP 3.18 allows MarkupContent). */
export function text(message: string | { value: string }): string {
  return typeof message === 'string' ? message : message.value;
}
