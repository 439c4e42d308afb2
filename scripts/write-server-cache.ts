// Build step: writes the language server's code cache (dist/server.cache). Starts the built server the way editors
// do (node with SERVER_NODE_FLAGS, whose flags a cache must match), opens the sample draft, hovers a name, and shuts
// the server down; on exit the server writes what the session compiled.
//
//   node dist/write-server-cache.js        (esbuild.mjs runs it after building the server)

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/launch';

const root = path.join(__dirname, '..');
const draftFile = path.join(root, 'test', 'fixtures', 'sample-draft.md');
const uri = pathToFileURL(draftFile).href;
const text = fs.readFileSync(draftFile, 'utf8');
// A name to hover: the first line that mentions Lukashenko.
const lines = text.split('\n');
const hoverLine = Math.max(0, lines.findIndex((l) => l.includes('Lukashenko')));
const hoverCharacter = Math.max(0, lines[hoverLine].indexOf('Lukashenko'));

const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, 'dist', 'server.js'), '--stdio'], {
  env: { ...process.env, FACTCHECK_CODE_CACHE: 'write' },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const send = (message: object) => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
};

const timeout = setTimeout(() => {
  console.warn('no code cache for the server: the session timed out');
  server.kill();
}, 30_000);
server.on('exit', (code) => {
  clearTimeout(timeout);
  if (code !== 0) console.warn(`no code cache for the server (exit ${code})`);
});

let buffer = Buffer.alloc(0);
let step = 0;
server.stdout.on('data', (chunk: Buffer) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1] ?? NaN);
    if (!(buffer.length >= headerEnd + 4 + length)) return;
    const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
    buffer = buffer.subarray(headerEnd + 4 + length);
    onMessage(message);
  }
});

function onMessage(m: { id?: number; method?: string; params?: { uri?: string } }): void {
  // Requests from the server (configuration, registration) get an empty answer.
  if (m.method && m.id !== undefined) return send({ id: m.id, result: null });
  if (step === 0 && m.id === 1) {
    step = 1;
    send({ method: 'initialized', params: {} });
    send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
  } else if (step === 1 && m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri) {
    step = 2;
    send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: hoverLine, character: hoverCharacter } } });
  } else if (step === 2 && m.id === 2) {
    step = 3;
    send({ id: 3, method: 'shutdown' });
  } else if (step === 3 && m.id === 3) {
    send({ method: 'exit' });
  }
}

send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
