// Every id a fact refers to must be defined: checked by the annotations build and by the loader.

import type { Dataset, FactEvent } from './types';

const PERSON = 1;
const PLACE = 2;
const COVERAGE = 4;

// The events by id that a check without problems built, for the fact index to take over: a large dataset has about
// 90,000 events, and a map of them is the largest thing either builds.
const eventMaps = new WeakMap<Dataset, Map<string, FactEvent>>();

/** The events of `d` by id, if referenceProblems found none in it; once. */
export function takeEventsById(d: Dataset): Map<string, FactEvent> | undefined {
  const events = eventMaps.get(d);
  eventMaps.delete(d);
  return events;
}

/**
 * Ids that facts refer to but that the dataset does not define. Shared with the loader. Plain loops with no
 * closure, spread or intermediate array per fact, and a message built only for a failure: a large dataset makes
 * hundreds of thousands of these checks.
 */
export function referenceProblems(d: Dataset): string[] {
  // Every id once, with the kinds it is defined as: one hash per id rather than one per kind set and one more for
  // the duplicate check; events apart, by id, as the index wants them. Duplicates are found in list order, as they
  // are reported, after the references.
  const kinds = new Map<string, number>();
  const events = new Map<string, FactEvent>();
  const duplicates: string[] = [];
  const define = (list: { id: string }[], kind: number): void => {
    for (let i = 0; i < list.length; i++) {
      const id = list[i].id;
      const known = kinds.get(id);
      if (known === undefined && !events.has(id)) kinds.set(id, kind);
      else {
        duplicates.push(`duplicate id "${id}"`);
        kinds.set(id, (known ?? 0) | kind);
      }
    }
  };
  define(d.people, PERSON);
  define(d.places, PLACE);
  const is = (id: string, kind: number): boolean => ((kinds.get(id) ?? 0) & kind) !== 0;
  // People and places are all defined by now, and nothing later defines either: their references, then each event's
  // as it is defined, in one pass over the largest list.
  const out: string[] = [];
  for (const p of d.places) {
    if (p.country && !is(p.country, PLACE)) out.push(`place ${p.id}: unknown country "${p.country}"`);
    if (p.within && !is(p.within, PLACE)) out.push(`place ${p.id}: unknown place "${p.within}"`);
  }
  for (const p of d.people) if (p.country && !is(p.country, PLACE)) out.push(`person ${p.id}: unknown country "${p.country}"`);
  for (let i = 0; i < d.events.length; i++) {
    const e = d.events[i];
    const size = events.size;
    events.set(e.id, e);
    if (events.size === size || kinds.has(e.id)) duplicates.push(`duplicate id "${e.id}"`);
    for (const a of e.actors) if (!is(a, PERSON)) out.push(`event ${e.id}: unknown person "${a}"`);
    if (e.with) for (const a of e.with) if (!is(a, PERSON)) out.push(`event ${e.id}: unknown person "${a}"`);
    if (e.place && !is(e.place, PLACE)) out.push(`event ${e.id}: unknown place "${e.place}"`);
  }
  define(d.coverage, COVERAGE);
  const groups = new Set<string>();
  for (const p of d.people) if (p.groups) for (const g of p.groups) groups.add(g);
  for (const c of d.coverage) {
    if (!is(c.subject, PERSON) && !groups.has(c.subject)) out.push(`coverage ${c.id}: unknown subject "${c.subject}"`);
    if (c.with && !is(c.with, PERSON)) out.push(`coverage ${c.id}: unknown person "${c.with}"`);
    if (c.place && !is(c.place, PLACE)) out.push(`coverage ${c.id}: unknown place "${c.place}"`);
    for (const m of c.members) if (!events.has(m)) out.push(`coverage ${c.id}: unknown event "${m}"`);
  }
  if (out.length === 0 && duplicates.length === 0) eventMaps.set(d, events);
  return duplicates.length ? out.concat(duplicates) : out;
}
