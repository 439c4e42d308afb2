// Loads data/facts.json: parse, validate against data/facts.schema.json (ajv), check that ids resolve and that
// every quote is verbatim in its seed at the stated line. Any failure is one DatasetError naming file and field.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, default as AjvClass } from 'ajv';
import type { Dataset } from './types';
import { referenceProblems } from './references';
import { quoteLine } from './seeds';
import schema from '../../../data/facts.schema.json';

export class DatasetError extends Error {
  constructor(readonly file: string, readonly field: string, readonly detail: string) {
    super(`${file}: ${field ? field + ': ' : ''}${detail}`);
    this.name = 'DatasetError';
  }
}

export { defaultDataDir, defaultSeedsDir } from './paths';
import { defaultDataDir } from './paths';

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validate: Validate | undefined;

/** The schema validator: precompiled by esbuild.mjs into the bundles; compiled here when run from sources. */
function schemaValidator(): Validate {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('factcheck:schema-validator');
    return (mod.default ?? mod) as Validate;
  } catch {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv').default as typeof AjvClass;
    return new Ajv({ allErrors: false, strict: false }).compile(schema) as Validate;
  }
}

export function loadDataset(dataDir = defaultDataDir(), seedsDir = path.join(dataDir, '..', 'seeds')): Dataset {
  const file = path.join(dataDir, 'facts.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new DatasetError(file, '', `cannot read the dataset (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DatasetError(file, '', `not valid JSON: ${(e as Error).message}`);
  }
  validate ??= schemaValidator();
  if (!validate(data)) {
    const err = validate.errors![0];
    const field = err.instancePath || '/';
    const allowed = err.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as unknown[]).join(', ')})` : '';
    const extra = err.params && 'additionalProperty' in err.params ? ` "${err.params.additionalProperty}"` : '';
    throw new DatasetError(file, field, `${err.message}${extra}${allowed}`);
  }
  const dataset = data as Dataset;
  const problems = referenceProblems(dataset);
  if (problems.length) {
    const at = problems[0].indexOf(': ');
    throw at >= 0 ? new DatasetError(file, problems[0].slice(0, at), problems[0].slice(at + 2)) : new DatasetError(file, 'id', problems[0]);
  }
  verifyQuotes(dataset, file, seedsDir);
  return dataset;
}

function verifyQuotes(d: Dataset, file: string, seedsDir: string): void {
  const texts = new Map<string, string | null>();
  const seedText = (seed: string): string | null => {
    if (!texts.has(seed)) {
      try {
        texts.set(seed, fs.readFileSync(path.join(seedsDir, seed), 'utf8'));
      } catch {
        texts.set(seed, null);
      }
    }
    return texts.get(seed)!;
  };
  // Each seed's quotes are located once: a large dataset cites the same sentences many times.
  const lines = new Map<string, Map<string, number | undefined>>();
  const check = (sources: { seed: string; line: number; quote: string }[], field: string) =>
    sources.forEach((s, i) => {
      let located = lines.get(s.seed);
      if (!located) lines.set(s.seed, (located = new Map()));
      let line = located.get(s.quote);
      if (line === undefined && !located.has(s.quote)) {
        const text = seedText(s.seed);
        if (text === null) throw new DatasetError(file, `${field}/sources/${i}/seed`, `no seed file "${s.seed}" in ${seedsDir}`);
        located.set(s.quote, (line = quoteLine(text, s.quote)));
      }
      if (line === undefined) throw new DatasetError(file, `${field}/sources/${i}/quote`, `quote not verbatim in seeds/${s.seed}: "${s.quote.slice(0, 80)}"`);
      if (line !== s.line) throw new DatasetError(file, `${field}/sources/${i}/line`, `the quote is on line ${line} of seeds/${s.seed}, not ${s.line}`);
    });
  d.people.forEach((p, i) => {
    check(p.sources, `/people/${i}`);
    p.roles?.forEach((r, j) => check(r.sources, `/people/${i}/roles/${j}`));
  });
  d.places.forEach((p, i) => check(p.sources, `/places/${i}`));
  d.events.forEach((e, i) => check(e.sources, `/events/${i}`));
  d.coverage.forEach((c, i) => check(c.sources, `/coverage/${i}`));
  d.seeds.forEach((s, i) => s.source && check([s.source], `/seeds/${i}`));
}
