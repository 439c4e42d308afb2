// The LSP lifecycle: initialize (what the client can do, what the server offers), initialized (the dataset loaded
// and watched), shutdown, and the answer to methods the server does not handle.

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  InitializeParams,
  InitializeResult,
  ResponseError,
  TextDocumentSyncKind,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { pathToFileURL } from 'url';
import type { ServerContext } from './context';
import { DatasetHolder, resolveDataLocation } from './dataset';
import { lifecycleError, notification, request } from './handlers';
import { loadData, watchData } from './dataWatch';
import { COMMANDS, type InitializationOptions } from './protocol';

export function registerLifecycle(ctx: ServerContext): void {
  const connection = ctx.connection;

  connection.onInitialize(
    request(ctx, 'initialize', (params: InitializeParams): InitializeResult => {
      const caps = params.capabilities ?? {};
      ctx.options = (params.initializationOptions ?? {}) as InitializationOptions;
      ctx.pull = !!caps.textDocument?.diagnostic;
      ctx.refreshSupport = !!caps.workspace?.diagnostics?.refreshSupport;
      ctx.configurationSupport = !!caps.workspace?.configuration;
      ctx.dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
      ctx.documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
      ctx.resolveEdits = !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
      ctx.showDocumentSupport = !!caps.window?.showDocument?.support;
      ctx.serverProgressSupport = !!caps.window?.workDoneProgress;
      ctx.workspaceFoldersSupport = !!caps.workspace?.workspaceFolders;
      ctx.workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri);
      if (!ctx.workspaceFolders.length && params.rootUri) ctx.workspaceFolders = [params.rootUri];
      if (!ctx.workspaceFolders.length && params.rootPath) ctx.workspaceFolders = [pathToFileURL(params.rootPath).href];

      ctx.holder = new DatasetHolder(resolveDataLocation(ctx.options));
      const clientCommands = new Set(Array.isArray(ctx.options.clientCommands) ? ctx.options.clientCommands : []);
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
      if (ctx.pull) {
        result.capabilities.diagnosticProvider = { identifier: 'factcheck', interFileDependencies: false, workspaceDiagnostics: false };
      }
      ctx.initializeAnswered = true;
      return result;
    }),
  );

  connection.onInitialized(
    notification(ctx, 'initialized', () => {
      if (ctx.initializedSeen) return; // a second one would load the data and watch its folder again
      ctx.initializedSeen = true;
      ctx.log(`Fact Check server started (diagnostics by ${ctx.pull ? 'pull' : 'push'}; data ${ctx.holder?.location.dataDir}; seeds ${ctx.holder?.location.seedsDir}).`);
      loadData(ctx, 'startup');
      watchData(ctx);
      // The language model loads while the editor is still opening drafts, not during the first check.
      setTimeout(() => ctx.holder?.engine?.warmUp(), 0);
      if (ctx.dynamicConfiguration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'factcheck' }).catch(() => undefined);
      }
      if (ctx.workspaceFoldersSupport) {
        try {
          connection.workspace.onDidChangeWorkspaceFolders((e: WorkspaceFoldersChangeEvent) => {
            const removed = new Set(e.removed.map((f) => f.uri));
            ctx.workspaceFolders = ctx.workspaceFolders.filter((f) => !removed.has(f)).concat(e.added.map((f) => f.uri));
          });
        } catch {
          // The client does not support workspace folder changes.
        }
      }
    }),
  );

  connection.onShutdown(
    request(ctx, 'shutdown', () => {
      ctx.shuttingDown = true;
      for (const t of ctx.timers.values()) clearTimeout(t);
      ctx.timers.clear();
      if (ctx.reloadTimer) clearTimeout(ctx.reloadTimer);
      ctx.dataWatcher?.close();
    }),
  );

  // Methods the server does not handle: MethodNotFound, or what the lifecycle prescribes (InvalidRequest after
  // shutdown, ServerNotInitialized before initialize).
  connection.onRequest((method: string) => lifecycleError(ctx, method) ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`));
}
