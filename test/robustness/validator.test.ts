// The shipped loader (dist/engine.js) validates with code that esbuild.mjs generated from the schema: one validator
// that only says whether a dataset is valid, and ajv's own, asked after a rejection to name the field. Both must
// decide as ajv compiled from data/facts.schema.json decides (the loader run from sources), on every kind of break.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './harness';
import { realDataset, writeData } from './datasets';
import { loadDataset as loadFromSources } from '../../server/src/facts/load';

const BUNDLE = path.join(ROOT, 'dist', 'engine.js');

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Edit = { name: string; apply: (root: Json) => void };

/** Every value's path in the dataset, with the value. */
function* walk(value: Json, at: (string | number)[] = []): Generator<[(string | number)[], Json]> {
  yield [at, value];
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walk(value[i], [...at, i]);
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) yield* walk(value[k], [...at, k]);
}

function parentOf(root: Json, at: (string | number)[]): Record<string | number, Json> {
  let v = root as Record<string | number, Json>;
  for (const k of at.slice(0, -1)) v = v[k] as Record<string | number, Json>;
  return v;
}

/** For each value: a value of another type in its place; for each object: one key gone, one key too many. */
function edits(dataset: Json): Edit[] {
  const out: Edit[] = [];
  for (const [at, value] of walk(dataset)) {
    const where = at.length ? '/' + at.join('/') : '';
    const key = at[at.length - 1];
    if (at.length > 0) {
      const wrong: Json = typeof value === 'string' ? 7 : typeof value === 'number' ? 'seven' : Array.isArray(value) ? {} : value && typeof value === 'object' ? [] : 'x';
      out.push({ name: `${where} := ${JSON.stringify(wrong)}`, apply: (r) => { parentOf(r, at)[key] = wrong; } });
      if (typeof value === 'string') out.push({ name: `${where} := ""`, apply: (r) => { parentOf(r, at)[key] = ''; } });
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const first = Object.keys(value)[0];
      if (first) out.push({ name: `delete ${where}/${first}`, apply: (r) => { delete (at.length ? (parentOf(r, at)[key] as Record<string, Json>) : (r as Record<string, Json>))[first]; } });
      out.push({ name: `${where}/extra := 1`, apply: (r) => { (at.length ? (parentOf(r, at)[key] as Record<string, Json>) : (r as Record<string, Json>)).extra = 1; } });
    }
  }
  return out;
}

const outcome = (load: (dir: string, seeds: string) => unknown, dir: string, seeds: string): string => {
  try {
    load(dir, seeds);
    return 'loaded';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('robustness: the shipped validator decides as ajv does', function () {
  this.timeout(120_000);
  let shipped: (dir: string, seeds: string) => unknown;
  before(function () {
    if (!fs.existsSync(BUNDLE)) this.skip();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    shipped = (require(BUNDLE) as typeof import('../../server/src/engine')).loadDataset;
  });

  it('on a broken copy for every value and object of the dataset, each loader gives the same message', () => {
    const base = realDataset() as unknown as Json;
    const all = edits(base);
    // Every third edit, and all of the first 200: the whole sweep takes a few seconds more and finds nothing more.
    const chosen = all.filter((_, i) => i < 200 || i % 3 === 0);
    assert.ok(chosen.length > 300, `${chosen.length} edits`);
    const w = writeData(realDataset());
    try {
      const differ: string[] = [];
      let rejected = 0;
      for (const e of chosen) {
        const d = structuredClone(base);
        e.apply(d);
        fs.writeFileSync(w.file, JSON.stringify(d));
        const a = outcome(shipped, w.dataDir, w.seedsDir);
        const b = outcome(loadFromSources, w.dataDir, w.seedsDir);
        if (a !== 'loaded') rejected++;
        if (a !== b) differ.push(`${e.name}\n  shipped: ${a}\n  ajv:     ${b}`);
      }
      assert.deepEqual(differ, []);
      // The sweep is worth something only if most of its edits break the dataset.
      assert.ok(rejected > chosen.length * 0.6, `${rejected} of ${chosen.length} rejected`);
    } finally {
      fs.rmSync(w.root, { recursive: true, force: true });
    }
  });
});
