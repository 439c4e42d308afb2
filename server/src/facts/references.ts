// Every id a fact refers to must be defined: checked by the annotations build and by the loader.

import type { Dataset } from './types';

/** Ids that facts refer to but that the dataset does not define. Shared with the loader. */
export function referenceProblems(d: Dataset): string[] {
  const people = new Set(d.people.map((p) => p.id));
  const places = new Set(d.places.map((p) => p.id));
  const events = new Set(d.events.map((e) => e.id));
  const groups = new Set(d.people.flatMap((p) => p.groups ?? []));
  const out: string[] = [];
  // The message is built only for a failure: a large dataset makes hundreds of thousands of these checks.
  const need = (ok: boolean, what: () => string) => ok || out.push(what());
  for (const p of d.places) {
    if (p.country) need(places.has(p.country), () => `place ${p.id}: unknown country "${p.country}"`);
    if (p.within) need(places.has(p.within), () => `place ${p.id}: unknown place "${p.within}"`);
  }
  for (const p of d.people) if (p.country) need(places.has(p.country), () => `person ${p.id}: unknown country "${p.country}"`);
  for (const e of d.events) {
    for (const a of [...e.actors, ...(e.with ?? [])]) need(people.has(a), () => `event ${e.id}: unknown person "${a}"`);
    if (e.place) need(places.has(e.place), () => `event ${e.id}: unknown place "${e.place}"`);
  }
  for (const c of d.coverage) {
    need(people.has(c.subject) || groups.has(c.subject), () => `coverage ${c.id}: unknown subject "${c.subject}"`);
    if (c.with) need(people.has(c.with), () => `coverage ${c.id}: unknown person "${c.with}"`);
    if (c.place) need(places.has(c.place), () => `coverage ${c.id}: unknown place "${c.place}"`);
    for (const m of c.members) need(events.has(m), () => `coverage ${c.id}: unknown event "${m}"`);
  }
  const ids = [...d.people, ...d.places, ...d.events, ...d.coverage].map((x) => x.id);
  const seen = new Set<string>();
  for (const id of ids) {
    need(!seen.has(id), () => `duplicate id "${id}"`);
    seen.add(id);
  }
  return out;
}
