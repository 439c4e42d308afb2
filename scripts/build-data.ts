// `npm run data`: derives data/facts.json from data/annotations.yaml and seeds/, reproducibly.
// Every quote is checked verbatim against its seed and given its line; `when` shorthand is expanded;
// every id that a fact refers to must exist. The output is written with stable key order, as ASCII (see facts/json.ts).
//
// Usage: node dist/build-data.js [--check]   (--check: exit 1 when data/facts.json is stale, write nothing)

import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDataset } from '../server/src/facts/build';
import { datasetJson } from '../server/src/facts/json';

const root = path.resolve(__dirname, '..');
const annotationsPath = path.join(root, 'data', 'annotations.yaml');
const outPath = path.join(root, 'data', 'facts.json');

try {
  const dataset = buildDataset(fs.readFileSync(annotationsPath, 'utf8'), path.join(root, 'seeds'));
  const json = datasetJson(dataset, 2);
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(outPath) ? fs.readFileSync(outPath, 'utf8') : '';
    if (current !== json) {
      console.error('data/facts.json is stale: run `npm run data`');
      process.exit(1);
    }
    console.log('data/facts.json is up to date');
  } else {
    fs.writeFileSync(outPath, json);
    const n = dataset.people.length + dataset.places.length + dataset.events.length + dataset.coverage.length;
    console.log(`wrote data/facts.json: ${n} facts from ${dataset.seeds.length} seeds`);
  }
} catch (e) {
  console.error(`npm run data: ${(e as Error).message}`);
  process.exit(2);
}
