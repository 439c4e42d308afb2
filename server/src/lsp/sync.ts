// What the client tells the server: documents opened, changed (incremental sync; changes for unknown documents or
// with stale versions are ignored), saved and closed, and the configuration changed (settings are re-read).

import {
  DidChangeConfigurationParams,
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
  DidSaveTextDocumentParams,
} from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { isMarkdown } from './documents';
import { snapshot } from './analysis';
import { getSettings } from './configuration';
import { refreshAll, schedule } from './diagnostics';
import { notification } from './handlers';

export function registerSync(ctx: ServerContext): void {
  const connection = ctx.connection;

  connection.onDidOpenTextDocument(
    notification(ctx, 'didOpen', async (params: DidOpenTextDocumentParams) => {
      const { uri, languageId } = params.textDocument;
      if (!isMarkdown(uri, languageId)) return;
      ctx.documents.open(params);
      ctx.latest.delete(uri);
      ctx.snapshots.delete(uri);
      if (ctx.pushedUnopened.delete(uri) && ctx.pull) {
        // The pulled diagnostics take over from the ones checkWorkspace pushed.
        await connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      if (!ctx.pull) schedule(ctx, uri, 0);
    }),
  );

  connection.onDidChangeTextDocument(
    notification(ctx, 'didChange', (params: DidChangeTextDocumentParams) => {
      const doc = ctx.documents.change(params);
      if (!doc) return; // unknown document or stale version: ignored
      schedule(ctx, doc.uri);
    }),
  );

  connection.onDidSaveTextDocument(
    notification(ctx, 'didSave', async (params: DidSaveTextDocumentParams) => {
      const uri = params.textDocument.uri;
      const doc = ctx.documents.get(uri);
      if (!doc) return;
      const settings = await getSettings(ctx, uri);
      if (settings.run !== 'onSave') return;
      const now = ctx.documents.get(uri);
      if (!now) return;
      snapshot(ctx, now, settings);
      if (ctx.pull) {
        if (ctx.refreshSupport) await connection.languages.diagnostics.refresh();
      } else {
        schedule(ctx, uri, 0);
      }
    }),
  );

  connection.onDidCloseTextDocument(
    notification(ctx, 'didClose', async (params: DidCloseTextDocumentParams) => {
      const uri = params.textDocument.uri;
      if (!ctx.documents.close(params)) return;
      const timer = ctx.timers.get(uri);
      if (timer) clearTimeout(timer);
      ctx.timers.delete(uri);
      ctx.latest.delete(uri);
      ctx.snapshots.delete(uri);
      ctx.settingsCache.delete(uri);
      ctx.holder?.engine?.forget(uri);
      if (!ctx.pull) await connection.sendDiagnostics({ uri, diagnostics: [] });
    }),
  );

  connection.onDidChangeConfiguration(
    notification(ctx, 'didChangeConfiguration', async (params: DidChangeConfigurationParams) => {
      const settings = (params?.settings as Record<string, unknown> | undefined)?.factcheck;
      if (settings !== undefined) ctx.globalSettings = settings;
      ctx.settingsCache.clear();
      ctx.reportedSettings.clear();
      await refreshAll(ctx);
    }),
  );
}
