// The language server proper: a thin layer over the fact engine.
//
// - Documents: incremental sync; changes for unknown documents or with stale versions are ignored.
// - Diagnostics: pulled (textDocument/diagnostic) when the client can, else pushed, debounced per document so fast
//   typing never queues checks; the latest version wins and results for older versions are dropped.
// - Settings: per resource through workspace/configuration, re-read on didChangeConfiguration.
// - Every handler is wrapped: an exception becomes an error response and a log line, never a dead server.
//
// Each concern is a module of its own (lifecycle, sync, diagnostics, hover, codeActions, commands, workspace,
// dataWatch); they share the state of one server through ./context.ts.

import type { Connection } from 'vscode-languageserver/node';
import { createContext } from './context';
import { registerLifecycle } from './lifecycle';
import { registerSync } from './sync';
import { registerPullDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';

export { COMMANDS, StatusNotification, type StatusParams, type InitializationOptions, type CheckSummary } from './protocol';
export type { Analysis } from './analysis';

export function startServer(connection: Connection): void {
  const ctx = createContext(connection);
  registerLifecycle(ctx);
  registerSync(ctx);
  registerPullDiagnostics(ctx);
  registerHover(ctx);
  registerCodeActions(ctx);
  registerCommands(ctx);
}
