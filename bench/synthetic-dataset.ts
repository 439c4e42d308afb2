// A synthetic dataset for the scale benchmark: the real dataset plus 10,000 generated people and 100,000 facts
// about them (visits, meetings, calls and complete-coverage statements). Every source is one the real dataset
// cites (seed, line and verbatim quote), so the loader's quote check passes and the quotes are as long as real ones:
// the clause that states a fact (64 characters on average), not a whole seed sentence (115).
//
//   npx tsx bench/synthetic-dataset.ts [OUT_DIR] [--people N] [--facts N]
//
// writes OUT_DIR/data/facts.json and OUT_DIR/seeds/ (the layout of the repository) and prints the data folder.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Dataset, Person, Place, FactEvent, Coverage } from '../server/src/facts/types';
import type { Source } from '../server/src/types';
import { prng, SEEDS_DIR, REPO_ROOT } from './drafts';
import { datasetJson } from '../server/src/facts/json';

const GIVEN = ['Anton', 'Boris', 'Chen', 'Dara', 'Elif', 'Farid', 'Galina', 'Hamid', 'Irina', 'Jonas', 'Kamal', 'Lena', 'Milos', 'Nadia', 'Oleg', 'Priya', 'Quan', 'Rustam', 'Sana', 'Timur'];
const SYL = ['ka', 'lo', 'mir', 'ven', 'dra', 'sko', 'tul', 'bar', 'nek', 'zhi', 'pol', 'ras', 'gun', 'vel', 'tor', 'min', 'esh', 'dov', 'lin', 'yar'];

/** A unique capitalised surname per index: three syllables in base 20 plus a suffix. */
function surname(i: number): string {
  const a = SYL[i % 20], b = SYL[Math.floor(i / 20) % 20], c = SYL[Math.floor(i / 400) % 20], d = SYL[Math.floor(i / 8000) % 20];
  const s = a + b + c + (i >= 8000 ? d : '') + 'ov';
  return s[0].toUpperCase() + s.slice(1);
}

export interface SyntheticOptions { people?: number; facts?: number; seed?: number }

export function buildSyntheticDataset(base: Dataset, options: SyntheticOptions = {}): Dataset {
  const nPeople = options.people ?? 10_000;
  const nFacts = options.facts ?? 100_000;
  const rnd = prng(options.seed ?? 42);
  const cited = citedSources(base);
  const source = (): Source => ({ ...cited[Math.floor(rnd() * cited.length)] });

  // Places: the real ones plus synthetic cities in the real countries.
  const countries = base.places.filter((p) => p.kind === 'country');
  const places: Place[] = [...base.places];
  const cityIds: string[] = [];
  for (let i = 0; i < 500; i++) {
    const country = countries[i % Math.max(1, countries.length)];
    const name = `${surname(i + 20_000).replace(/ov$/, 'grad')}`;
    const id = `syn-city-${i}`;
    places.push({ id, name, kind: 'city', country: country?.id, aliases: [name], sources: [source()] });
    cityIds.push(id);
  }

  const people: Person[] = [...base.people];
  const synthetic: Person[] = [];
  for (let i = 0; i < nPeople; i++) {
    const last = surname(i);
    const name = `${GIVEN[i % GIVEN.length]} ${last}`;
    const p: Person = {
      id: `syn-person-${i}`,
      name,
      role: `Minister of Synthetic Affairs ${i}`,
      country: countries.length ? countries[i % countries.length].id : undefined,
      aliases: [name, last],
      sources: [source()],
    };
    synthetic.push(p);
    people.push(p);
  }

  // Facts: per person, events in one destination country across a few years, and one coverage statement
  // per person listing every visit of one year (so the coverage is complete and in date order).
  const events: FactEvent[] = [...base.events];
  const coverage: Coverage[] = [...base.coverage];
  const perPerson = Math.max(1, Math.floor(nFacts / nPeople) - 1); // events per person; one more fact is coverage
  const pad = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < synthetic.length; i++) {
    const p = synthetic[i];
    const cityId = cityIds[i % cityIds.length];
    const city = places.find((x) => x.id === cityId)!; // 500 entries: cheap enough for a generator
    const year = 2015 + (i % 9);
    const visits: FactEvent[] = [];
    for (let k = 0; k < perPerson; k++) {
      const type = k % 3 === 0 ? 'visit' : k % 3 === 1 ? 'meeting' : 'call';
      const month = 1 + ((k * 5 + i) % 12);
      const day = 1 + ((k * 7 + i) % 28);
      const date = `${year}-${pad(month)}-${pad(day)}`;
      const other = synthetic[(i + k + 1) % synthetic.length];
      const e: FactEvent = {
        id: `syn-e-${i}-${k}`,
        type,
        actors: type === 'visit' ? [p.id] : [p.id, other.id],
        with: type === 'visit' ? [] : undefined,
        place: type === 'call' ? undefined : cityId,
        when: { start: date, end: date, precision: 'day', text: date },
        status: 'done',
        label: `${p.name} ${type} ${type === 'call' ? other.name : city.name}`,
        sources: [source()],
      };
      if (type === 'visit') delete e.with;
      events.push(e);
      if (type === 'visit') visits.push(e);
    }
    visits.sort((a, b) => a.when.start.localeCompare(b.when.start));
    coverage.push({
      id: `syn-c-${i}`,
      type: 'visit',
      subject: p.id,
      place: city.country ?? cityId,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      members: visits.map((v) => v.id),
      statement: `${visits.length} visits to ${city.name} in ${year}`,
      sources: [source()],
    });
  }
  return { ...base, places, people, events, coverage };
}

/** Every source the dataset cites, once. */
function citedSources(d: Dataset): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  const add = (sources: Source[]) => {
    for (const s of sources) {
      const key = `${s.seed}\0${s.line}\0${s.quote}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(s);
      }
    }
  };
  for (const p of d.people) {
    add(p.sources);
    for (const r of p.roles ?? []) add(r.sources);
  }
  for (const list of [d.places, d.events, d.coverage]) for (const x of list) add(x.sources);
  if (out.length === 0) throw new Error('the base dataset cites no source: nothing to quote');
  return out;
}

export function countFacts(d: Dataset): number {
  return d.events.length + d.coverage.length;
}

/**
 * Writes `dataset` as a data folder the loader reads: ROOT/data/facts.json beside ROOT/seeds (a copy of the
 * real seeds), the layout of the repository. Returns the data folder (ROOT/data), what `loadDataset(dir)` and the
 * server's `initializationOptions.dataDir` take.
 */
export function writeDataDir(dataset: Dataset, root: string): string {
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'facts.json'), datasetJson(dataset));
  const seedsCopy = path.join(root, 'seeds');
  fs.mkdirSync(seedsCopy, { recursive: true });
  for (const f of fs.readdirSync(SEEDS_DIR)) fs.copyFileSync(path.join(SEEDS_DIR, f), path.join(seedsCopy, f));
  return dataDir;
}

export function readRealDataset(): Dataset {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data', 'facts.json'), 'utf8')) as Dataset;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : undefined; };
  const out = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--'))) ?? fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-synthetic-'));
  const d = buildSyntheticDataset(readRealDataset(), { people: opt('--people'), facts: opt('--facts') });
  const dataDir = writeDataDir(d, out);
  console.log(`${dataDir}: ${d.people.length} people, ${countFacts(d)} facts (${d.events.length} events, ${d.coverage.length} coverage)`);
}
