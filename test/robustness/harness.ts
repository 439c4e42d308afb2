// Shared helpers of the robustness tests: a worker that runs the engine with a hard timeout (a hang fails the
// test instead of freezing the run), LSP range checks in UTF-16 columns, and fast-check arbitraries.

import { Worker } from 'node:worker_threads';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CheckOptions, CheckResult, Position, Range } from '../../server/src/types';
import { seedSentences, CLAIMS } from '../../bench/drafts';

export const ROOT = path.resolve(__dirname, '..', '..');
export const REFERENCE_DATE = '2023-12-05';
export const OPTIONS: CheckOptions = { referenceDate: REFERENCE_DATE };

export interface Checked { result: CheckResult; ms: number; hovers: (string | null)[] }
export interface Parsed {
  ms: number;
  segments: { kind: string; text: string; offsets: number[]; startLine: number; endLine: number }[];
  frontMatter?: { date?: string; data: Record<string, unknown>; error?: string };
  positions: Position[];
  suppressed: boolean[];
}

/** The engine in a worker thread. A call that exceeds its timeout terminates the worker and rejects. */
export class EngineWorker {
  private worker?: Worker;
  private nextId = 1;
  private pending = new Map<number, { worker: Worker; resolve: (v: any) => void; reject: (e: Error) => void }>();
  constructor(private readonly dataDir?: string) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(path.join(__dirname, 'engine-worker.cjs'), { workerData: { dataDir: this.dataDir }, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    w.on('message', (m: { id: number; ok: boolean; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m);
      else p.reject(new Error(m.error));
    });
    w.on('error', (e) => this.failAll(w, e));
    w.on('exit', (code) => { if (this.worker === w) this.worker = undefined; this.failAll(w, new Error(`engine worker exited (${code})`)); });
    this.worker = w;
    return w;
  }

  /** Rejects the calls pending on `w` (a worker terminated after a timeout must not fail its successor's calls). */
  private failAll(w: Worker, e: Error) {
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(id);
      p.reject(e);
    }
  }

  private call<T>(msg: Record<string, unknown>, timeoutMs: number, what: string): Promise<T> {
    const w = this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.worker = undefined;
        void w.terminate();
        reject(new Error(`${what}: no answer within ${timeoutMs} ms (hang?)`));
      }, timeoutMs);
      this.pending.set(id, {
        worker: w,
        resolve: (v) => { clearTimeout(timer); resolve(v as T); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      w.postMessage({ id, ...msg });
    });
  }

  /** Loads the dataset and the engine (slow the first time: tsx compiles the sources). */
  init(timeoutMs = 60_000): Promise<void> {
    return this.call({ op: 'init' }, timeoutMs, 'engine init');
  }

  check(text: string, timeoutMs = 10_000, hovers: Position[] = [], options: CheckOptions = OPTIONS): Promise<Checked> {
    return this.call({ op: 'check', text, options, hovers }, timeoutMs, `check of ${text.length} chars`);
  }

  markdown(text: string, timeoutMs = 10_000, offsets: number[] = [], lines: number[] = []): Promise<Parsed> {
    return this.call({ op: 'markdown', text, offsets, lines }, timeoutMs, `markdown parse of ${text.length} chars`);
  }

  async dispose() {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}

/** Lines as LSP counts them: terminated by \n, \r\n or \r; lengths in UTF-16 code units. */
export function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The text a range covers (ranges may span lines; terminators are joined with \n). */
export function rangeText(lines: string[], r: Range): string {
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l]);
  parts.push(lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Asserts that a range lies inside the document, is ordered, and does not cut a surrogate pair. */
export function assertRangeValid(lines: string[], r: Range, what: string): void {
  const where = `${what} ${JSON.stringify(r)}`;
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${where}: non-integer position`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${where}: line outside the document (${lines.length} lines)`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${where}: column outside line ${p.line} (length ${lines[p.line].length})`);
    const s = lines[p.line];
    if (p.character > 0 && p.character < s.length) {
      assert.ok(!(isHigh(s.charCodeAt(p.character - 1)) && isLow(s.charCodeAt(p.character))), `${where}: splits a surrogate pair`);
    }
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${where}: start after end`);
}

/** Every range in a check result is valid; diagnostics and mentions cover some text. */
export function assertResultValid(text: string, result: CheckResult): void {
  const lines = lspLines(text);
  // check() catches its own exceptions and reports them as one 'internal-error' diagnostic: that is a failure here.
  const internal = result.diagnostics.find((d) => d.code === 'internal-error');
  assert.ok(!internal, `the engine failed internally: ${internal?.message}`);
  assert.ok(Array.isArray(result.diagnostics) && Array.isArray(result.mentions) && Array.isArray(result.claims) && Array.isArray(result.dates), 'result arrays');
  result.diagnostics.forEach((d, i) => {
    assertRangeValid(lines, d.range, `diagnostic ${i} (${d.code})`);
    assert.ok(rangeText(lines, d.range).trim().length > 0, `diagnostic ${i} covers no text: ${JSON.stringify(d.range)}`);
    assert.equal(typeof d.message, 'string');
    for (const f of d.fixes ?? []) assertRangeValid(lines, f.edit.range, `fix of diagnostic ${i}`);
  });
  result.mentions.forEach((m, i) => {
    assertRangeValid(lines, m.range, `mention ${i} (${m.id})`);
    assert.ok(rangeText(lines, m.range).trim().length > 0, `mention ${i} covers no text`);
  });
  result.claims.forEach((c, i) => assertRangeValid(lines, c.range, `claim ${i}`));
  result.dates.forEach((d, i) => assertRangeValid(lines, d.range, `date ${i}`));
  assert.equal(result.stats.claims, result.claims.length, 'stats.claims');
}

// ---- Arbitraries -------------------------------------------------------------------------------------------

const SENTENCES = seedSentences().map((s) => s.text);
export const MARKDOWN = [
  '# ', '## ', '###### ', '- ', '* ', '+ ', '1. ', '10) ', '> ', '>> ', '```', '```ts\n', '~~~\n', '    ', '\t', '|', ' | ', '| --- | --- |\n',
  '**', '*', '_', '__', '`', '``', '[', ']', '](', ')', '![', '<', '>', '<!--', '-->', '<div>', '</div>', '<br>', '---\n', '***\n', '===\n',
  '\\', '&amp;', '&#0;', '&nbsp;', '[^1]', '[^1]: note', 'https://example.com/a_(b)', '<https://x.y>', '[ref]: http://x "t"', '- [ ] ', '- [x] ',
  '<!-- factcheck-disable -->', '<!-- factcheck-enable -->', '<!-- factcheck-disable-next-line -->', '$$', '{#id}', '::: note\n',
];
export const FRONT_MATTER = ['---\ndate: 2023-12-05\n---\n', '---\ndate: 2022-12-16\ntitle: "x"\n---\n', '---\ndate: [\n---\n', '---\n\u0000: x\n---\n', '---\r\ndate: 2023-03-13\r\n---\r\n', '---\ndate: not a date\n'];
export const NAMES = ['Lukashenko', 'Alexander Lukashenko', 'Łukaszenka', 'Putin', 'Vladimir Putin', 'Xi Jinping', 'Jinping', 'Min Aung Hlaing', 'Hun Sen', 'Raisi', 'Beijing', 'Minsk', 'Tehran', 'Myanmar', 'Belarus', 'Moscow', 'Sochi', 'the Belarusian leader', 'LUKASHENKO', 'lukashenko'];
export const DATES = ['March 12', 'on Monday', 'this year', 'in 2023', 'last week', 'December 3, 2023', '2023-03-12', 'Feb. 16', 'late May', 'in early September', 'since June 2019', 'the fourth time', 'second', 'first', 'twice', '29 February', 'February 30, 2023', '9999-99-99', 'in 0', 'next year', 'yesterday'];
export const UNICODE = [
  '😀', '👨‍👩‍👧', '🇧🇾', '🏳️‍🌈', 'e\u0301', 'a\u0308\u0308\u0308', '\u0301', '\u200d', '\u200c', '\u200b', '\u2060', '\ufeff', 'مرحبا بالعالم', 'שלום', '\u202e', '\u202d', '\u200f', '\u200e',
  '\u0000', '\r', '\n', '\r\n', '\n\n', '\u2028', '\u2029', '\u0085', '\u000b', '\f', '\ud800', '\udc00', '\udbff\udfff', '\u00a0', '\u3000', 'Лукашенко', '卢卡申科', 'İ', 'ß', 'ﬁ',
];

export const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...MARKDOWN) },
  { weight: 3, arbitrary: fc.constantFrom(...SENTENCES) },
  { weight: 3, arbitrary: fc.constantFrom(...CLAIMS.wrong, ...CLAIMS.right) },
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 3, arbitrary: fc.constantFrom(...DATES) },
  { weight: 4, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 4, arbitrary: fc.constantFrom(' ', ' ', '\n', '\n\n', '. ', ', ') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** Random Markdown drafts: optional front matter, then a mix of syntax, prose, claims, names, dates and odd Unicode. */
export const draft = (maxFragments = 120): fc.Arbitrary<string> =>
  fc.tuple(fc.option(fc.constantFrom(...FRONT_MATTER), { nil: '' }), fc.array(fragment, { maxLength: maxFragments })).map(([fm, xs]) => fm + xs.join(''));

/** A random draft of about `bytes` UTF-16 code units. */
export const sizedDraft = (bytes: number): fc.Arbitrary<string> =>
  fc.array(fragment, { minLength: Math.ceil(bytes / 12), maxLength: Math.ceil(bytes / 6) }).map((xs) => {
    let s = '---\ndate: 2023-12-05\n---\n' + xs.join('');
    while (s.length < bytes) s += '\n\n' + xs.join(' ');
    return s.slice(0, bytes);
  });
