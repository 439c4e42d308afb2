// The language server proper: a thin layer over the fact engine.
//
// - Documents: incremental sync; changes for unknown documents or with stale versions are ignored.
// - Diagnostics: pulled (textDocument/diagnostic) when the client can, else pushed, debounced per document so fast
//   typing never queues checks; the latest version wins and results for older versions are dropped.
// - Settings: per resource through workspace/configuration, re-read on didChangeConfiguration.
// - Every handler is wrapped: an exception becomes an error response and a log line, never a dead server.

import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  CancellationToken,
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeConfigurationParams,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DidSaveTextDocumentParams,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  ExecuteCommandParams,
  Hover,
  HoverParams,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  MessageType,
  Position,
  Range,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  WorkDoneProgressReporter,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult, Diagnostic } from '../types';
import { renderHover } from '../hover';
import { codeActionsFor, isIgnoreData, rangesIntersect, sameDiagnostic, toLspDiagnostic, workspaceEdit, type OpenSourceArgs } from './convert';
import { ignoreEdit } from './ignore';
import { DatasetHolder, resolveDataLocation } from './dataset';
import { DocumentStore, isMarkdown } from './documents';
import { checkSettings, type Settings } from './settings';
import { readRegularFile } from '../files';
import { oneLine } from '../controls';
import type { Analysis } from './analysis';
import { COMMANDS, StatusNotification, type CheckSummary, type InitializationOptions, type StatusParams } from './protocol';

export { COMMANDS, StatusNotification, type StatusParams, type InitializationOptions, type CheckSummary } from './protocol';
export type { Analysis } from './analysis';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);
const MAX_WORKSPACE_FILES = 10000;

function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function isPosition(p: unknown): p is Position {
  const q = p as Position;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && q.line >= 0 && q.character >= 0;
}

export function startServer(connection: Connection): void {
  const documents = new DocumentStore();
  let holder: DatasetHolder | undefined;
  let options: InitializationOptions = {};
  let pull = false;
  let refreshSupport = false;
  let configurationSupport = false;
  let dynamicConfiguration = false;
  let documentChanges = false;
  let resolveEdits = false;
  let showDocumentSupport = false;
  let serverProgressSupport = false;
  let workspaceFolders: string[] = [];
  let workspaceFoldersSupport = false;
  let globalSettings: unknown = undefined;
  let analysisIds = 0;
  /** LSP lifecycle: `initialize` answered once; `initialized` taken once; after `shutdown`, only `exit`. */
  let initializeAnswered = false;
  let initializedSeen = false;
  let shuttingDown = false;

  const settingsCache = new Map<string, Promise<Settings>>();
  /** The latest analysis of each open document (any version), reused while version, dataset and settings match. */
  const latest = new Map<string, Analysis>();
  /** For run = onSave or manual: the analysis that is shown until the next save or manual check. */
  const snapshots = new Map<string, Analysis>();
  const timers = new Map<string, NodeJS.Timeout>();
  /** Unopened files that got pushed diagnostics from checkWorkspace. */
  const pushedUnopened = new Set<string>();
  let dataWatcher: fs.FSWatcher | undefined;
  let reloadTimer: NodeJS.Timeout | undefined;

  const log = (message: string) => connection.console.log(message);
  const logError = (message: string) => connection.console.error(message);

  // --- handler wrappers -------------------------------------------------------------------------------------------

  /** The error the LSP specification prescribes for a request at this point of the lifecycle, if any. */
  function lifecycleError(name: string): ResponseError<void> | undefined {
    if (shuttingDown) return new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shut down; only exit is accepted`);
    if (name === 'initialize') {
      return initializeAnswered ? new ResponseError(ErrorCodes.InvalidRequest, 'initialize may only be sent once') : undefined;
    }
    if (!initializeAnswered) return new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized`);
    return undefined;
  }

  function request<P, R>(name: string, fn: (params: P, token: CancellationToken, ...rest: any[]) => R | Promise<R>) {
    return async (params: P, token: CancellationToken, ...rest: any[]): Promise<R | ResponseError<any>> => {
      const refused = lifecycleError(name);
      if (refused) {
        log(refused.message);
        return refused;
      }
      try {
        return await fn(params, token, ...rest);
      } catch (err) {
        if (err instanceof ResponseError) {
          if (err.code !== LSPErrorCodes.RequestCancelled && err.code !== LSPErrorCodes.ServerCancelled) {
            log(`${name}: ${err.message}`);
          }
          return err;
        }
        const message = err instanceof Error ? err.stack || err.message : String(err);
        logError(`${name} failed: ${message}`);
        return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
  }

  function notification<P>(name: string, fn: (params: P) => void | Promise<void>) {
    return (params: P): void => {
      // Before initialize and after shutdown, notifications are dropped (LSP: only exit still counts).
      if (!initializeAnswered || shuttingDown) return;
      Promise.resolve()
        .then(() => fn(params))
        .catch((err) => logError(`${name} failed: ${err instanceof Error ? err.stack || err.message : String(err)}`));
    };
  }

  function cancelled(token: CancellationToken | undefined): void {
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
  }

  // --- settings ---------------------------------------------------------------------------------------------------

  /** Problems already logged, so that each bad configuration is reported once, not on every document. */
  const reportedSettings = new Set<string>();

  function validated(raw: unknown): Settings {
    const { settings, problems } = checkSettings(raw);
    if (problems.length) {
      const line = `Invalid settings, using the defaults instead: ${problems.join('; ')}.`;
      if (!reportedSettings.has(line)) {
        reportedSettings.add(line);
        log(line);
      }
    }
    return settings;
  }

  function getSettings(uri: string): Promise<Settings> {
    let cached = settingsCache.get(uri);
    if (!cached) {
      if (configurationSupport) {
        cached = connection.workspace
          .getConfiguration({ scopeUri: uri, section: 'factcheck' })
          .then(validated, (err) => {
            log(`workspace/configuration failed, using defaults: ${err?.message ?? err}`);
            return validated(undefined);
          });
      } else {
        cached = Promise.resolve(validated(globalSettings));
      }
      settingsCache.set(uri, cached);
    }
    return cached;
  }

  // --- analysis ---------------------------------------------------------------------------------------------------

  function tooLarge(base: Omit<Analysis, 'diagnostics'>, bytes: number, settings: Settings): Analysis {
    return {
      ...base,
      skipped: 'too-large',
      diagnostics: [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          code: 'file-too-large',
          source: 'factcheck',
          message: `Not fact-checked: the file is ${bytes} bytes, larger than factcheck.maxFileSize (${settings.maxFileSize} bytes).`,
        },
      ],
    };
  }

  function analyzeText(uri: string, version: number, text: string, settings: Settings): Analysis {
    const settingsKey = JSON.stringify(settings);
    const base = { id: ++analysisIds, uri, version, generation: holder?.generation ?? 0, settingsKey, engineDiagnostics: [] as Diagnostic[] };
    if (!settings.enable) return { ...base, diagnostics: [], skipped: 'disabled' };
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > settings.maxFileSize) return tooLarge(base, bytes, settings);
    const engine = holder?.engine;
    if (!engine) return { ...base, diagnostics: [], skipped: 'no-dataset' };
    let result: CheckResult;
    try {
      result = engine.check(text, settings.referenceDate ? { referenceDate: settings.referenceDate, document: uri } : { document: uri });
    } catch (err) {
      logError(`The fact engine failed on ${uri}: ${err instanceof Error ? err.stack || err.message : String(err)}`);
      return { ...base, diagnostics: [], skipped: 'engine-error' };
    }
    const engineDiagnostics = Array.isArray(result?.diagnostics) ? result.diagnostics : [];
    return {
      ...base,
      result,
      engineDiagnostics,
      diagnostics: engineDiagnostics.map((d) => toLspDiagnostic(d, settings.severity)),
    };
  }

  /** The analysis of the document's current text, from cache when nothing changed. */
  function current(doc: TextDocument, settings: Settings): Analysis {
    const key = JSON.stringify(settings);
    const cached = latest.get(doc.uri);
    if (cached && cached.version === doc.version && cached.generation === (holder?.generation ?? 0) && cached.settingsKey === key) {
      return cached;
    }
    const analysis = analyzeText(doc.uri, doc.version, doc.getText(), settings);
    latest.set(doc.uri, analysis);
    return analysis;
  }

  function snapshot(doc: TextDocument, settings: Settings): Analysis {
    const analysis = current(doc, settings);
    snapshots.set(doc.uri, analysis);
    return analysis;
  }

  /** What the editor should show for the document now, given the run mode. */
  function visible(doc: TextDocument, settings: Settings): Analysis {
    if (settings.run === 'onType' || !settings.enable) return current(doc, settings);
    let shown = snapshots.get(doc.uri);
    if (!shown && settings.run === 'onSave') shown = snapshot(doc, settings); // onSave also checks on open
    if (!shown) {
      return { id: 0, uri: doc.uri, version: doc.version, generation: 0, settingsKey: '', engineDiagnostics: [], diagnostics: [] };
    }
    return shown;
  }

  function sendStatus(analysis?: Analysis): void {
    if (!options.statusNotifications) return;
    const params: StatusParams = { dataset: holder?.stats(), datasetError: holder?.lastError };
    if (analysis) {
      params.uri = analysis.uri;
      params.stats = analysis.result?.stats;
      params.skipped = analysis.skipped;
    }
    void connection.sendNotification(StatusNotification, params).catch(() => undefined);
  }

  function summary(analysis: Analysis): CheckSummary {
    const stats = analysis.result?.stats;
    return {
      uri: analysis.uri,
      claims: stats?.claims ?? 0,
      contradicted: stats?.contradicted ?? 0,
      undecidable: stats?.undecidable ?? 0,
      diagnostics: analysis.diagnostics.length,
      ...(analysis.skipped ? { skipped: analysis.skipped } : {}),
    };
  }

  // --- publishing -------------------------------------------------------------------------------------------------

  async function publish(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || shuttingDown) return;
    const settings = await getSettings(uri);
    const now = documents.get(uri);
    if (!now) return; // closed while waiting
    const analysis = visible(now, settings);
    await connection.sendDiagnostics({ uri, version: now.version, diagnostics: analysis.diagnostics });
    sendStatus(analysis);
  }

  /** Re-check after an edit: debounced, so a burst of keystrokes costs one check of the latest text. */
  function schedule(uri: string, delay = options.debounceMs ?? 200): void {
    if (pull) return;
    const existing = timers.get(uri);
    if (existing) clearTimeout(existing);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri).catch((err) => logError(`publishing diagnostics for ${uri} failed: ${err?.message ?? err}`));
      }, delay),
    );
  }

  /** After settings or data changed: have every open document re-checked. */
  async function refreshAll(): Promise<void> {
    // Re-take the snapshots of onSave/manual documents so they follow the new settings and data.
    for (const doc of documents.all()) {
      if (!snapshots.has(doc.uri)) continue;
      const settings = await getSettings(doc.uri);
      const now = documents.get(doc.uri);
      if (now) snapshot(now, settings);
    }
    if (pull) {
      if (refreshSupport) await connection.languages.diagnostics.refresh().catch((err) => log(`diagnostic refresh failed: ${err?.message ?? err}`));
    } else {
      for (const doc of documents.all()) schedule(doc.uri, 0);
    }
  }

  // --- dataset ----------------------------------------------------------------------------------------------------

  function loadData(reason: string): { ok: boolean; message?: string } {
    if (!holder) return { ok: false, message: 'not initialized' };
    const outcome = holder.load();
    if (outcome.ok) {
      const stats = holder.stats();
      log(`Dataset loaded (${reason}) from ${holder.location.dataDir}: ${stats?.facts ?? 0} facts, ${stats?.sources ?? 0} sources.`);
    } else {
      const kept = holder.engine ? ' Keeping the last good dataset.' : ' No dataset is loaded: nothing will be checked.';
      const message = `${outcome.message}.${kept}`.replace(/\.\./g, '.');
      logError(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }).catch(() => undefined);
      outcome.message = message;
    }
    sendStatus();
    return outcome;
  }

  function watchData(): void {
    if (!holder || options.watchData === false) return;
    const dir = holder.location.dataDir;
    try {
      dataWatcher = fs.watch(dir, { persistent: false }, (_event, file) => {
        if (file && String(file) !== 'facts.json') return;
        if (reloadTimer) clearTimeout(reloadTimer);
        reloadTimer = setTimeout(() => {
          reloadTimer = undefined;
          const outcome = loadData('facts.json changed');
          if (outcome.ok) void refreshAll();
        }, 300);
      });
      dataWatcher.on('error', (err) => log(`Stopped watching ${dir}: ${err.message}`));
    } catch (err) {
      log(`Not watching ${dir} for changes: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  // --- lifecycle --------------------------------------------------------------------------------------------------

  connection.onInitialize(
    request('initialize', (params: InitializeParams): InitializeResult => {
      const caps = params.capabilities ?? {};
      options = (params.initializationOptions ?? {}) as InitializationOptions;
      pull = !!caps.textDocument?.diagnostic;
      refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
      configurationSupport = !!caps.workspace?.configuration;
      dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
      documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
      resolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
      showDocumentSupport = !!caps.window?.showDocument?.support;
      serverProgressSupport = !!caps.window?.workDoneProgress;
      workspaceFoldersSupport = !!caps.workspace?.workspaceFolders;
      workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
      if (!workspaceFolders.length && params.rootUri) workspaceFolders = [params.rootUri];
      if (!workspaceFolders.length && params.rootPath) workspaceFolders = [pathToFileURL(params.rootPath).href];

      holder = new DatasetHolder(resolveDataLocation(options));
      const clientCommands = new Set(Array.isArray(options.clientCommands) ? options.clientCommands : []);
      const result: InitializeResult = {
        capabilities: {
          textDocumentSync: {
            openClose: true,
            change: TextDocumentSyncKind.Incremental,
            save: { includeText: false },
          },
          hoverProvider: true,
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
          executeCommandProvider: { commands: Object.values(COMMANDS).filter((c) => !clientCommands.has(c)) },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'factcheck', version: '0.1.0' },
      };
      if (pull) {
        result.capabilities.diagnosticProvider = { identifier: 'factcheck', interFileDependencies: false, workspaceDiagnostics: false };
      }
      initializeAnswered = true;
      return result;
    }),
  );

  connection.onInitialized(
    notification('initialized', () => {
      if (initializedSeen) return; // a second one would load the data and watch its folder again
      initializedSeen = true;
      log(`Fact Check server started (diagnostics by ${pull ? 'pull' : 'push'}; data ${holder?.location.dataDir}; seeds ${holder?.location.seedsDir}).`);
      loadData('startup');
      watchData();
      if (dynamicConfiguration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'factcheck' }).catch(() => undefined);
      }
      if (workspaceFoldersSupport) {
        try {
          connection.workspace.onDidChangeWorkspaceFolders((e: WorkspaceFoldersChangeEvent) => {
            const removed = new Set(e.removed.map((f) => f.uri));
            workspaceFolders = workspaceFolders.filter((f) => !removed.has(f)).concat(e.added.map((f) => f.uri));
          });
        } catch {
          // The client does not support workspace folder changes.
        }
      }
    }),
  );

  connection.onShutdown(
    request('shutdown', () => {
      shuttingDown = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      if (reloadTimer) clearTimeout(reloadTimer);
      dataWatcher?.close();
    }),
  );

  // Methods the server does not handle: MethodNotFound, or what the lifecycle prescribes (InvalidRequest after
  // shutdown, ServerNotInitialized before initialize).
  connection.onRequest((method: string) => lifecycleError(method) ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`));

  // --- documents --------------------------------------------------------------------------------------------------

  connection.onDidOpenTextDocument(
    notification('didOpen', async (params: DidOpenTextDocumentParams) => {
      const { uri, languageId } = params.textDocument;
      if (!isMarkdown(uri, languageId)) return;
      documents.open(params);
      latest.delete(uri);
      snapshots.delete(uri);
      if (pushedUnopened.delete(uri) && pull) {
        // The pulled diagnostics take over from the ones checkWorkspace pushed.
        await connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      if (!pull) schedule(uri, 0);
    }),
  );

  connection.onDidChangeTextDocument(
    notification('didChange', (params: DidChangeTextDocumentParams) => {
      const doc = documents.change(params);
      if (!doc) return; // unknown document or stale version: ignored
      schedule(doc.uri);
    }),
  );

  connection.onDidSaveTextDocument(
    notification('didSave', async (params: DidSaveTextDocumentParams) => {
      const uri = params.textDocument.uri;
      const doc = documents.get(uri);
      if (!doc) return;
      const settings = await getSettings(uri);
      if (settings.run !== 'onSave') return;
      const now = documents.get(uri);
      if (!now) return;
      snapshot(now, settings);
      if (pull) {
        if (refreshSupport) await connection.languages.diagnostics.refresh();
      } else {
        schedule(uri, 0);
      }
    }),
  );

  connection.onDidCloseTextDocument(
    notification('didClose', async (params: DidCloseTextDocumentParams) => {
      const uri = params.textDocument.uri;
      if (!documents.close(params)) return;
      const timer = timers.get(uri);
      if (timer) clearTimeout(timer);
      timers.delete(uri);
      latest.delete(uri);
      snapshots.delete(uri);
      settingsCache.delete(uri);
      holder?.engine?.forget(uri);
      if (!pull) await connection.sendDiagnostics({ uri, diagnostics: [] });
    }),
  );

  connection.onDidChangeConfiguration(
    notification('didChangeConfiguration', async (params: DidChangeConfigurationParams) => {
      const settings = (params?.settings as Record<string, unknown> | undefined)?.factcheck;
      if (settings !== undefined) globalSettings = settings;
      settingsCache.clear();
      reportedSettings.clear();
      await refreshAll();
    }),
  );

  // --- diagnostics (pull) -----------------------------------------------------------------------------------------

  connection.languages.diagnostics.on(
    request('textDocument/diagnostic', async (params: DocumentDiagnosticParams, token): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument?.uri;
      const doc = uri ? documents.get(uri) : undefined;
      if (!doc) throw invalidParams(`Unknown document: ${uri}`);
      const version = doc.version;
      const settings = await getSettings(uri);
      cancelled(token);
      await tick(); // let cancellations and newer edits arrive before the work
      cancelled(token);
      const now = documents.get(uri);
      if (!now) throw invalidParams(`Document closed: ${uri}`);
      if (now.version !== version) {
        // A newer version arrived meanwhile; the client will ask again for it.
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'Document changed', { retriggerRequest: true });
      }
      const analysis = visible(now, settings);
      cancelled(token);
      sendStatus(analysis);
      const resultId = `${analysis.id}`;
      if (analysis.id && params.previousResultId === resultId) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      }
      return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.id ? resultId : undefined, items: analysis.diagnostics };
    }),
  );

  // --- hover ------------------------------------------------------------------------------------------------------

  function documentAt(uri: string | undefined): TextDocument {
    const doc = uri ? documents.get(uri) : undefined;
    if (!doc) throw invalidParams(`Unknown document: ${uri}`);
    return doc;
  }

  function checkPosition(doc: TextDocument, position: unknown): Position {
    if (!isPosition(position) || position.line >= doc.lineCount) {
      throw invalidParams(`Bad position ${JSON.stringify(position)} in ${doc.uri} (${doc.lineCount} lines)`);
    }
    return position;
  }

  connection.onHover(
    request('textDocument/hover', async (params: HoverParams, token): Promise<Hover | null> => {
      const doc = documentAt(params.textDocument?.uri);
      const position = checkPosition(doc, params.position);
      const settings = await getSettings(doc.uri);
      cancelled(token);
      const now = documents.get(doc.uri);
      if (!now || !settings.enable || !holder?.engine) return null;
      const analysis = current(now, settings);
      if (!analysis.result) return null;
      const value = renderHover(holder.engine.dataset, analysis.result, position, holder.location.seedsDir);
      return value ? { contents: { kind: 'markdown', value } } : null;
    }),
  );

  // --- code actions -----------------------------------------------------------------------------------------------

  connection.onCodeAction(
    request('textDocument/codeAction', async (params: CodeActionParams, token): Promise<CodeAction[]> => {
      const doc = documentAt(params.textDocument?.uri);
      const range = params.range;
      if (!range || !isPosition(range.start) || !isPosition(range.end)) throw invalidParams(`Bad range ${JSON.stringify(range)}`);
      const only = params.context?.only;
      if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) {
        return [];
      }
      const settings = await getSettings(doc.uri);
      cancelled(token);
      const now = documents.get(doc.uri);
      if (!now || !settings.enable || !holder) return [];
      // Fixes are computed against the current text, so their ranges fit the document as it is now.
      const analysis = current(now, settings);
      const asked = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
      const actions: CodeAction[] = [];
      analysis.engineDiagnostics.forEach((d, i) => {
        const lsp = analysis.diagnostics[i];
        if (!lsp || !rangesIntersect(d.range, range)) return;
        if (!asked.some((a) => a && sameDiagnostic(a, lsp))) return;
        actions.push(
          ...codeActionsFor(now, d, lsp, {
            documentChanges,
            resolveEdits,
            seedsDir: holder!.location.seedsDir,
            openSourceCommand: COMMANDS.openSource,
          }),
        );
      });
      return actions;
    }),
  );

  connection.onCodeActionResolve(
    request('codeAction/resolve', (action: CodeAction): CodeAction => {
      if (!action || !isIgnoreData(action.data)) return action;
      const { uri, version, range } = action.data.factcheckIgnore;
      const doc = documents.get(uri);
      // Only for the text the action was made for: a range from another version may point anywhere.
      if (!doc || doc.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed since the action was listed');
      const edit = ignoreEdit(doc, range);
      if (!edit) throw invalidParams('No place for the comment keeps the Markdown as it is');
      return { ...action, edit: workspaceEdit(doc, [edit], documentChanges) };
    }),
  );

  // --- commands ---------------------------------------------------------------------------------------------------

  function uriArgument(args: unknown[] | undefined): string {
    const a = args?.[0] as unknown;
    if (typeof a === 'string') return a;
    if (a && typeof a === 'object' && typeof (a as { uri?: unknown }).uri === 'string') return (a as { uri: string }).uri;
    throw invalidParams('Expected a document URI as the first argument');
  }

  async function checkDocument(uri: string): Promise<CheckSummary> {
    const doc = documents.get(uri);
    if (doc) {
      const settings = await getSettings(uri);
      const now = documents.get(uri) ?? doc;
      const analysis = snapshot(now, settings);
      if (pull) {
        if (refreshSupport) await connection.languages.diagnostics.refresh().catch(() => undefined);
      } else {
        await connection.sendDiagnostics({ uri, version: now.version, diagnostics: analysis.diagnostics });
      }
      sendStatus(analysis);
      return summary(analysis);
    }
    // Not open: read it from disk, if it is a regular file within the size limit. A FIFO would block a read forever
    // and hold one of libuv's four worker threads while it does: five such calls and every later file read (Check
    // Workspace) waited behind them.
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      throw invalidParams(`Unknown document: ${uri}`);
    }
    const settings = await getSettings(uri);
    let analysis: Analysis;
    if (!settings.enable) analysis = analyzeText(uri, 0, '', settings);
    else {
      const read = await readRegularFile(file, settings.maxFileSize);
      if (read.ok) analysis = analyzeText(uri, 0, read.text, settings);
      else if (read.reason === 'too-large') analysis = tooLarge(unopenedBase(uri), read.size ?? 0, settings);
      else throw invalidParams(oneLine(`Cannot check ${file}: ${read.message}`));
    }
    await connection.sendDiagnostics({ uri, diagnostics: analysis.diagnostics });
    pushedUnopened.add(uri);
    return summary(analysis);
  }

  function unopenedBase(uri: string): Omit<Analysis, 'diagnostics'> {
    return { id: ++analysisIds, uri, version: 0, generation: holder?.generation ?? 0, settingsKey: '', engineDiagnostics: [] };
  }

  async function findMarkdown(root: string, token: CancellationToken, out: string[]): Promise<void> {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(root, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (token.isCancellationRequested || out.length >= MAX_WORKSPACE_FILES) return;
      const full = path.join(root, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
        await findMarkdown(full, token, out);
      } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) {
        out.push(full);
      }
    }
  }

  async function checkWorkspace(token: CancellationToken, progress: WorkDoneProgressReporter, hasClientProgress: boolean) {
    let reporter = progress;
    let ownProgress = false;
    if (!hasClientProgress && serverProgressSupport) {
      try {
        reporter = await connection.window.createWorkDoneProgress();
        ownProgress = true;
      } catch {
        // keep the null reporter
      }
    }
    reporter.begin('Fact Check: checking the workspace', 0, 'Finding Markdown files…', true);
    const ownToken = ownProgress ? (reporter as unknown as { token?: CancellationToken }).token : undefined;
    const isCancelled = () => token.isCancellationRequested || !!ownToken?.isCancellationRequested;
    const files: string[] = [];
    const totals = { files: 0, claims: 0, contradicted: 0, undecidable: 0, diagnostics: 0, skipped: 0, cancelled: false };
    try {
      for (const folder of workspaceFolders) {
        let root: string;
        try {
          root = fileURLToPath(folder);
        } catch {
          continue;
        }
        await findMarkdown(root, token, files);
      }
      for (let i = 0; i < files.length; i++) {
        if (isCancelled()) {
          totals.cancelled = true;
          break;
        }
        const file = files[i];
        const uri = pathToFileURL(file).href;
        reporter.report(Math.round((i / Math.max(1, files.length)) * 100), `${i + 1}/${files.length} ${path.basename(file)}`);
        const open = documents.get(uri) ?? documents.all().find((d) => safePath(d.uri) === file);
        let analysis: Analysis;
        if (open) {
          const settings = await getSettings(open.uri);
          analysis = snapshot(open, settings);
          if (!pull) await connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics: analysis.diagnostics });
        } else {
          const settings = await getSettings(uri);
          if (!settings.enable) analysis = analyzeText(uri, 0, '', settings);
          else {
            const read = await readRegularFile(file, settings.maxFileSize);
            if (read.ok) analysis = analyzeText(uri, 0, read.text, settings);
            else if (read.reason === 'too-large') analysis = tooLarge(unopenedBase(uri), read.size ?? 0, settings);
            else {
              log(oneLine(`checkWorkspace: not checked: ${file}: ${read.message}`));
              continue;
            }
          }
          await connection.sendDiagnostics({ uri, diagnostics: analysis.diagnostics });
          pushedUnopened.add(uri);
        }
        totals.files++;
        const s = summary(analysis);
        totals.claims += s.claims;
        totals.contradicted += s.contradicted;
        totals.undecidable += s.undecidable;
        totals.diagnostics += s.diagnostics;
        if (analysis.skipped) totals.skipped++;
        await tick();
      }
      if (pull && refreshSupport) await connection.languages.diagnostics.refresh().catch(() => undefined);
    } finally {
      reporter.done();
    }
    return totals;
  }

  function safePath(uri: string): string | undefined {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }

  async function openSource(args: unknown[] | undefined): Promise<boolean> {
    const a = args?.[0] as OpenSourceArgs | undefined;
    if (!a || typeof a.uri !== 'string') throw invalidParams('Expected {uri, range} as the first argument');
    if (!showDocumentSupport) throw new ResponseError(ErrorCodes.InvalidRequest, 'The client cannot show documents (window/showDocument)');
    const result = await connection.window.showDocument({ uri: a.uri, selection: a.range as Range, takeFocus: true });
    return result.success;
  }

  connection.onExecuteCommand(
    request('workspace/executeCommand', async (params: ExecuteCommandParams, token, progress: WorkDoneProgressReporter) => {
      switch (params.command) {
        case COMMANDS.checkDocument: {
          const uri = uriArgument(params.arguments);
          cancelled(token);
          return checkDocument(uri);
        }
        case COMMANDS.checkWorkspace:
          return checkWorkspace(token, progress, params.workDoneToken !== undefined);
        case COMMANDS.reloadData: {
          const outcome = loadData('reload command');
          if (outcome.ok) await refreshAll();
          return { ok: outcome.ok, message: outcome.message, ...holder?.stats() };
        }
        case COMMANDS.openSource:
          return openSource(params.arguments);
        default:
          throw invalidParams(`Unknown command: ${params.command}`);
      }
    }),
  );
}
