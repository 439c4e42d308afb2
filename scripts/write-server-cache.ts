// Build step: writes the language server's code cache (dist/server.cache). Starts the built server the way editors
// do (node with SERVER_NODE_FLAGS, whose flags a cache must match) through the benchmark's LSP client, opens the
// sample draft, hovers a name, and shuts the server down; on exit the server writes what the session compiled.
//
//   node dist/write-server-cache.js        (esbuild.mjs runs it after building the server)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient } from '../bench/lsp-client';
import { REPO_ROOT } from '../bench/drafts';

async function main(): Promise<void> {
  const draftFile = path.join(REPO_ROOT, 'test', 'fixtures', 'sample-draft.md');
  const text = fs.readFileSync(draftFile, 'utf8');
  const uri = pathToFileURL(draftFile).href;
  // A name to hover: the first line that mentions Lukashenko.
  const lines = text.split('\n');
  const line = Math.max(0, lines.findIndex((l) => l.includes('Lukashenko')));
  const client = new BenchClient({ env: { FACTCHECK_CODE_CACHE: 'write' } });
  const timeout = setTimeout(() => client.proc.kill(), 30_000);
  try {
    await client.initialize();
    await client.open(uri, text);
    await client.hover(uri, line, Math.max(0, lines[line].indexOf('Lukashenko')));
  } finally {
    await client.dispose();
    clearTimeout(timeout);
  }
  if (client.proc.exitCode !== 0) throw new Error(`the server exited with ${client.proc.exitCode ?? client.proc.signalCode}: ${client.stderr}`);
}

main().catch((e) => {
  console.warn(`no code cache for the server: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
