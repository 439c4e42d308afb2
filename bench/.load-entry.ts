
import { loadDataset, createEngine } from '../server/src/engine';
const dir = process.argv[2];
const n = Number(process.argv[3] ?? 1);
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t0 = performance.now();
  const d = loadDataset(dir, dir + '/../seeds');
  const t1 = performance.now();
  createEngine(d, { seedsDir: dir + '/../seeds' });
  const t2 = performance.now();
  times.push(t2 - t0);
  console.log('load', (t1 - t0).toFixed(0), 'create', (t2 - t1).toFixed(0), 'total', (t2 - t0).toFixed(0));
}
