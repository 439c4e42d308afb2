// workspace/executeCommand: check one document (open, or read from disk), check the workspace, reload the dataset,
// open a fact's source.

import { fileURLToPath } from 'url';
import { ErrorCodes, ExecuteCommandParams, Range, ResponseError, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { OpenSourceArgs } from './convert';
import { readRegularFile } from '../files';
import { oneLine } from '../controls';
import type { ServerContext } from './context';
import { analyzeText, snapshot, summary, tooLarge, unopenedBase, type Analysis } from './analysis';
import { getSettings } from './configuration';
import { refreshAll, sendStatus } from './diagnostics';
import { loadData } from './dataWatch';
import { cancelled, invalidParams, request } from './handlers';
import { COMMANDS, type CheckSummary } from './protocol';
import { checkWorkspace } from './workspace';

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

export function registerCommands(ctx: ServerContext): void {
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
