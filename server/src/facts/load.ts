// Loads data/facts.json: parse, validate against data/facts.schema.json (ajv), check that ids resolve and that
// every quote is verbatim in its seed at the stated line. Any failure is one DatasetError naming file and field.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject, default as AjvClass } from 'ajv';
import type { Dataset } from './types';
import { referenceProblems } from './references';
import { quoteLine } from './seeds';
import { dateProblem } from './dateChecks';
import { oneLine } from '../controls';
import schema from '../../../data/facts.schema.json';

export class DatasetError extends Error {
  readonly detail: string;
  constructor(readonly file: string, readonly field: string, detail: string) {
    // One line, whatever the detail holds (JSON.parse quotes the text around a syntax error, newlines included).
    const d = oneLine(detail);
    super(oneLine(`${file}: ${field ? field + ': ' : ''}${d}`));
    this.detail = d;
    this.name = 'DatasetError';
  }
}

export { defaultDataDir, defaultSeedsDir } from './paths';
import { defaultDataDir } from './paths';

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
let validator: Validate | undefined;

/** The schema's validator: precompiled by esbuild.mjs into the bundles; compiled here when run from sources. */
function schemaValidator(): Validate {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const compiled = require('factcheck:schema-validator');
    return (compiled.default ?? compiled) as Validate;
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
    // Read, then decode: for a large file this is markedly faster than asking readFileSync for a string.
    text = fs.readFileSync(file).toString('utf8');
    // A byte-order mark, as some editors write one, is no part of the JSON.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } catch (e) {
    throw new DatasetError(file, '', `cannot read the dataset (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DatasetError(file, '', `not valid JSON: ${(e as Error).message}`);
  }
  validator ??= schemaValidator();
  if (!validator(data)) {
    const err = validator.errors![0];
    const field = err.instancePath || '/';
    const allowed = err.params && 'allowedValues' in err.params ? ` (${(err.params.allowedValues as unknown[]).join(', ')})` : '';
    const extra = err.params && 'additionalProperty' in err.params ? ` "${err.params.additionalProperty}"` : '';
    throw new DatasetError(file, field, `${err.message}${extra}${allowed}`);
  }
  const dataset = data as Dataset;
  // The schema checks a date's shape; the calendar and the order of a range are checked here.
  const badDate = dateProblem(dataset);
  if (badDate) throw new DatasetError(file, badDate[0], badDate[1]);
  const problems = referenceProblems(dataset);
  if (problems.length) {
    const at = problems[0].indexOf(': ');
    throw at >= 0 ? new DatasetError(file, problems[0].slice(0, at), problems[0].slice(at + 2)) : new DatasetError(file, 'id', problems[0]);
  }
  verifyQuotes(dataset, file, seedsDir);
  return dataset;
}

type Sourced = { seed: string; line: number; quote: string };

/**
 * Every quote verbatim in its seed, starting on the stated line. Each seed's quotes are located once (a large
 * dataset cites the same sentences many times); a field path is built only for a failure.
 */
function verifyQuotes(d: Dataset, file: string, seedsDir: string): void {
  const bySeed = new Map<string, SeedQuotes>();
  const check = (sources: Sourced[], field: () => string): void => {
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      let seed = bySeed.get(s.seed);
      if (!seed) bySeed.set(s.seed, (seed = new SeedQuotes(path.join(seedsDir, s.seed))));
      let line = seed.lines.get(s.quote);
      if (line === undefined && !seed.lines.has(s.quote)) {
        if (seed.text === null) throw new DatasetError(file, `${field()}/sources/${i}/seed`, `no seed file "${s.seed}" in ${seedsDir}`);
        seed.lines.set(s.quote, (line = quoteLine(seed.text, s.quote)));
      }
      if (line === s.line) continue;
      if (line === undefined) throw new DatasetError(file, `${field()}/sources/${i}/quote`, `quote not verbatim in seeds/${s.seed}: "${s.quote.slice(0, 80)}"`);
      throw new DatasetError(file, `${field()}/sources/${i}/line`, `the quote is on line ${line} of seeds/${s.seed}, not ${s.line}`);
    }
  };
  // The field path of item i of a list, as a function: called only to name a failure.
  let list = '';
  let i = 0;
  let j = 0;
  const item = () => `/${list}/${i}`;
  const role = () => `/people/${i}/roles/${j}`;
  list = 'people';
  for (i = 0; i < d.people.length; i++) {
    const p = d.people[i];
    check(p.sources, item);
    if (p.roles) for (j = 0; j < p.roles.length; j++) check(p.roles[j].sources, role);
  }
  list = 'places';
  for (i = 0; i < d.places.length; i++) check(d.places[i].sources, item);
  list = 'events';
  for (i = 0; i < d.events.length; i++) check(d.events[i].sources, item);
  list = 'coverage';
  for (i = 0; i < d.coverage.length; i++) check(d.coverage[i].sources, item);
  list = 'seeds';
  for (i = 0; i < d.seeds.length; i++) {
    const source = d.seeds[i].source;
    if (source) check([source], item);
  }
}

/** A seed's text (null when it cannot be read) and the line of each quote looked up in it (undefined: not there). */
class SeedQuotes {
  readonly text: string | null;
  readonly lines = new Map<string, number | undefined>();
  constructor(file: string) {
    let text: string | null;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      text = null;
    }
    this.text = text;
  }
}
