// A writer types for a long time: the server's live heap stays where it was after the first edits. Each edit is
// checked (pull diagnostics ask for its version), and the live heap is read in the server process itself after a
// forced collection (heap-probe.cjs).

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDraft } from '../../bench/drafts';
import { startServer, tmpDir, uriOf, type Server } from '../protocol/helpers';

const PROBE = path.join(__dirname, 'heap-probe.cjs');

async function liveHeap(server: Server, file: string): Promise<number> {
  fs.rmSync(file, { force: true });
  server.proc.kill('SIGUSR2');
  await server.waitFor(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').length > 0, 'the heap probe', 10000);
  return Number(fs.readFileSync(file, 'utf8'));
}

/**
 * Typing as a writer does: a sentence typed at the end of a paragraph one character at a time, then taken out
 * again one character at a time, then on to the next paragraph. Every version is new text.
 */
function* keystrokes(text: string): Generator<{ line: number; character: number; insert?: string }> {
  const lines = text.split('\n');
  const prose = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.length > 200 && /^[A-Z*[]/.test(l)).map(({ i }) => i);
  const typed = ' He flew to Minsk on Tuesday for talks with Putin, his third trip this year.';
  for (let p = 0; ; p = (p + 1) % prose.length) {
    const line = prose[(p * 7) % prose.length];
    const end = lines[line].length;
    for (let k = 0; k < typed.length; k++) yield { line, character: end + k, insert: typed[k] };
    for (let k = typed.length; k > 0; k--) yield { line, character: end + k - 1 };
  }
}

async function soak(words: { words?: number; bytes?: number }, edits: number, baselineAt: number): Promise<{ baseline: number; after: number }> {
  const dir = tmpDir('factcheck-soak-');
  const heapFile = path.join(dir, 'heap');
  const server = await startServer({ pull: true, nodeArgs: ['--expose-gc', '--require', PROBE], env: { FACTCHECK_HEAP_FILE: heapFile } });
  try {
    const draft = buildDraft(words, 7).text;
    const uri = uriOf('soak.md');
    server.open(uri, draft);
    await server.diagnostics(uri);
    let baseline = 0;
    let n = 0;
    for (const k of keystrokes(draft)) {
      const at = { line: k.line, character: k.character };
      const range = k.insert ? { start: at, end: at } : { start: at, end: { line: k.line, character: k.character + 1 } };
      server.change(uri, [{ range, text: k.insert ?? '' }]);
      await server.diagnostics(uri);
      if (++n === baselineAt) baseline = await liveHeap(server, heapFile);
      if (n === edits) break;
    }
    const after = await liveHeap(server, heapFile);
    return { baseline, after };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('robustness: memory while a writer types (soak)', function () {
  this.timeout(240_000);

  it('5,000 checked edits to a 10,000-word draft: the live heap within 1.2× of what it was after 100', async () => {
    const { baseline, after } = await soak({ words: 10_000 }, 5000, 100);
    process.stdout.write(`      [soak] 10k words: ${(baseline / 2 ** 20).toFixed(1)} MB after 100 edits, ${(after / 2 ** 20).toFixed(1)} MB after 5,000\n`);
    assert.ok(after <= baseline * 1.2, `live heap ${after} after 5,000 edits against ${baseline} after 100`);
  });

  it('300 checked edits to a 1 MB draft: the live heap within 1.5× of what it was after 100', async () => {
    const { baseline, after } = await soak({ bytes: 1_000_000 }, 300, 100);
    process.stdout.write(`      [soak] 1 MB: ${(baseline / 2 ** 20).toFixed(1)} MB after 100 edits, ${(after / 2 ** 20).toFixed(1)} MB after 300\n`);
    assert.ok(after <= baseline * 1.5, `live heap ${after} after 300 edits against ${baseline} after 100`);
  });
});
