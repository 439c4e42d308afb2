// Entry point of the language server bundle (dist/server.js). The transport comes from the command line:
// `--stdio` for editors like Neovim, `--node-ipc` when VS Code's language client starts it.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { watchFrames } from './lsp/frames';

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

// Over stdio, a broken frame leaves vscode-jsonrpc's reader deaf for good: say why on stderr and in the client's log,
// and exit non-zero, so that the client starts a new server (./lsp/frames.ts).
if (process.argv.slice(2).includes('--stdio')) {
  watchFrames(process.stdin, (reason) => {
    const message = `Fact Check server: the client sent a broken message (${reason}); exiting so that it can start a new server.`;
    try {
      process.stderr.write(message + '\n');
    } catch {
      // stderr is gone
    }
    try {
      connection.console.error(message);
    } catch {
      // the connection itself is gone
    }
    // Long enough for the log message to be written; stdin is not read again meanwhile.
    process.stdin.pause();
    setTimeout(() => process.exit(1), 100);
  });
}

startServer(connection);
connection.listen();
