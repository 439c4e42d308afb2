// Diagnostics: pulled (textDocument/diagnostic) when the client can, else pushed, debounced per document so fast
// typing never queues checks; the latest version wins and results for older versions are dropped. And the
// factcheck/status notification that follows each check.

import {
  DocumentDiagnosticParams,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { snapshot, visible, type Analysis } from './analysis';
import { getSettings } from './configuration';
import { cancelled, invalidParams, request, tick } from './handlers';
import { StatusNotification, type StatusParams } from './protocol';

export function sendStatus(ctx: ServerContext, analysis?: Analysis): void {
  if (!ctx.options.statusNotifications) return;
  const params: StatusParams = { dataset: ctx.holder?.stats(), datasetError: ctx.holder?.lastError };
  if (analysis) {
    params.uri = analysis.uri;
    params.stats = analysis.result?.stats;
    params.skipped = analysis.skipped;
  }
  void ctx.connection.sendNotification(StatusNotification, params).catch(() => undefined);
}

async function publish(ctx: ServerContext, uri: string): Promise<void> {
  const doc = ctx.documents.get(uri);
  if (!doc || ctx.shuttingDown) return;
  const settings = await getSettings(ctx, uri);
  const now = ctx.documents.get(uri);
  if (!now) return; // closed while waiting
  const analysis = visible(ctx, now, settings);
  await ctx.connection.sendDiagnostics({ uri, version: now.version, diagnostics: analysis.diagnostics });
  sendStatus(ctx, analysis);
}

/** Re-check after an edit: debounced, so a burst of keystrokes costs one check of the latest text. */
export function schedule(ctx: ServerContext, uri: string, delay = ctx.options.debounceMs ?? 200): void {
  if (ctx.pull) return;
  const existing = ctx.timers.get(uri);
  if (existing) clearTimeout(existing);
  ctx.timers.set(
    uri,
    setTimeout(() => {
      ctx.timers.delete(uri);
      publish(ctx, uri).catch((err) => ctx.logError(`publishing diagnostics for ${uri} failed: ${err?.message ?? err}`));
    }, delay),
  );
}

/** After settings or data changed: have every open document re-checked. */
export async function refreshAll(ctx: ServerContext): Promise<void> {
  // Re-take the snapshots of onSave/manual documents so they follow the new settings and data.
  for (const doc of ctx.documents.all()) {
    if (!ctx.snapshots.has(doc.uri)) continue;
    const settings = await getSettings(ctx, doc.uri);
    const now = ctx.documents.get(doc.uri);
    if (now) snapshot(ctx, now, settings);
  }
  if (ctx.pull) {
    if (ctx.refreshSupport) await ctx.connection.languages.diagnostics.refresh().catch((err) => ctx.log(`diagnostic refresh failed: ${err?.message ?? err}`));
  } else {
    for (const doc of ctx.documents.all()) schedule(ctx, doc.uri, 0);
  }
}

export function registerPullDiagnostics(ctx: ServerContext): void {
  ctx.connection.languages.diagnostics.on(
    request(ctx, 'textDocument/diagnostic', async (params: DocumentDiagnosticParams, token): Promise<DocumentDiagnosticReport> => {
      const uri = params.textDocument?.uri;
      const doc = uri ? ctx.documents.get(uri) : undefined;
      if (!doc) throw invalidParams(`Unknown document: ${uri}`);
      const version = doc.version;
      const settings = await getSettings(ctx, uri);
      cancelled(token);
      await tick(); // let cancellations and newer edits arrive before the work
      cancelled(token);
      const now = ctx.documents.get(uri);
      if (!now) throw invalidParams(`Document closed: ${uri}`);
      if (now.version !== version) {
        // A newer version arrived meanwhile; the client will ask again for it.
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'Document changed', { retriggerRequest: true });
      }
      const analysis = visible(ctx, now, settings);
      cancelled(token);
      sendStatus(ctx, analysis);
      const resultId = `${analysis.id}`;
      if (analysis.id && params.previousResultId === resultId) {
        return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      }
      return { kind: DocumentDiagnosticReportKind.Full, resultId: analysis.id ? resultId : undefined, items: analysis.diagnostics };
    }),
  );
}
