// Lookups over the dataset, built once per load: the alias matcher that finds people, places and named events
// in prose, place containment, and the events and coverage a claim can be judged against.

import type { Coverage, Dataset, FactEvent, Person, Place } from './types';
import { takeEventsById } from './references';

export type EntityKind = 'person' | 'place' | 'event';

export interface EntityHit {
  kind: EntityKind;
  id: string;
  /** Offsets in the searched text. */
  start: number;
  end: number;
  /** An epithet ("the Belarusian leader") rather than a name. */
  epithet: boolean;
}

interface AliasEntry { kind: EntityKind; id: string; tokens: string[]; caseSensitive: boolean; epithet: boolean }

// Bounded: an unbounded run over a 5 MB "word" overflows the regular expression stack. No name is this long.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]{0,99}/gu;

function tokensOf(s: string): string[] {
  return s.match(WORD)?.map((t) => t.toLowerCase()) ?? [];
}

/** Appends `value` to the list of `key`; `once`: not when it is already the list's last item. */
function push<T>(map: Map<string, T[]>, key: string, value: T, once = false): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!once || list[list.length - 1] !== value) list.push(value);
}

export class FactIndex {
  readonly people = new Map<string, Person>();
  readonly places = new Map<string, Place>();
  readonly events: Map<string, FactEvent>;
  /** First token of an alias → the aliases that start with it, longest first. */
  private readonly aliases = new Map<string, AliasEntry[]>();
  private readonly eventsByPerson = new Map<string, FactEvent[]>();
  /** Events whose actors include a member of the group, by group id. */
  private readonly eventsByGroup = new Map<string, FactEvent[]>();
  /** Coverage by type and by the person or group it is about (either side of a meeting). */
  private readonly coverageByParty = new Map<string, Coverage[]>();
  /** Holders of a role, by "title|country". */
  private readonly roleHolders = new Map<string, Person[]>();
  /** Countries by demonym ("Iranian" → iran). */
  private readonly byDemonym = new Map<string, Place>();
  private readonly countryNames = new Map<string, Place>();
  private readonly namedEvents: FactEvent[] = [];

  constructor(readonly dataset: Dataset) {
    // The loader's reference check has built the events by id already, unless the dataset did not come from it.
    const loaded = takeEventsById(dataset);
    this.events = loaded ?? new Map();
    // Plain loops: no spread, Set or closure per fact, and each list walked once where the order allows.
    for (const p of dataset.people) {
      this.people.set(p.id, p);
      for (const a of p.aliases) this.addAlias(a, 'person', p.id, true, false);
      if (p.epithets) for (const a of p.epithets) this.addAlias(a, 'person', p.id, false, true);
      if (p.roles) {
        for (let i = 0; i < p.roles.length; i++) {
          const key = `${p.roles[i].title}|${p.roles[i].country ?? ''}`;
          let first = true;
          for (let k = 0; k < i && first; k++) first = key !== `${p.roles[k].title}|${p.roles[k].country ?? ''}`;
          if (first) push(this.roleHolders, key, p);
        }
      }
    }
    for (const p of dataset.places) {
      this.places.set(p.id, p);
      for (const a of p.aliases) this.addAlias(a, 'place', p.id, !a.startsWith('the '), false);
      if (p.kind === 'country' && p.demonyms) for (const d of p.demonyms) this.byDemonym.set(d, p);
      if (p.kind === 'country') for (const a of p.aliases) this.countryNames.set(a, p);
    }
    // The few people in groups, apart: an actor's groups are then looked up in a table of a handful, not of everyone.
    const groupsOf = new Map<string, string[]>();
    for (const p of dataset.people) if (p.groups && p.groups.length > 0) groupsOf.set(p.id, p.groups);
    for (const e of dataset.events) {
      if (!loaded) this.events.set(e.id, e);
      // Actors, then the others, each person once; and the groups of its actors, each group once.
      const { actors } = e;
      for (let i = 0; i < actors.length; i++) {
        const a = actors[i];
        if (i > 0 && actors.indexOf(a) !== i) continue;
        push(this.eventsByPerson, a, e);
        const groups = groupsOf.size > 0 ? groupsOf.get(a) : undefined;
        if (groups) for (const g of groups) push(this.eventsByGroup, g, e, true);
      }
      if (e.with) {
        const w = e.with;
        for (let i = 0; i < w.length; i++) if (!actors.includes(w[i]) && w.indexOf(w[i]) === i) push(this.eventsByPerson, w[i], e);
      }
      if (e.type === 'event' && e.keywords) {
        this.namedEvents.push(e);
        for (const k of e.keywords) this.addAlias(k, 'event', e.id, false, false);
      }
    }
    for (const list of this.aliases.values()) if (list.length > 1) list.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const c of dataset.coverage) {
      push(this.coverageByParty, `${c.type}|${c.subject}`, c);
      if (c.with) push(this.coverageByParty, `${c.type}|${c.with}`, c);
    }
  }

  private addAlias(alias: string, kind: EntityKind, id: string, caseSensitive: boolean, epithet: boolean): void {
    const tokens = tokensOf(alias);
    if (tokens.length === 0) return;
    let list = this.aliases.get(tokens[0]);
    if (!list) this.aliases.set(tokens[0], (list = []));
    list.push({ kind, id, tokens, caseSensitive, epithet });
  }

  /** Every alias occurrence in the text, longest match first, non-overlapping: one table lookup a word. */
  findEntities(text: string): EntityHit[] {
    const hits: EntityHit[] = [];
    const words = [...text.matchAll(WORD)].map((m) => ({ lower: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length }));
    for (let i = 0; i < words.length; i++) {
      const cands = this.aliases.get(words[i].lower);
      if (!cands) continue;
      for (const c of cands) {
        if (i + c.tokens.length > words.length) continue;
        let ok = true;
        // Tokens of one alias are adjacent: separated by at most a space, hyphen or period.
        for (let k = 1; k < c.tokens.length && ok; k++) ok = words[i + k].lower === c.tokens[k] && words[i + k].start - words[i + k - 1].end <= 2;
        if (!ok) continue;
        if (c.caseSensitive && !/^\p{Lu}/u.test(text[words[i].start])) continue;
        hits.push({ kind: c.kind, id: c.id, start: words[i].start, end: words[i + c.tokens.length - 1].end, epithet: c.epithet });
        i += c.tokens.length - 1;
        break;
      }
    }
    return hits;
  }

  /** Whether place `inner` is, or lies within, place `outer`. */
  within(inner: string, outer: string): boolean {
    for (let p: string | undefined = inner, n = 0; p && n < 8; n++) {
      if (p === outer) return true;
      const place: Place | undefined = this.places.get(p);
      p = place?.within ?? (place?.country !== p ? place?.country : undefined);
    }
    return false;
  }

  /** One place lies within the other (Beijing and China; Mehrabad and Tehran). */
  compatiblePlaces(a: string, b: string): boolean {
    return this.within(a, b) || this.within(b, a);
  }

  countryOf(place: string): string | undefined {
    const p = this.places.get(place);
    return p?.kind === 'country' ? p.id : p?.country;
  }

  eventsOf(person: string): FactEvent[] {
    return this.eventsByPerson.get(person) ?? [];
  }

  eventsOfGroup(group: string): FactEvent[] {
    return this.eventsByGroup.get(group) ?? [];
  }

  holdersOf(title: string, country: string): Person[] {
    return this.roleHolders.get(`${title}|${country}`) ?? [];
  }

  countryByDemonym(demonym: string): Place | undefined {
    return this.byDemonym.get(demonym);
  }

  /** A country by one of its names: "Iran" (as in "Iran's Supreme Leader"). */
  countryByName(name: string): Place | undefined {
    return this.countryNames.get(name);
  }

  /** Whether anyone in the dataset belongs to the group ("european-leader"). */
  hasGroup(group: string): boolean {
    return this.eventsByGroup.has(group) || this.dataset.people.some((p) => p.groups?.includes(group));
  }

  isInGroup(person: string, group: string): boolean {
    return this.people.get(person)?.groups?.includes(group) ?? false;
  }

  /** Coverage statements that apply to a subject (a person or a group the person belongs to). */
  coverageFor(type: Coverage['type'], subject: string, opts: { place?: string; with?: string }): Coverage[] {
    const parties = [subject, ...(this.people.get(subject)?.groups ?? [])];
    const pool: Coverage[] = [];
    for (const p of parties) for (const c of this.coverageByParty.get(`${type}|${p}`) ?? []) if (pool.indexOf(c) < 0) pool.push(c);
    return pool.filter((c) => {
      if (c.type !== type) return false;
      if (c.subject !== subject && !this.isInGroup(subject, c.subject) && !(c.with === subject && opts.with === c.subject)) return false;
      if (type === 'visit') {
        // A list of visits to a country covers visits to its cities; a list for a city says nothing of the country.
        return !!opts.place && !!c.place && this.within(opts.place, c.place);
      }
      const other = c.subject === subject || this.isInGroup(subject, c.subject) ? c.with : c.subject;
      return !!opts.with && other === opts.with;
    });
  }
}
