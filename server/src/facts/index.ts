// Lookups over the dataset, built once per load: the alias matcher that finds people, places and named events
// in prose, place containment, and the events and coverage a claim can be judged against.

import type { Coverage, Dataset, FactEvent, Person, Place } from './types';

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

/**
 * The words of a text, lower-cased, with their offsets: parallel arrays rather than an object a word, because a
 * check scans every word of a draft and the allocations would cost more than the scan.
 */
export interface Words { t: string[]; start: Int32Array; end: Int32Array; length: number }

/**
 * The words of a text. Lower-casing the whole text once is much cheaper than a word at a time; when that changes
 * the length (a few letters lower-case to two code units), offsets would drift, so the exact tokenizer is used.
 */
export function wordsOf(text: string, into?: Words): Words {
  const lower = text.toLowerCase();
  const out = into ?? makeWords(Math.max(16, text.length >> 3));
  out.length = 0;
  if (lower.length === text.length) scanWords(lower, out);
  else regexWords(text, out);
  // A reused buffer keeps its arrays; only the words of this text count.
  out.t.length = out.length;
  return out;
}

/**
 * An empty word buffer to pass to wordsOf again and again: a check scans thousands of blocks, and typed arrays are
 * costly to allocate. Its contents are only valid until the next wordsOf into it.
 */
export function wordBuffer(): Words {
  return makeWords(1024);
}

/** Word characters of lower-cased text: digits, a-z, and letters and marks past Latin-1 outside punctuation blocks. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return c === 0xb5 || (c >= 0xc0 && c <= 0x1fff && c !== 0xd7 && c !== 0xf7) || (c >= 0x2c00 && c <= 0x2dff) || (c >= 0x2e80 && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

function makeWords(capacity: number): Words {
  return { t: [], start: new Int32Array(capacity), end: new Int32Array(capacity), length: 0 };
}

function addWord(w: Words, t: string, start: number, end: number): void {
  if (w.length === w.start.length) {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2 + 16);
      b.set(a);
      return b;
    };
    w.start = grow(w.start);
    w.end = grow(w.end);
  }
  w.t[w.length] = t;
  w.start[w.length] = start;
  w.end[w.length] = end;
  w.length++;
}

/** Words of a lower-cased text by a loop over its code units: no regular expression, no match arrays. */
function scanWords(lower: string, out: Words): void {
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && i - start < 100 && isWordCode(lower.charCodeAt(i))) i++;
    addWord(out, lower.slice(start, i), start, i);
  }
}

function regexWords(text: string, out: Words): void {
  const re = new RegExp(WORD.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) addWord(out, m[0].toLowerCase(), m.index, m.index + m[0].length);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class FactIndex {
  readonly people = new Map<string, Person>();
  readonly places = new Map<string, Place>();
  readonly events = new Map<string, FactEvent>();
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
  private readonly namedEvents: FactEvent[] = [];

  constructor(readonly dataset: Dataset) {
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
    }
    for (const e of dataset.events) {
      this.events.set(e.id, e);
      // Actors, then the others, each person once.
      const { actors } = e;
      for (let i = 0; i < actors.length; i++) if (actors.indexOf(actors[i]) === i) push(this.eventsByPerson, actors[i], e);
      if (e.with) {
        const w = e.with;
        for (let i = 0; i < w.length; i++) if (!actors.includes(w[i]) && w.indexOf(w[i]) === i) push(this.eventsByPerson, w[i], e);
      }
      if (e.type === 'event' && e.keywords) {
        this.namedEvents.push(e);
        for (const k of e.keywords) this.addAlias(k, 'event', e.id, false, false);
      }
      // The groups of its actors (all people are known by now), each group once.
      for (const a of actors) {
        const groups = this.people.get(a)?.groups;
        if (!groups) continue;
        for (const g of groups) {
          const list = this.eventsByGroup.get(g);
          if (!list) this.eventsByGroup.set(g, [e]);
          else if (list[list.length - 1] !== e) list.push(e);
        }
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

  /**
   * Every alias occurrence in the text, longest match first, non-overlapping. Linear in the text: one pass over its
   * words with a map lookup each, whatever the size of the dataset.
   */
  findEntities(text: string, words: Words = wordsOf(text)): EntityHit[] {
    const hits: EntityHit[] = [];
    const { t, start, end } = words;
    for (let i = 0; i < words.length; i++) {
      const cands = this.aliases.get(t[i]);
      if (!cands) continue;
      for (const c of cands) {
        if (i + c.tokens.length > words.length) continue;
        let ok = true;
        for (let k = 1; k < c.tokens.length && ok; k++) {
          // Tokens of one alias are adjacent: separated by at most a space, hyphen or period.
          ok = t[i + k] === c.tokens[k] && start[i + k] - end[i + k - 1] <= 2;
        }
        if (!ok) continue;
        if (c.caseSensitive && !/\p{Lu}/u.test(text[start[i]])) continue;
        hits.push({ kind: c.kind, id: c.id, start: start[i], end: end[i + c.tokens.length - 1], epithet: c.epithet });
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
