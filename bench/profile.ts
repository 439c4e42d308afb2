// CPU profile of the in-process check: where engine.check spends its time.
//
//   npx tsx bench/profile.ts FILE.md [--seconds N] [--data DIR]     (as a child of `node --cpu-prof`, see below)
//   profileCheck(file, dir) → the hottest functions by self time
//
// Run standalone to get a .cpuprofile to open in Chrome DevTools:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile.ts /path/draft.md

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourceMap } from 'node:module';
import { REPO_ROOT } from './drafts';

export interface HotSpot { functionName: string; location: string; selfMs: number; selfPct: number; /** Time with callees, as a share of all samples. */ totalPct?: number }

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

type Mapper = (url: string, line: number, column: number) => string | undefined;

/** Maps bundle positions back to the TypeScript sources through the bundle's source map. */
function sourceMapper(bundle: string): Mapper {
  const mapFile = bundle + '.map';
  if (!fs.existsSync(mapFile)) return () => undefined;
  const map = new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8')));
  const bundleUrl = 'file://' + bundle;
  return (url, line, column) => {
    if (url !== bundleUrl && url !== bundle) return undefined;
    const e = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    if (!e || !e.originalSource) return undefined;
    const src = e.originalSource.replace(/^file:\/\//, '');
    const rel = path.relative(REPO_ROOT, path.resolve(path.dirname(bundle), src));
    return `${rel}:${(e.originalLine ?? 0) + 1}`;
  };
}

/** Aggregates a .cpuprofile by function (name + file + line), self time only, hottest first. */
export function summarize(profile: CpuProfile, mapper: Mapper = () => undefined): HotSpot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const agg = new Map<string, HotSpot>();
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += us;
    const file = url.replace(/^file:\/\//, '').replace(REPO_ROOT + '/', '');
    const location = mapper(url, lineNumber, columnNumber) ?? (file ? `${file}:${lineNumber + 1}` : '(native)');
    const key = `${functionName}@${location}`;
    const h = agg.get(key) ?? { functionName, location, selfMs: 0, selfPct: 0 };
    h.selfMs += us / 1000;
    agg.set(key, h);
  }
  // Inclusive time: every function on a sample's stack gets the sample once.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = n.callFrame;
    const file = url.replace(/^file:\/\//, '').replace(REPO_ROOT + '/', '');
    return `${functionName}@${mapper(url, lineNumber, columnNumber) ?? (file ? `${file}:${lineNumber + 1}` : '(native)')}`;
  };
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const n0 = byId.get(id);
    if (!n0 || n0.callFrame.functionName === '(idle)' || n0.callFrame.functionName === '(program)') continue;
    const onStack = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) onStack.add(keyOf(byId.get(cur)!));
    for (const k of onStack) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
  }
  for (const [k, us] of inclusive) {
    if (!agg.has(k)) {
      const at = k.lastIndexOf('@');
      agg.set(k, { functionName: k.slice(0, at), location: k.slice(at + 1), selfMs: 0, selfPct: 0 });
    }
  }
  const out = [...agg.entries()].map(([k, h]) => ({ ...h, selfPct: total ? (100 * h.selfMs * 1000) / total : 0, totalPct: total ? (100 * (inclusive.get(k) ?? 0)) / total : 0 }));
  return out.sort((a, b) => b.selfMs - a.selfMs);
}

/**
 * Profiles engine.check on `file` in a child `node --cpu-prof` and returns the hot spots. The engine is bundled
 * with esbuild first (as dist/ is), so the profile sees the shipped code and maps back to source lines.
 */
export function profileCheck(file: string, workDir: string, seconds = 3, dataDir?: string): HotSpot[] {
  const dir = fs.mkdtempSync(path.join(workDir, 'prof-'));
  const bundle = path.join(dir, 'profile-bundle.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('esbuild').buildSync({ entryPoints: [path.join(__dirname, 'profile.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, logLevel: 'error', define: { 'process.env.FACTCHECK_PROFILE_CHILD': '"1"' } });
  const argv = ['--cpu-prof', `--cpu-prof-dir=${dir}`, bundle, file, '--seconds', String(seconds)];
  argv.push('--data', dataDir ?? path.join(REPO_ROOT, 'data')); // the bundle cannot find the repository by itself
  const r = spawnSync(process.execPath, argv, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`profile run failed: ${r.stderr}`);
  const prof = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!prof) return [];
  const hot = summarize(JSON.parse(fs.readFileSync(path.join(dir, prof), 'utf8')) as CpuProfile, sourceMapper(bundle));
  // Keep a copy for DevTools (outside the checkout: the profile is large and not for git).
  fs.copyFileSync(path.join(dir, prof), path.join(os.tmpdir(), 'factcheck-check.cpuprofile'));
  return hot;
}

if (require.main === module || process.env.FACTCHECK_PROFILE_CHILD === '1') {
  const args = process.argv.slice(2);
  const file = args[0];
  const seconds = Number(args[args.indexOf('--seconds') + 1] || 3);
  const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadDataset, createEngine } = require('../server/src/engine') as typeof import('../server/src/engine');
  const dir = dataDir ?? path.join(REPO_ROOT, 'data');
  const dataset = loadDataset(dir, path.join(dir, '..', 'seeds'));
  const text = fs.readFileSync(file, 'utf8');
  const end = Date.now() + seconds * 1000;
  let n = 0;
  // A fresh engine each time: the engine caches per segment, and a cached re-check is not the check.
  while (Date.now() < end || n === 0) { createEngine(dataset, { seedsDir: path.join(dir, '..', 'seeds') }).check(text); n++; }
  process.stdout.write(`${n} checks\n`);
}
