import * as fs from 'node:fs';
import * as path from 'node:path';
import { summarize } from './profile';
import { SourceMap } from 'node:module';
const [dir, bundle] = process.argv.slice(2);
const f = fs.readdirSync(dir).find((x) => x.endsWith('.cpuprofile'))!;
const prof = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
const map = new SourceMap(JSON.parse(fs.readFileSync(bundle + '.map', 'utf8')));
const abs = path.resolve(bundle);
const mapper = (url: string, line: number, col: number) => {
  if (url !== 'file://' + abs) return undefined;
  const e = map.findEntry(line, col) as any;
  return e?.originalSource ? `${path.basename(e.originalSource)}:${e.originalLine + 1}` : undefined;
};
const hot = summarize(prof, mapper);
console.log('SELF');
for (const h of hot.slice(0, 25)) console.log(h.selfMs.toFixed(0).padStart(6), h.selfPct.toFixed(1).padStart(5), h.functionName, h.location);
console.log('TOTAL');
for (const h of [...hot].sort((a, b) => (b.totalPct ?? 0) - (a.totalPct ?? 0)).slice(0, 30)) console.log((h.totalPct ?? 0).toFixed(1).padStart(5), h.functionName, h.location);
