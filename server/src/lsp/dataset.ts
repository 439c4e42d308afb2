// Loads the dataset and keeps the last good engine. A broken dataset (bad JSON, schema error, a quote that is not
// in its seed) never takes the server down: the error is reported once, clearly, and the previous engine stays.

import * as fs from 'fs';
import * as path from 'path';
import type { Engine } from '../engine';
import { defaultDataDir, defaultSeedsDir } from '../facts/paths';
import { oneLine } from '../controls';

// The engine (chrono-node, markdown-it, yaml) is loaded on first use, after `initialize` has been answered:
// an editor waits for nothing it does not need yet.
type EngineModule = typeof import('../engine');
let engineModule: EngineModule | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const engineApi = (): EngineModule => (engineModule ??= require('../engine') as EngineModule);

export interface DataLocation {
  dataDir: string;
  seedsDir: string;
}

/** initializationOptions.dataDir / seedsDir, then FACTCHECK_DATA_DIR / FACTCHECK_SEEDS_DIR, then the bundled data. */
export function resolveDataLocation(options: { dataDir?: unknown; seedsDir?: unknown } | undefined): DataLocation {
  const env = process.env;
  const dataOpt = typeof options?.dataDir === 'string' && options.dataDir ? options.dataDir : env.FACTCHECK_DATA_DIR;
  const seedsOpt = typeof options?.seedsDir === 'string' && options.seedsDir ? options.seedsDir : env.FACTCHECK_SEEDS_DIR;
  const dataDir = dataOpt ? path.resolve(dataOpt) : defaultDataDir();
  let seedsDir: string;
  if (seedsOpt) seedsDir = path.resolve(seedsOpt);
  else if (dataOpt && fs.existsSync(path.join(dataDir, '..', 'seeds'))) seedsDir = path.join(dataDir, '..', 'seeds');
  else seedsDir = defaultSeedsDir();
  return { dataDir, seedsDir };
}

export function describeDatasetError(err: unknown, location: DataLocation): string {
  if (err && typeof err === 'object' && 'file' in err && 'message' in err) {
    const e = err as { file?: string; field?: string; detail?: string; message: string };
    const file = e.file ? e.file : path.join(location.dataDir, 'facts.json');
    const field = e.field ? `, field ${e.field}` : '';
    return oneLine(`Fact Check: the dataset is broken: ${file}${field}: ${e.detail ?? e.message}`);
  }
  const message = err instanceof Error ? err.message : String(err);
  return oneLine(`Fact Check: could not load the dataset from ${location.dataDir}: ${message}`);
}

export interface LoadOutcome {
  ok: boolean;
  /** The error message, when not ok. */
  message?: string;
}

export class DatasetHolder {
  engine: Engine | undefined;
  /** Bumped on every successful load, so cached check results can tell they are stale. */
  generation = 0;
  lastError: string | undefined;

  constructor(public location: DataLocation) {}

  load(): LoadOutcome {
    try {
      const { loadDataset, createEngine } = engineApi();
      const dataset = loadDataset(this.location.dataDir, this.location.seedsDir);
      const engine = createEngine(dataset, { seedsDir: this.location.seedsDir });
      this.engine = engine;
      this.generation++;
      this.lastError = undefined;
      return { ok: true };
    } catch (err) {
      const message = describeDatasetError(err, this.location);
      this.lastError = message;
      return { ok: false, message };
    }
  }

  stats(): { facts: number; sources: number } | undefined {
    const d = this.engine?.dataset;
    if (!d) return undefined;
    return {
      facts: (d.events?.length ?? 0) + (d.coverage?.length ?? 0),
      sources: d.seeds?.length ?? 0,
    };
  }
}
