import { buildDraft } from './drafts';
import { createEngine, loadDataset } from '../server/src/engine';
const ds = loadDataset('/work/main/data', '/work/main/seeds');
const warm = createEngine(ds, { seedsDir: 'seeds' });
for (let i = 0; i < 3; i++) warm.check(buildDraft({ words: 10_000 }, 7 + i).text);
const d10 = buildDraft({ words: 10_000 }).text;
const full: number[] = [];
for (let i = 0; i < 20; i++) { (globalThis as any).gc?.(); const e = createEngine(ds, { seedsDir: 'seeds' }); const a = performance.now(); e.check(d10, { document: 'a' }); full.push(performance.now() - a); }
const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log('10k fresh median', med(full).toFixed(1), 'min', full[0].toFixed(1));
