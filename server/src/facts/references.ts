// Every id a fact refers to must be defined: checked by the annotations build and by the loader.

import type { Dataset } from './types';

/**
 * Ids that facts refer to but that the dataset does not define. Shared with the loader. Plain loops with no
 * closure, spread or intermediate array per fact, and a message built only for a failure: a large dataset makes
 * hundreds of thousands of these checks.
 */
export function referenceProblems(d: Dataset): string[] {
  const people = new Set<string>();
  const groups = new Set<string>();
  for (const p of d.people) {
    people.add(p.id);
    if (p.groups) for (const g of p.groups) groups.add(g);
  }
  const places = new Set<string>();
  for (const p of d.places) places.add(p.id);
  const events = new Set<string>();
  for (const e of d.events) events.add(e.id);
  const out: string[] = [];
  for (const p of d.places) {
    if (p.country && !places.has(p.country)) out.push(`place ${p.id}: unknown country "${p.country}"`);
    if (p.within && !places.has(p.within)) out.push(`place ${p.id}: unknown place "${p.within}"`);
  }
  for (const p of d.people) if (p.country && !places.has(p.country)) out.push(`person ${p.id}: unknown country "${p.country}"`);
  for (const e of d.events) {
    for (const a of e.actors) if (!people.has(a)) out.push(`event ${e.id}: unknown person "${a}"`);
    if (e.with) for (const a of e.with) if (!people.has(a)) out.push(`event ${e.id}: unknown person "${a}"`);
    if (e.place && !places.has(e.place)) out.push(`event ${e.id}: unknown place "${e.place}"`);
  }
  for (const c of d.coverage) {
    if (!people.has(c.subject) && !groups.has(c.subject)) out.push(`coverage ${c.id}: unknown subject "${c.subject}"`);
    if (c.with && !people.has(c.with)) out.push(`coverage ${c.id}: unknown person "${c.with}"`);
    if (c.place && !places.has(c.place)) out.push(`coverage ${c.id}: unknown place "${c.place}"`);
    for (const m of c.members) if (!events.has(m)) out.push(`coverage ${c.id}: unknown event "${m}"`);
  }
  const seen = new Set<string>();
  for (const list of [d.people, d.places, d.events, d.coverage] as { id: string }[][]) {
    for (const x of list) {
      if (seen.has(x.id)) out.push(`duplicate id "${x.id}"`);
      else seen.add(x.id);
    }
  }
  return out;
}
