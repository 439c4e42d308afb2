// Entry point of the language server bundle (dist/server.js). The transport comes from the command line:
// `--stdio` for editors like Neovim, `--node-ipc` when VS Code's language client starts it.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

const connection = createConnection(ProposedFeatures.all);

// Last line of defence: a bug in a handler must not take the server down.
process.on('uncaughtException', (err) => {
  try {
    connection.console.error(`Uncaught exception: ${err?.stack ?? err}`);
  } catch {
    // the connection itself is gone
  }
});
process.on('unhandledRejection', (reason) => {
  try {
    connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
  } catch {
    // the connection itself is gone
  }
});

startServer(connection);
connection.listen();
