// Turns the reviewed annotations (YAML) plus the seed texts into the dataset. Used by `npm run data` and by the
// test that fails when the committed data/facts.json is stale.

import { parse as parseYaml } from 'yaml';
import type { Source } from '../types';
import type { Coverage, Dataset, FactEvent, Person, Place, SeedInfo, When } from './types';
import { expandWhen } from '../dates/when';
import { readSeeds, quoteLine, type SeedText } from './seeds';
import { referenceProblems } from './references';

export { referenceProblems };

type Raw = Record<string, any>;

export function buildDataset(annotationsYaml: string, seedsDir: string): Dataset {
  const raw = parseYaml(annotationsYaml) as Raw;
  const seeds = readSeeds(seedsDir);
  const where = (ctx: string) => (msg: string) => new Error(`data/annotations.yaml: ${ctx}: ${msg}`);

  const seedFile = (prefix: string, ctx: string): SeedText => {
    const s = seeds.find((x) => x.file.startsWith(String(prefix)));
    if (!s) throw where(ctx)(`no seed file starts with "${prefix}"`);
    return s;
  };
  const source = (r: Raw, ctx: string): Source => {
    const s = seedFile(r.seed, ctx);
    const line = quoteLine(s.text, r.quote);
    if (line === undefined) throw where(ctx)(`quote not verbatim in seeds/${s.file}: "${r.quote}"`);
    return { seed: s.file, line, quote: r.quote };
  };
  const sources = (r: Raw, ctx: string): Source[] => {
    const list: Raw[] = r.sources ?? (r.source ? [r.source] : []);
    if (list.length === 0) throw where(ctx)('no source');
    return list.map((x) => source(x, ctx));
  };
  const when = (w: unknown, ctx: string): { when: When; arrival?: string } => {
    try {
      if (typeof w === 'string' || typeof w === 'number') return { when: expandWhen(String(w)) };
      if (w && typeof w === 'object') {
        const o = w as Raw;
        return { when: expandWhen(String(o.range), o.text), ...(o.arrival ? { arrival: String(o.arrival) } : {}) };
      }
    } catch (e) {
      throw where(ctx)((e as Error).message);
    }
    throw where(ctx)('no `when`');
  };
  const iso = (d: unknown): string => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

  const seedInfos: SeedInfo[] = (raw.seeds as Raw[]).map((r) => {
    const s = seedFile(r.seed, `seed ${r.seed}`);
    const info: SeedInfo = {
      file: s.file,
      title: r.title,
      referenceDate: iso(r.date),
      referenceDateBasis: r.basis,
      reasoning: r.reasoning ?? `Dateline: "${r.quote}".`,
    };
    if (r.quote) info.source = source({ seed: r.seed, quote: r.quote }, `seed ${r.seed}`);
    return info;
  });

  const places: Place[] = (raw.places as Raw[]).map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    ...(r.country ? { country: r.country } : {}),
    ...(r.within ? { within: r.within } : {}),
    aliases: r.aliases,
    ...(r.demonyms ? { demonyms: r.demonyms } : {}),
    ...(r.region ? { region: r.region } : {}),
    ...(r.note ? { note: r.note } : {}),
    sources: sources(r, `place ${r.id}`),
  }));

  const people: Person[] = (raw.people as Raw[]).map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    ...(r.country ? { country: r.country } : {}),
    aliases: r.aliases,
    ...(r.epithets ? { epithets: r.epithets } : {}),
    ...(r.roles
      ? {
          roles: (r.roles as Raw[]).map((x) => ({
            title: x.title,
            ...(x.country ? { country: x.country } : {}),
            asOf: iso(x.asOf),
            sources: sources(x, `role of ${r.id}`),
          })),
        }
      : {}),
    ...(r.groups ? { groups: r.groups } : {}),
    sources: sources(r, `person ${r.id}`),
  }));

  const events: FactEvent[] = (raw.events as Raw[]).map((r) => {
    const { when: w, arrival } = when(r.when, `event ${r.id}`);
    return {
      id: r.id,
      type: r.type,
      ...(r.kind ? { kind: r.kind } : {}),
      ...(r.keywords ? { keywords: r.keywords } : {}),
      ...(r.recurring ? { recurring: true } : {}),
      actors: r.actors ?? [],
      ...(r.with ? { with: r.with } : {}),
      ...(r.place ? { place: r.place } : {}),
      when: w,
      ...(arrival ? { arrival } : {}),
      ...(r.amounts ? { amounts: (r.amounts as Raw[]).map((a) => ({ value: Number(a.value), unit: a.unit, text: String(a.text), about: a.about })) } : {}),
      status: r.status ?? 'done',
      label: r.label,
      ...(r.note ? { note: String(r.note).trim() } : {}),
      sources: sources(r, `event ${r.id}`),
    };
  });

  const coverage: Coverage[] = (raw.coverage as Raw[]).map((r) => ({
    id: r.id,
    type: r.type,
    subject: r.subject,
    ...(r.with ? { with: r.with } : {}),
    ...(r.place ? { place: r.place } : {}),
    ...(r.from ? { from: iso(r.from) } : {}),
    to: iso(r.to),
    members: r.members,
    statement: r.statement,
    sources: sources(r, `coverage ${r.id}`),
  }));

  const dataset: Dataset = { version: 1, seeds: seedInfos, people, places, events, coverage };
  const problems = referenceProblems(dataset);
  if (problems.length) throw new Error(`data/annotations.yaml: ${problems.join('; ')}`);
  return dataset;
}
