// `npm run bench`: the performance benchmark. Not a test: it measures, prints a table with the budgets, and
// writes bench/results.json. Run after `npm run build` (the script does); it drives the BUILT server over LSP.
//
//   npx tsx bench/run.ts [--quick] [--no-peer] [--no-scale] [--profile]
//
// --quick: fewer repetitions; --profile: CPU-profile the in-process check even when every budget passes.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildDraft, REPO_ROOT, SEEDS_DIR, type Draft } from './drafts';
import { BenchClient, SERVER_JS } from './lsp-client';
import { now, median, p95, fmt, withTimeout } from './stats';
import { countFacts } from './synthetic-dataset';
import { profileCheck, type HotSpot } from './profile';
import type { Engine } from '../server/src/engine';
import type { Dataset } from '../server/src/facts/types';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const REPS = QUICK ? 5 : 20;
const EDITS = 20;
const TIMEOUT = 60_000;
/** How long the in-process checks warm the JIT before anything is measured. */
const WARM_MS = QUICK ? 2_000 : 4_000;

// The engine as built (dist/engine.js, the same bundle the server and the CLI are made of), not the sources through
// a loader: the numbers are those of the code that ships.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engineModule = require(path.join(__dirname, '..', 'dist', 'engine.js')) as typeof import('../server/src/engine');

interface Budget { name: string; measured: number; limit: number; unit: string; pass: boolean; note?: string }
const budgets: Budget[] = [];
function budget(name: string, measured: number, limit: number, unit: string, note?: string) {
  budgets.push({ name, measured, limit, unit, pass: Number.isFinite(measured) && measured <= limit, note });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-bench-'));
const log = (s = '') => process.stdout.write(s + '\n');

interface InProcess {
  /** First check in a fresh engine (empty segment cache) while the JIT is warm: what a newly opened draft costs. */
  coldMs: number;
  /** Full check of an unseen draft, median / p95 over fresh engines (the engine caches per segment). */
  medianMs: number;
  p95Ms: number;
  /** Re-check of the same text in a warm engine: every segment cached. */
  cachedMs: number;
  /** Re-check after a one-character edit mid-draft, warm engine (the edited segment misses the cache). */
  editMedianMs: number;
  editP95Ms: number;
  hoverMs: number;
  diagnostics: number;
  claims: number;
}

function editedText(d: Draft, k: number): string {
  // The k-th edit of the 20: odd edits insert "x" inside a word mid-draft, even edits take it out again.
  const lines = d.text.split('\n');
  const line = lines[d.editLine];
  lines[d.editLine] = k % 2 === 1 ? line.slice(0, d.editCharacter) + 'x' + line.slice(d.editCharacter) : line;
  return lines.join('\n');
}

function measureInProcess(makeEngine: () => Engine, d: Draft): InProcess {
  const fullReps = d.bytes > 500_000 ? (QUICK ? 2 : 10) : QUICK ? 5 : 12;
  const full: number[] = [];
  let first: ReturnType<Engine['check']> | undefined;
  let engine = makeEngine();
  for (let i = 0; i < fullReps; i++) {
    engine = makeEngine(); // empty cache: a full check, as for a draft the server has not seen
    const t = now();
    first = engine.check(d.text);
    full.push(now() - t);
  }
  const coldMs = full[0];
  // `engine` has now seen the draft once: same-text re-checks hit the segment cache.
  const cached: number[] = [];
  for (let i = 0; i < (QUICK ? 3 : 10); i++) {
    const t = now();
    engine.check(d.text);
    cached.push(now() - t);
  }
  const edits: number[] = [];
  for (let k = 1; k <= EDITS; k++) {
    const text = editedText(d, k);
    const t = now();
    engine.check(text);
    edits.push(now() - t);
  }
  const hovers: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = now();
    engine.hover(first!, { line: d.hoverLine, character: d.hoverCharacter });
    hovers.push(now() - t);
  }
  const steady = full.length > 2 ? full.slice(1) : full; // the first also pays for JIT of new paths
  return { coldMs, medianMs: median(steady), p95Ms: p95(steady), cachedMs: median(cached), editMedianMs: median(edits), editP95Ms: p95(edits), hoverMs: median(hovers), diagnostics: first!.diagnostics.length, claims: first!.claims.length };
}

/**
 * Full checks of one draft by fresh engines over two datasets, taken in turn (A, B, A, B, ...): medians of each.
 * This machine's speed drifts in phases minutes long, so two figures measured minutes apart can differ by 1.8× for
 * that alone; alternating puts both sides in the same phase, and the ratio is then the datasets' own.
 */
function pairedFullChecks(makeA: () => Engine, makeB: () => Engine, d: Draft, pairs: number): { aMs: number; bMs: number } {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < pairs; i++) {
    for (const [make, out] of [[makeA, a], [makeB, b]] as const) {
      const engine = make();
      const t = now();
      engine.check(d.text);
      out.push(now() - t);
    }
  }
  return { aMs: median(a), bMs: median(b) };
}

interface OverLsp { openMs: number; editMedianMs: number; editP95Ms: number; hoverMs: number; hoverOk: boolean; diagnostics: number; mode: 'pull' | 'push' }

async function measureLsp(client: BenchClient, d: Draft, name: string): Promise<OverLsp> {
  const uri = `file://${tmp}/${name}.md`;
  let t = now();
  const diags = await withTimeout(client.open(uri, d.text), TIMEOUT, `diagnostics for ${name}`);
  const openMs = now() - t;
  const edits: number[] = [];
  for (let k = 1; k <= EDITS; k++) {
    const insert = k % 2 === 1;
    t = now();
    await withTimeout(
      client.edit(uri, d.editLine, d.editCharacter, insert ? d.editCharacter : d.editCharacter + 1, insert ? 'x' : ''),
      TIMEOUT, `edit ${k} of ${name}`);
    edits.push(now() - t);
  }
  const hovers: number[] = [];
  let hoverOk = false;
  for (let i = 0; i < 10; i++) {
    t = now();
    const h = await withTimeout(client.hover(uri, d.hoverLine, d.hoverCharacter), TIMEOUT, `hover in ${name}`);
    hovers.push(now() - t);
    hoverOk ||= !!h;
  }
  return { openMs, editMedianMs: median(edits), editP95Ms: p95(edits), hoverMs: median(hovers), hoverOk, diagnostics: diags.length, mode: client.pull ? 'pull' : 'push' };
}

interface StartResult { initializeMs: number; firstDiagnosticsMs: number }

async function startServer(dataDir: string | undefined, firstDraft: Draft): Promise<{ client: BenchClient; start: StartResult }> {
  const t0 = now();
  const client = new BenchClient({ dataDir });
  await withTimeout(client.initialize(), TIMEOUT, 'initialize');
  const initializeMs = now() - t0;
  await withTimeout(client.open(`file://${tmp}/first.md`, firstDraft.text), TIMEOUT, 'first diagnostics');
  const firstDiagnosticsMs = now() - t0;
  await client.close(`file://${tmp}/first.md`);
  return { client, start: { initializeMs, firstDiagnosticsMs } };
}

/**
 * A scratch project with factcheck and cspell installed, as a writer's docs repository has them: node_modules/NAME
 * linked to this checkout's copies and node_modules/.bin/NAME to their bins. There `npx NAME` runs the installed bin
 * directly, for both. (In this repository `npx factcheck` names the repository's own package instead, which npm 11
 * resolves through its dependency tree first: about 0.4 s more than for an installed bin.)
 */
function consumerProject(root: string): string {
  const dir = path.join(root, 'consumer');
  fs.mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'factcheck-bench-consumer', private: true, devDependencies: { factcheck: '*', cspell: '*' } }) + '\n');
  const link = (target: string, at: string) => fs.symlinkSync(target, path.join(dir, 'node_modules', at));
  link(REPO_ROOT, 'factcheck');
  link(path.join(REPO_ROOT, 'node_modules', 'cspell'), 'cspell');
  link('../factcheck/dist/cli.js', path.join('.bin', 'factcheck'));
  link('../cspell/bin.mjs', path.join('.bin', 'cspell'));
  // A bin that does nothing: what npx itself costs before any command runs.
  fs.writeFileSync(path.join(dir, 'node_modules', '.bin', 'nothing'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return dir;
}

interface ProcessTiming { medianMs: number; runs: number[]; status: number | null; stderr: string }

/**
 * Whole-process times of several commands, taken in turn (A, B, C, A, B, C, ...) so that the machine's slow and fast
 * phases fall on all of them alike: each command's median, by name.
 */
function timeProcesses(commands: Record<string, [cmd: string, argv: string[]]>, runs: number, cwd: string): Record<string, ProcessTiming> {
  const out: Record<string, ProcessTiming> = {};
  for (const name of Object.keys(commands)) out[name] = { medianMs: NaN, runs: [], status: null, stderr: '' };
  for (let i = 0; i < runs; i++) {
    for (const [name, [cmd, argv]] of Object.entries(commands)) {
      const t = now();
      const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
      out[name].runs.push(now() - t);
      out[name].status = r.status;
      out[name].stderr = (r.stderr ?? '').slice(0, 500);
    }
  }
  for (const t of Object.values(out)) t.medianMs = median(t.runs);
  return out;
}

/** Writes the 100,000-fact dataset under `root` in a child process (bench/synthetic-dataset.ts); returns its data folder. */
function generateSyntheticDataset(root: string): string {
  const script = path.join(__dirname, 'synthetic-dataset.ts');
  const r = spawnSync(process.execPath, [...process.execArgv, script, root, '--people', '10000', '--facts', '100000'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`generating the synthetic dataset failed: ${r.stderr}`);
  return path.join(root, 'data');
}

/**
 * loadDataset + createEngine of the data folder in fresh Node processes with the server's flags and environment, timed inside each
 * (module loading apart), median of `runs`: what a starting server pays. The benchmark's own heap (drafts, engines)
 * is not what a server has when it loads a dataset.
 */
function loadInFreshProcesses(dataDir: string, runs: number): { medianMs: number; loadMs: number[]; createEngineMs: number[] } {
  const script = [
    `const e = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'engine.js'))});`,
    `const dir = process.argv[1], seeds = require('node:path').join(dir, '..', 'seeds');`,
    'const t0 = performance.now(); const d = e.loadDataset(dir, seeds); const t1 = performance.now();',
    'e.createEngine(d, { seedsDir: seeds }); const t2 = performance.now();',
    'process.stdout.write(JSON.stringify([t1 - t0, t2 - t1]));',
  ].join('\n');
  const loadMs: number[] = [], createEngineMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', script, dataDir], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (r.status !== 0) throw new Error(`loading ${dataDir} in a fresh process failed: ${r.stderr}`);
    const [l, c] = JSON.parse(r.stdout) as [number, number];
    loadMs.push(l);
    createEngineMs.push(c);
  }
  return { medianMs: median(loadMs.map((l, i) => l + createEngineMs[i])), loadMs, createEngineMs };
}

/**
 * A fixed workload that is none of ours (objects, strings, a Map, a sort, JSON), median of 5: its time hints at the
 * phase the machine is in. On this VM the same work takes up to twice as long in a slow phase as in a fast one, for
 * seconds to minutes, and so do the figures below; the pace before, between and after the measurements tells a reader
 * roughly which phase they fell in (only roughly: a phase can begin and end between two readings).
 */
function machinePace(): number {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    const t = now();
    const m = new Map<string, { i: number; s: string }>();
    for (let i = 0; i < 100_000; i++) m.set('k' + i, { i, s: 'v' + (i % 997) });
    const arr = [...m.values()].sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.i - b.i));
    JSON.parse(JSON.stringify(arr.slice(0, 30_000)));
    times.push(now() - t);
  }
  return median(times);
}

async function main() {
  if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build first`);
  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
  };
  log(`factcheck benchmark — ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}${QUICK ? ' (quick)' : ''}`);
  const paceAtStart = machinePace();

  const drafts = {
    '2k words': buildDraft({ words: 2_000 }, 1),
    '10k words': buildDraft({ words: 10_000 }, 2),
    '1 MB': buildDraft({ bytes: 1 << 20 }, 3),
  };
  for (const [name, d] of Object.entries(drafts)) fs.writeFileSync(path.join(tmp, `${name.replace(/\s+/g, '-')}.md`), d.text);
  results.drafts = Object.fromEntries(Object.entries(drafts).map(([k, d]) => [k, { words: d.words, bytes: d.bytes, lines: d.text.split('\n').length }]));

  // The synthetic dataset is written first, by a child process: its generation is not timed, and the benchmark's own
  // heap should not hold (or collect, mid-measurement) the 100,000 facts it made.
  const scaleDir = args.includes('--no-scale') ? undefined : generateSyntheticDataset(path.join(tmp, 'synthetic-data'));

  // In-process: the engine itself.
  let t = now();
  // From source, the loader's default folder (beside dist/) is not there: name the repository's data.
  const dataset = engineModule.loadDataset(path.join(REPO_ROOT, 'data'), SEEDS_DIR);
  const loadMs = now() - t;
  t = now();
  engineModule.createEngine(dataset, { seedsDir: SEEDS_DIR });
  const createMs = now() - t;
  const makeEngine = () => engineModule.createEngine(dataset, { seedsDir: SEEDS_DIR });
  // Warm the JIT on other drafts (different seeds) until it has settled, as in a server that has been running for a
  // while: V8 keeps optimising the checker's functions for the first hundred or so checks of a 10,000-word draft, and
  // before that a check takes up to twice as long. What a cold process pays is reported apart: "full first" here is
  // a fresh engine's first check after the warm-up, and the server's first diagnostics below come from a new process.
  const warmDrafts = [buildDraft({ words: 3_000 }, 11), buildDraft({ words: 10_000 }, 13), buildDraft({ words: 20_000 }, 12)];
  const warmStart = now();
  let warmChecks = 0;
  while (now() - warmStart < WARM_MS) makeEngine().check(warmDrafts[warmChecks++ % warmDrafts.length].text);
  results.warmUp = { ms: WARM_MS, checks: warmChecks };
  const inProcess: Record<string, InProcess> = {};
  for (const [name, d] of Object.entries(drafts)) inProcess[name] = measureInProcess(makeEngine, d);
  const paceAfterChecks = machinePace();
  // The figures with absolute budgets are taken back to back, right after the in-process checks: this machine's fast
  // phases last seconds to minutes, and a run that spread them over its whole length measured each in another phase.
  // Server start: median of several spawns (spawn → initialize answered → first diagnostics of the 2k draft).
  const starts: StartResult[] = [];
  for (let i = 0; i < (QUICK ? 3 : 7); i++) {
    const s0 = await startServer(undefined, drafts['2k words']);
    starts.push(s0.start);
    await s0.client.dispose();
  }
  const start: StartResult = { initializeMs: median(starts.map((x) => x.initializeMs)), firstDiagnosticsMs: median(starts.map((x) => x.firstDiagnosticsMs)) };
  const fresh = scaleDir ? loadInFreshProcesses(scaleDir, QUICK ? 1 : 3) : undefined;
  const paceAfterBudgets = machinePace();
  // The Markdown layer's share of a full check.
  const markdownMs: Record<string, number> = {};
  for (const [name, d] of Object.entries(drafts)) {
    const xs: number[] = [];
    for (let i = 0; i < (d.bytes > 500_000 ? 5 : 15); i++) {
      const t0 = now();
      engineModule.parseMarkdown(d.text);
      xs.push(now() - t0);
    }
    markdownMs[name] = median(xs);
  }
  results.markdownParseMs = markdownMs;
  results.seedDataset = { loadMs, createEngineMs: createMs, people: dataset.people.length, facts: countFacts(dataset) };
  results.inProcess = inProcess;

  // Over LSP: the built server, as an editor drives it.
  const { client } = await startServer(undefined, drafts['2k words']);
  const rssIdleMB = client.rssMB();
  const overLsp: Record<string, OverLsp> = {};
  let rssMB = NaN;
  try {
    for (const [name, d] of Object.entries(drafts)) {
      overLsp[name] = await measureLsp(client, d, name.replace(/\s+/g, '-'));
      if (name === '1 MB') rssMB = client.rssMB();
    }
  } finally {
    await client.dispose();
  }
  results.server = { start, starts, rssIdleMB, rssAfter1MB: rssMB, mode: overLsp['1 MB']?.mode };
  results.overLsp = overLsp;

  // Scale: 100,000 facts about 10,000 people.
  let scale: Record<string, unknown> | undefined;
  if (scaleDir && fresh) {
    const dir = scaleDir;
    t = now();
    const big = engineModule.loadDataset(dir, path.join(dir, '..', 'seeds'));
    const bigLoadMs = now() - t;
    t = now();
    engineModule.createEngine(big, { seedsDir: path.join(dir, '..', 'seeds') });
    const bigCreateMs = now() - t;
    const makeBig = () => engineModule.createEngine(big, { seedsDir: path.join(dir, '..', 'seeds') });
    const bigCheck = measureInProcess(makeBig, drafts['10k words']);
    const big1MB = measureInProcess(makeBig, drafts['1 MB']);
    const paired10k = pairedFullChecks(makeEngine, makeBig, drafts['10k words'], QUICK ? 8 : 24);
    const s = await startServer(dir, drafts['2k words']);
    let bigLsp: OverLsp | undefined;
    try {
      bigLsp = await measureLsp(s.client, drafts['10k words'], 'synthetic-10k');
    } finally {
      await s.client.dispose();
    }
    scale = { people: big.people.length, facts: countFacts(big), bytes: fs.statSync(path.join(dir, 'facts.json')).size, loadMs: bigLoadMs, createEngineMs: bigCreateMs, freshLoad: fresh, check10k: bigCheck, check1MB: big1MB, paired10k, serverStart: s.start, lsp10k: bigLsp };
    results.scale = scale;
  }

  // Peer: cspell and the factcheck CLI as whole processes on the same 1 MB draft, in a project that has both installed,
  // the draft inside it. (Run from this repository on a file outside it, cspell checks nothing: "Files checked: 0".)
  let peer: Record<string, unknown> | undefined;
  if (!args.includes('--no-peer')) {
    const runs = QUICK ? 3 : 5;
    const consumer = consumerProject(tmp);
    const file = path.join(consumer, 'draft.md');
    fs.copyFileSync(path.join(tmp, '1-MB.md'), file);
    const spell = ['--no-progress', '--no-summary', '--no-color', file];
    const probe = spawnSync('npx', ['cspell', '--no-progress', '--no-color', file], { cwd: consumer, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const checked = /Files checked: (\d+)/.exec(`${probe.stdout}\n${probe.stderr}`)?.[1];
    if (checked !== '1') throw new Error(`cspell did not check the draft (Files checked: ${checked ?? '?'}): the peer figure would be meaningless`);
    const { cspell, npxFactcheck, npxNothing, nodeCli, cspellDirect } = timeProcesses({
      cspell: ['npx', ['cspell', ...spell]],
      npxFactcheck: ['npx', ['factcheck', file]],
      npxNothing: ['npx', ['nothing']],
      nodeCli: [process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), file]],
      cspellDirect: [path.join(consumer, 'node_modules', '.bin', 'cspell'), spell],
    }, runs, consumer);
    peer = { cspell, cspellDirect, npxFactcheck, nodeCli, npxNothing, cspellFilesChecked: Number(checked), ratioNpx: npxFactcheck.medianMs / cspell.medianMs, ratioNode: nodeCli.medianMs / cspellDirect.medianMs };
    results.peer = peer;
  }

  // Budgets: the check itself (in-process) decides; the LSP round trip is shown next to it.
  const ip10 = inProcess['10k words'], ip1m = inProcess['1 MB'];
  budget('10k-word draft, full check', ip10.medianMs, 15, 'ms', `LSP didOpen→diagnostics ${fmt(overLsp['10k words'].openMs)} ms`);
  budget('10k-word draft, re-check after 1-char edit (median)', ip10.editMedianMs, 3, 'ms', `LSP didChange→diagnostics ${fmt(overLsp['10k words'].editMedianMs)} ms`);
  budget('1 MB draft, full check', ip1m.medianMs, 150, 'ms', `LSP didOpen→diagnostics ${fmt(overLsp['1 MB'].openMs)} ms`);
  budget('server ready (spawn → initialize answered)', start.initializeMs, 200, 'ms');
  budget('server RSS after the 1 MB draft', rssMB, 120, 'MB');
  if (scale) {
    const fresh = scale.freshLoad as { medianMs: number; loadMs: number[] };
    const inBench = (scale.loadMs as number) + (scale.createEngineMs as number);
    budget('100,000 facts: load + index, fresh process', fresh.medianMs, 1000, 'ms', `median of ${fresh.loadMs.length}; in this process ${fmt(inBench)} ms; server with it: initialize ${fmt((scale.serverStart as StartResult).initializeMs)} ms`);
    const paired = scale.paired10k as { aMs: number; bMs: number };
    budget('100,000 facts: 10k-word check vs seed dataset', paired.bMs / paired.aMs, 1.5, '×', `${fmt(paired.bMs)} vs ${fmt(paired.aMs)} ms, alternating`);
  }
  if (peer) budget('npx factcheck vs npx cspell, 1 MB, whole process', peer.ratioNpx as number, 0.35, '×', `${fmt((peer.npxFactcheck as { medianMs: number }).medianMs)} vs ${fmt((peer.cspell as { medianMs: number }).medianMs)} ms; without npx: node dist/cli.js ${fmt((peer.nodeCli as { medianMs: number }).medianMs)} vs cspell ${fmt((peer.cspellDirect as { medianMs: number }).medianMs)} ms = ${fmt(peer.ratioNode as number)}×; npx alone ${fmt((peer.npxNothing as { medianMs: number }).medianMs)} ms`);
  results.budgets = budgets;
  results.loadAverageAtEnd = os.loadavg();

  // Hot spots when a check budget is missed (or on --profile).
  const checkMissed = budgets.some((b) => !b.pass && /check|facts|factcheck/.test(b.name));
  let hot: HotSpot[] | undefined;
  if (checkMissed || args.includes('--profile')) {
    hot = profileCheck(path.join(tmp, '1-MB.md'), tmp, 8);
    results.hotSpots = hot.slice(0, 60);
  }

  // Print.
  log('');
  log('Draft sizes: ' + Object.entries(drafts).map(([k, d]) => `${k} = ${d.words.toLocaleString('en-US')} words, ${(d.bytes / 1024).toFixed(0)} KB`).join('; '));
  log(`Seed dataset: load ${fmt(loadMs)} ms + createEngine ${fmt(createMs)} ms; ${dataset.people.length} people, ${countFacts(dataset)} facts`);
  log('');
  log(pad(['draft', 'full first', 'full median', 'full p95', 'markdown', 'cached', 'edit median', 'edit p95', 'hover', '| LSP open→diags', 'LSP edit med', 'LSP edit p95', 'LSP hover', 'diags']));
  for (const name of Object.keys(drafts)) {
    const a = inProcess[name], b = overLsp[name];
    log(pad([name, fmt(a.coldMs), fmt(a.medianMs), fmt(a.p95Ms), fmt(markdownMs[name]), fmt(a.cachedMs), fmt(a.editMedianMs), fmt(a.editP95Ms), fmt(a.hoverMs, 3), '| ' + fmt(b.openMs), fmt(b.editMedianMs), fmt(b.editP95Ms), fmt(b.hoverMs) + (b.hoverOk ? '' : ' (null)'), String(b.diagnostics)]));
  }
  log(`(ms. In-process: engine.check in this process; "full" = a fresh engine each time (the engine caches per segment), "markdown" = parseMarkdown alone, "cached" = same text again,`);
  log(` "edit" = after a 1-char edit mid-draft, warm engine. In-process checks follow ${(WARM_MS / 1000).toFixed(0)} s of JIT warm-up (${warmChecks} checks of other drafts).`);
  log(` LSP: round trip to the built server (node dist/server.js), ${overLsp['1 MB'].mode} diagnostics. Load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  log('');
  log(`Server (median of ${starts.length} spawns): spawn → initialize ${fmt(start.initializeMs)} ms, → first diagnostics (2k draft) ${fmt(start.firstDiagnosticsMs)} ms; RSS after start ${fmt(rssIdleMB, 1)} MB, after the 1 MB draft ${fmt(rssMB, 1)} MB`);
  if (scale) {
    const s = scale as { people: number; facts: number; bytes: number; loadMs: number; createEngineMs: number; freshLoad: { loadMs: number[]; createEngineMs: number[] }; check10k: InProcess; check1MB: InProcess; serverStart: StartResult; lsp10k?: OverLsp };
    log(`Scale: ${s.facts.toLocaleString('en-US')} facts, ${s.people.toLocaleString('en-US')} people (${(s.bytes / 2 ** 20).toFixed(1)} MB JSON): load ${fmt(s.loadMs)} ms + createEngine ${fmt(s.createEngineMs)} ms in this process, ${s.freshLoad.loadMs.map((l, i) => `${fmt(l)} + ${fmt(s.freshLoad.createEngineMs[i])}`).join(', ')} ms in fresh processes; 10k check ${fmt(s.check10k.medianMs)} ms (seed ${fmt(ip10.medianMs)}), 1 MB check ${fmt(s.check1MB.medianMs)} ms (seed ${fmt(ip1m.medianMs)}); server initialize ${fmt(s.serverStart.initializeMs)} ms, first diagnostics ${fmt(s.serverStart.firstDiagnosticsMs)} ms; LSP 10k open ${fmt(s.lsp10k?.openMs ?? NaN)} ms`);
  }
  if (peer) {
    const p = peer as { cspell: { medianMs: number; status: number | null }; cspellDirect: { medianMs: number }; npxFactcheck: { medianMs: number; status: number | null; stderr: string }; nodeCli: { medianMs: number; status: number | null }; npxNothing: { medianMs: number } };
    log(`Peer (1 MB, whole process, median of ${QUICK ? 3 : 5}, npx in a project with both installed): npx cspell ${fmt(p.cspell.medianMs)} ms (exit ${p.cspell.status}), node_modules/.bin/cspell ${fmt(p.cspellDirect.medianMs)} ms; npx factcheck ${fmt(p.npxFactcheck.medianMs)} ms (exit ${p.npxFactcheck.status}); node dist/cli.js ${fmt(p.nodeCli.medianMs)} ms (exit ${p.nodeCli.status}); npx of a bin that does nothing ${fmt(p.npxNothing.medianMs)} ms`);
  }
  const paceAtEnd = machinePace();
  results.machinePaceMs = { start: paceAtStart, afterInProcessChecks: paceAfterChecks, afterStartAndLoad: paceAfterBudgets, end: paceAtEnd };
  log(`Machine pace (a fixed workload, not ours; lower is faster, about 65–90 ms in this VM's fast phases, 130–150 in slow ones): ${fmt(paceAtStart)} ms at the start, ${fmt(paceAfterChecks)} after the in-process checks, ${fmt(paceAfterBudgets)} after the server's start and the 100,000-fact load, ${fmt(paceAtEnd)} at the end`);
  log('');
  log(pad(['budget', 'measured', 'limit', 'result', 'note'], [52, 12, 10, 7]));
  for (const b of budgets) log(pad([b.name, `${fmt(b.measured)} ${b.unit}`, `${b.limit} ${b.unit}`, b.pass ? 'PASS' : 'FAIL', b.note ?? ''], [52, 12, 10, 7]));
  log(`${budgets.filter((b) => b.pass).length}/${budgets.length} budgets pass`);
  if (hot) {
    log('');
    log('Hot spots (self time, node --cpu-prof of engine.check on the 1 MB draft):');
    for (const h of hot.slice(0, 15)) log(`  ${h.selfPct.toFixed(1).padStart(5)}%  ${(h.functionName || '(anonymous)').slice(0, 90)}  ${h.location}`);
    log('  with callees (our code):');
    const inclusive = hot.filter((h) => h.location.startsWith('server/src/') || /chrono\.ts/.test(h.location)).sort((a, b) => (b.totalPct ?? 0) - (a.totalPct ?? 0)).slice(0, 12);
    for (const h of inclusive) log(`  ${(h.totalPct ?? 0).toFixed(1).padStart(5)}%  ${h.functionName || '(anonymous)'}  ${h.location}`);
    const areas = byArea(hot);
    results.hotAreas = areas;
    log('  by area: ' + areas.map(([a, pct]) => `${a} ${pct.toFixed(0)}%`).join(', '));
  }

  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  log(`\nwrote bench/results.json`);
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Self time by part of the code: our directories, each dependency, GC, regular expressions. */
function byArea(hot: HotSpot[]): [string, number][] {
  const areas = new Map<string, number>();
  for (const h of hot) {
    let area = 'other';
    const m = /^server\/src\/([^/]+)\//.exec(h.location) ?? /node_modules\/([^/]+)\//.exec(h.location);
    if (m) area = h.location.startsWith('server/') ? `server/src/${m[1]}` : m[1];
    else if (h.functionName.startsWith('RegExp:')) area = 'regular expressions';
    else if (h.functionName === '(garbage collector)') area = 'garbage collector';
    areas.set(area, (areas.get(area) ?? 0) + h.selfPct);
  }
  return [...areas].sort((a, b) => b[1] - a[1]);
}

function pad(cols: string[], widths = [10, 11, 12, 9, 9, 8, 12, 9, 7, 16, 13, 13, 10, 6]): string {
  return cols.map((c, i) => (i < cols.length - 1 ? c.padEnd(widths[i] ?? 10) : c)).join(' ');
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exitCode = 1;
});
