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
  ErrorCodes,
  ExecuteCommandParams,
  Hover,
  HoverParams,
  LSPErrorCodes,
  Range,
  ResponseError,
  WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { renderHover } from '../hover';
import { codeActionsFor, isIgnoreData, rangesIntersect, sameDiagnostic, workspaceEdit, type OpenSourceArgs } from './convert';
import { ignoreEdit } from './ignore';
import { readRegularFile } from '../files';
import { oneLine } from '../controls';
import { createContext, type ServerContext } from './context';
import { registerLifecycle } from './lifecycle';
import { registerSync } from './sync';
import { analyzeText, current, snapshot, summary, tooLarge, unopenedBase, type Analysis } from './analysis';
import { getSettings } from './configuration';
import { refreshAll, registerPullDiagnostics, sendStatus } from './diagnostics';
import { loadData } from './dataWatch';
import { cancelled, checkPosition, documentAt, invalidParams, isPosition, request, tick } from './handlers';
import { COMMANDS, type CheckSummary } from './protocol';

export { COMMANDS, StatusNotification, type StatusParams, type InitializationOptions, type CheckSummary } from './protocol';
export type { Analysis } from './analysis';

function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    request(ctx, 'textDocument/hover', async (params: HoverParams, token): Promise<Hover | null> => {
      const doc = documentAt(ctx, params.textDocument?.uri);
      const position = checkPosition(doc, params.position);
      const settings = await getSettings(ctx, doc.uri);
      cancelled(token);
      const now = ctx.documents.get(doc.uri);
      if (!now || !settings.enable || !ctx.holder?.engine) return null;
      const analysis = current(ctx, now, settings);
      if (!analysis.result) return null;
      const value = renderHover(ctx.holder.engine.dataset, analysis.result, position, ctx.holder.location.seedsDir);
      return value ? { contents: { kind: 'markdown', value } } : null;
    }),
  );
}

function registerCodeActions(ctx: ServerContext): void {
  const connection = ctx.connection;

  connection.onCodeAction(
    request(ctx, 'textDocument/codeAction', async (params: CodeActionParams, token): Promise<CodeAction[]> => {
      const doc = documentAt(ctx, params.textDocument?.uri);
      const range = params.range;
      if (!range || !isPosition(range.start) || !isPosition(range.end)) throw invalidParams(`Bad range ${JSON.stringify(range)}`);
      const only = params.context?.only;
      if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) {
        return [];
      }
      const settings = await getSettings(ctx, doc.uri);
      cancelled(token);
      const now = ctx.documents.get(doc.uri);
      if (!now || !settings.enable || !ctx.holder) return [];
      // Fixes are computed against the current text, so their ranges fit the document as it is now.
      const analysis = current(ctx, now, settings);
      const asked = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
      const actions: CodeAction[] = [];
      analysis.engineDiagnostics.forEach((d, i) => {
        const lsp = analysis.diagnostics[i];
        if (!lsp || !rangesIntersect(d.range, range)) return;
        if (!asked.some((a) => a && sameDiagnostic(a, lsp))) return;
        actions.push(
          ...codeActionsFor(now, d, lsp, {
            documentChanges: ctx.documentChanges,
            resolveEdits: ctx.resolveEdits,
            seedsDir: ctx.holder!.location.seedsDir,
            openSourceCommand: COMMANDS.openSource,
          }),
        );
      });
      return actions;
    }),
  );

  connection.onCodeActionResolve(
    request(ctx, 'codeAction/resolve', (action: CodeAction): CodeAction => {
      if (!action || !isIgnoreData(action.data)) return action;
      const { uri, version, range } = action.data.factcheckIgnore;
      const doc = ctx.documents.get(uri);
      // Only for the text the action was made for: a range from another version may point anywhere.
      if (!doc || doc.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed since the action was listed');
      const edit = ignoreEdit(doc, range);
      if (!edit) throw invalidParams('No place for the comment keeps the Markdown as it is');
      return { ...action, edit: workspaceEdit(doc, [edit], ctx.documentChanges) };
    }),
  );
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);
const MAX_WORKSPACE_FILES = 10000;

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

async function checkWorkspace(ctx: ServerContext, token: CancellationToken, progress: WorkDoneProgressReporter, hasClientProgress: boolean) {
  const connection = ctx.connection;
  let reporter = progress;
  let ownProgress = false;
  if (!hasClientProgress && ctx.serverProgressSupport) {
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
    for (const folder of ctx.workspaceFolders) {
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
      const open = ctx.documents.get(uri) ?? ctx.documents.all().find((d) => safePath(d.uri) === file);
      let analysis: Analysis;
      if (open) {
        const settings = await getSettings(ctx, open.uri);
        analysis = snapshot(ctx, open, settings);
        if (!ctx.pull) await connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics: analysis.diagnostics });
      } else {
        const settings = await getSettings(ctx, uri);
        if (!settings.enable) analysis = analyzeText(ctx, uri, 0, '', settings);
        else {
          const read = await readRegularFile(file, settings.maxFileSize);
          if (read.ok) analysis = analyzeText(ctx, uri, 0, read.text, settings);
          else if (read.reason === 'too-large') analysis = tooLarge(unopenedBase(ctx, uri), read.size ?? 0, settings);
          else {
            ctx.log(oneLine(`checkWorkspace: not checked: ${file}: ${read.message}`));
            continue;
          }
        }
        await connection.sendDiagnostics({ uri, diagnostics: analysis.diagnostics });
        ctx.pushedUnopened.add(uri);
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
    if (ctx.pull && ctx.refreshSupport) await connection.languages.diagnostics.refresh().catch(() => undefined);
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

function uriArgument(args: unknown[] | undefined): string {
  const a = args?.[0] as unknown;
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object' && typeof (a as { uri?: unknown }).uri === 'string') return (a as { uri: string }).uri;
  throw invalidParams('Expected a document URI as the first argument');
}

async function checkDocument(ctx: ServerContext, uri: string): Promise<CheckSummary> {
  const connection = ctx.connection;
  const doc = ctx.documents.get(uri);
  if (doc) {
    const settings = await getSettings(ctx, uri);
    const now = ctx.documents.get(uri) ?? doc;
    const analysis = snapshot(ctx, now, settings);
    if (ctx.pull) {
      if (ctx.refreshSupport) await connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      await connection.sendDiagnostics({ uri, version: now.version, diagnostics: analysis.diagnostics });
    }
    sendStatus(ctx, analysis);
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
  const settings = await getSettings(ctx, uri);
  let analysis: Analysis;
  if (!settings.enable) analysis = analyzeText(ctx, uri, 0, '', settings);
  else {
    const read = await readRegularFile(file, settings.maxFileSize);
    if (read.ok) analysis = analyzeText(ctx, uri, 0, read.text, settings);
    else if (read.reason === 'too-large') analysis = tooLarge(unopenedBase(ctx, uri), read.size ?? 0, settings);
    else throw invalidParams(oneLine(`Cannot check ${file}: ${read.message}`));
  }
  await connection.sendDiagnostics({ uri, diagnostics: analysis.diagnostics });
  ctx.pushedUnopened.add(uri);
  return summary(analysis);
}

async function openSource(ctx: ServerContext, args: unknown[] | undefined): Promise<boolean> {
  const a = args?.[0] as OpenSourceArgs | undefined;
  if (!a || typeof a.uri !== 'string') throw invalidParams('Expected {uri, range} as the first argument');
  if (!ctx.showDocumentSupport) throw new ResponseError(ErrorCodes.InvalidRequest, 'The client cannot show documents (window/showDocument)');
  const result = await ctx.connection.window.showDocument({ uri: a.uri, selection: a.range as Range, takeFocus: true });
  return result.success;
}

function registerCommands(ctx: ServerContext): void {
  ctx.connection.onExecuteCommand(
    request(ctx, 'workspace/executeCommand', async (params: ExecuteCommandParams, token, progress: WorkDoneProgressReporter) => {
      switch (params.command) {
        case COMMANDS.checkDocument: {
          const uri = uriArgument(params.arguments);
          cancelled(token);
          return checkDocument(ctx, uri);
        }
        case COMMANDS.checkWorkspace:
          return checkWorkspace(ctx, token, progress, params.workDoneToken !== undefined);
        case COMMANDS.reloadData: {
          const outcome = loadData(ctx, 'reload command');
          if (outcome.ok) await refreshAll(ctx);
          return { ok: outcome.ok, message: outcome.message, ...ctx.holder?.stats() };
        }
        case COMMANDS.openSource:
          return openSource(ctx, params.arguments);
        default:
          throw invalidParams(`Unknown command: ${params.command}`);
      }
    }),
  );
}

export function startServer(connection: Connection): void {
  const ctx = createContext(connection);
  registerLifecycle(ctx);
  registerSync(ctx);
  registerPullDiagnostics(ctx);
  registerHover(ctx);
  registerCodeActions(ctx);
  registerCommands(ctx);
}
