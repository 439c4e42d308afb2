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
/**
 * The same words over lower-cased text without Unicode property lookups: ASCII letters and digits, Latin-1 and
 * later letters and marks, but not the punctuation blocks (general punctuation, quotes, dashes, symbols).
 */
const FAST_WORD = /[0-9a-z\u00b5\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2dff\u2e80-\ud7ff\uf900-\ufdff\ufe70-\ufeff][0-9a-z\u00b5\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2dff\u2e80-\ud7ff\uf900-\ufdff\ufe70-\ufeff\u0300-\u036f]{0,99}/g;

function tokensOf(s: string): string[] {
  return s.match(WORD)?.map((t) => t.toLowerCase()) ?? [];
}

export class FactIndex {
  readonly people = new Map<string, Person>();
  readonly places = new Map<string, Place>();
  readonly events = new Map<string, FactEvent>();
  /** First token of an alias → the aliases that start with it, longest first. */
  private readonly aliases = new Map<string, AliasEntry[]>();
  private readonly eventsByPerson = new Map<string, FactEvent[]>();
  private readonly namedEvents: FactEvent[] = [];

  constructor(readonly dataset: Dataset) {
    for (const p of dataset.people) {
      this.people.set(p.id, p);
      for (const a of p.aliases) this.addAlias(a, 'person', p.id, true, false);
      for (const a of p.epithets ?? []) this.addAlias(a, 'person', p.id, false, true);
    }
    for (const p of dataset.places) {
      this.places.set(p.id, p);
      for (const a of p.aliases) this.addAlias(a, 'place', p.id, !a.startsWith('the '), false);
    }
    for (const e of dataset.events) {
      this.events.set(e.id, e);
      for (const who of new Set([...e.actors, ...(e.with ?? [])])) {
        let list = this.eventsByPerson.get(who);
        if (!list) this.eventsByPerson.set(who, (list = []));
        list.push(e);
      }
      if (e.type === 'event' && e.keywords) {
        this.namedEvents.push(e);
        for (const k of e.keywords) this.addAlias(k, 'event', e.id, false, false);
      }
    }
    for (const list of this.aliases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
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
  findEntities(text: string): EntityHit[] {
    const hits: EntityHit[] = [];
    // Lower-casing the whole text once is much cheaper than a word at a time; when it changes the length
    // (a few letters lower-case to two code units), offsets would drift, so fall back to the exact tokenizer.
    const lower = text.toLowerCase();
    const fast = lower.length === text.length;
    const src = fast ? lower : text;
    const re = new RegExp(fast ? FAST_WORD.source : WORD.source, fast ? 'g' : 'gu');
    const next = new RegExp(WORD.source, 'gu');
    for (let m = re.exec(src); m; m = re.exec(src)) {
      const cands = this.aliases.get(fast ? m[0] : m[0].toLowerCase());
      if (!cands) continue;
      // Only words that start an alias look further, so the cost stays with the text, not the dataset.
      const follow: { t: string; start: number; end: number }[] = [];
      const word = (k: number) => {
        while (follow.length < k) {
          const prevEnd = follow.length ? follow[follow.length - 1].end : m!.index + m![0].length;
          next.lastIndex = prevEnd;
          const w = next.exec(text);
          // Tokens of one alias are adjacent: separated by at most a space, hyphen or period.
          if (!w || w.index - prevEnd > 2) return undefined;
          follow.push({ t: w[0].toLowerCase(), start: w.index, end: w.index + w[0].length });
        }
        return follow[k - 1];
      };
      for (const c of cands) {
        let end = m.index + m[0].length;
        let ok = true;
        for (let k = 1; k < c.tokens.length && ok; k++) {
          const w = word(k);
          ok = !!w && w.t === c.tokens[k];
          if (ok) end = w!.end;
        }
        if (!ok) continue;
        if (c.caseSensitive && !/\p{Lu}/u.test(text[m.index])) continue;
        hits.push({ kind: c.kind, id: c.id, start: m.index, end, epithet: c.epithet });
        re.lastIndex = end;
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

  isInGroup(person: string, group: string): boolean {
    return this.people.get(person)?.groups?.includes(group) ?? false;
  }

  /** Coverage statements that apply to a subject (a person or a group the person belongs to). */
  coverageFor(type: Coverage['type'], subject: string, opts: { place?: string; with?: string }): Coverage[] {
    return this.dataset.coverage.filter((c) => {
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
