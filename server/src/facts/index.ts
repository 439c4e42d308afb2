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

interface AliasEntry { kind: EntityKind; id: string; tokens: string[]; hashes: number[]; caseSensitive: boolean; epithet: boolean }

// Bounded: an unbounded run over a 5 MB "word" overflows the regular expression stack. No name is this long.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]{0,99}/gu;

function tokensOf(s: string): string[] {
  return s.match(WORD)?.map((t) => t.toLowerCase()) ?? [];
}

/**
 * The words of a text, lower-cased, with their offsets: parallel arrays rather than an object a word, because a
 * check scans every word of a draft and the allocations would cost more than the scan. A word is not cut out as a
 * string until someone asks for it (wordText): lookups go by the hash the scan works out as it reads each word.
 */
export interface Words {
  /**
   * The lower-cased text the words lie in (word i is lower[start[i], end[i])), or null when lower-casing changed the
   * text's length and each word was lower-cased alone: then t holds them.
   */
  lower: string | null;
  t: string[];
  start: Int32Array;
  end: Int32Array;
  /** hashWord of each word. */
  hash: Int32Array;
  length: number;
}

/**
 * The words of a text. Lower-casing the whole text once is much cheaper than a word at a time; when that changes
 * the length (a few letters lower-case to two code units), offsets would drift, so the exact tokenizer is used.
 */
export function wordsOf(text: string, into?: Words): Words {
  const lower = text.toLowerCase();
  const out = into ?? makeWords(Math.max(16, text.length >> 3));
  out.length = 0;
  if (lower.length === text.length) {
    out.lower = lower;
    if (out.t.length > 0) out.t.length = 0; // words of an earlier text cut out one by one
    scanWords(lower, out);
  } else {
    out.lower = null;
    regexWords(text, out);
    // A reused buffer keeps its arrays; only the words of this text count.
    out.t.length = out.length;
  }
  return out;
}

/** Word i of `w`, as a string. */
export function wordText(w: Words, i: number): string {
  return w.lower !== null ? w.lower.slice(w.start[i], w.end[i]) : w.t[i];
}

/** Whether word i of `w` is `word` (lower-case), without cutting it out. */
export function wordIs(w: Words, i: number, word: string): boolean {
  return w.lower !== null ? w.end[i] - w.start[i] === word.length && w.lower.startsWith(word, w.start[i]) : w.t[i] === word;
}

/** The hash a word scan works out for a lower-case word, code unit by code unit. */
export function hashWord(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) h = (Math.imul(h, 31) + w.charCodeAt(i)) | 0;
  return h;
}

/**
 * A set of lower-case words to test the words of a text against: a bit per hash (modulo 4096) rules out most words
 * with one load, and only a word that passes is cut out and looked up.
 */
export class WordSet {
  private readonly words: Set<string>;
  private readonly bits = new Uint32Array(128);
  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      const b = hashWord(w) & 4095;
      this.bits[b >>> 5] |= 1 << (b & 31);
    }
  }
  /** Whether word i of `w` is in the set. */
  hasWord(w: Words, i: number): boolean {
    const b = w.hash[i] & 4095;
    return (this.bits[b >>> 5] & (1 << (b & 31))) !== 0 && this.words.has(wordText(w, i));
  }
}

/**
 * Values by lower-case word, found for word i of a scanned text by the hash the scan worked out and compared in place:
 * no string is cut out to look a word up. Open addressing over at least twice `capacity` slots; it takes no more
 * than `capacity` words.
 */
export class WordMap<V> {
  private readonly slots: Int32Array;
  private readonly words: string[] = [];
  private readonly values: V[] = [];
  constructor(private readonly capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
  }

  /** The value of word i of `w`, or undefined. */
  get(w: Words, i: number): V | undefined {
    const slots = this.slots;
    const mask = slots.length - 1;
    for (let p = w.hash[i] & mask; slots[p] >= 0; p = (p + 1) & mask) {
      if (wordIs(w, i, this.words[slots[p]])) return this.values[slots[p]];
    }
    return undefined;
  }

  /** Adds `word` (lower-case, not yet in the map) with its value; does nothing once the map holds `capacity` words. */
  add(word: string, value: V): void {
    if (this.words.length >= this.capacity) return;
    const slots = this.slots;
    const mask = slots.length - 1;
    let p = hashWord(word) & mask;
    while (slots[p] >= 0) p = (p + 1) & mask;
    slots[p] = this.words.length;
    this.words.push(word);
    this.values.push(value);
  }
}

/**
 * An empty word buffer to pass to wordsOf again and again: a check scans thousands of blocks, and typed arrays are
 * costly to allocate. Its contents are only valid until the next wordsOf into it.
 */
export function wordBuffer(): Words {
  return makeWords(1024);
}

/** Whether the code unit at `at` is an upper-case letter: by its code for ASCII, by Unicode's Lu beyond. */
function isUpperAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return c < 128 ? c >= 65 && c <= 90 : /\p{Lu}/u.test(text[at]);
}

/** Word characters of lower-cased text: digits, a-z, and letters and marks past Latin-1 outside punctuation blocks. */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return c === 0xb5 || (c >= 0xc0 && c <= 0x1fff && c !== 0xd7 && c !== 0xf7) || (c >= 0x2c00 && c <= 0x2dff) || (c >= 0x2e80 && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

function makeWords(capacity: number): Words {
  return { lower: null, t: [], start: new Int32Array(capacity), end: new Int32Array(capacity), hash: new Int32Array(capacity), length: 0 };
}

function addWord(w: Words, start: number, end: number, hash: number): void {
  if (w.length === w.start.length) {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2 + 16);
      b.set(a);
      return b;
    };
    w.start = grow(w.start);
    w.end = grow(w.end);
    w.hash = grow(w.hash);
  }
  w.start[w.length] = start;
  w.end[w.length] = end;
  w.hash[w.length] = hash;
  w.length++;
}

/** Words of a lower-cased text by a loop over its code units: no regular expression, no match arrays, no strings. */
function scanWords(lower: string, out: Words): void {
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let h = 0; // hashWord, worked out as the word is read
    while (i < n && i - start < 100 && isWordCode((c = lower.charCodeAt(i)))) {
      h = (Math.imul(h, 31) + c) | 0;
      i++;
    }
    addWord(out, start, i, h);
  }
}

function regexWords(text: string, out: Words): void {
  const re = new RegExp(WORD.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0].toLowerCase();
    out.t[out.length] = t;
    addWord(out, m.index, m.index + m[0].length, hashWord(t));
  }
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
  /** The same, looked up by a scanned word in place. */
  private readonly byFirstToken: WordMap<AliasEntry[]>;
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
    this.byFirstToken = new WordMap(2 * this.aliases.size);
    for (const [token, list] of this.aliases) this.byFirstToken.add(token, list);
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
    list.push({ kind, id, tokens, hashes: tokens.map(hashWord), caseSensitive, epithet });
  }

  /**
   * Every alias occurrence in the text, longest match first, non-overlapping. Linear in the text: one pass over its
   * words with a table probe each, whatever the size of the dataset.
   */
  findEntities(text: string, words: Words = wordsOf(text)): EntityHit[] {
    const hits: EntityHit[] = [];
    const { start, end, hash } = words;
    for (let i = 0; i < words.length; i++) {
      const cands = this.byFirstToken.get(words, i);
      if (!cands) continue;
      for (const c of cands) {
        if (i + c.tokens.length > words.length) continue;
        let ok = true;
        for (let k = 1; k < c.tokens.length && ok; k++) {
          // Tokens of one alias are adjacent: separated by at most a space, hyphen or period.
          ok = hash[i + k] === c.hashes[k] && start[i + k] - end[i + k - 1] <= 2 && wordIs(words, i + k, c.tokens[k]);
        }
        if (!ok) continue;
        if (c.caseSensitive && !isUpperAt(text, start[i])) continue;
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
