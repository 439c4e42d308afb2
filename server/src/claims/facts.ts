// What the dataset says about a resolved frame: the known events it can be, the one it is about, the complete lists
// (coverage) it can be counted against, and the words and quotes a finding is written with. Shapes judge through
// these; none of them reads the sentence again.

import type { Coverage, FactEvent } from '../facts/types';
import type { FactIndex } from '../facts/index';
import type { Source } from '../types';
import type { ResolvedFrame } from './context';
import { dayNumber, gapDays, type DayRange } from '../dates/iso';
import { formatDay, type DateExpr } from '../dates/expressions';
import { ANY_LEADER, LEADER_NOUNS, TITLE_WORDS } from './lexicon';

/** How near the reference date an event must be to be the one a present or undated claim speaks of, in days. */
export const CURRENT_EVENT_DAYS = 45;
/** How far apart a claimed day and a known one may be and still be the same trip or call, in days. */
export const SAME_EVENT_DAYS: Record<string, number> = { visit: 10, meeting: 10, talk: 3, call: 1 };
/** How many days after an event a draft is taken to report on it. */
export const REPORTING_DAYS = 7;

export class Facts {
  constructor(readonly index: FactIndex) {}

  /** A person's name as messages use it: the first one-word alias ("Putin", "Xi"), or "any European leader". */
  name(id: string): string {
    const p = this.index.people.get(id);
    if (p) return p.aliases.find((a) => !a.includes(' ')) ?? p.name;
    const group = /^(\w+)-leader$/.exec(id);
    if (!group) return id;
    // "any foreign leader"; "any European leader", a proper adjective.
    const word = ANY_LEADER.has(group[1]) ? group[1] : group[1][0].toUpperCase() + group[1].slice(1);
    return `any ${word} leader`;
  }

  placeName(id: string): string {
    return this.index.places.get(id)?.name ?? id;
  }

  event(id: string): FactEvent | undefined {
    return this.index.events.get(id);
  }

  range(e: FactEvent, arrival = false): DayRange {
    return arrival && e.arrival ? { start: e.arrival, end: e.arrival } : { start: e.when.start, end: e.when.end };
  }

  whenText(e: FactEvent, arrival = false): string {
    if (arrival && e.arrival) return formatDay(e.arrival, { dayFirst: false, withYear: true, shortMonth: false });
    return e.when.text;
  }

  homeCountry(person: string): string | undefined {
    return this.index.people.get(person)?.country;
  }

  /** Known visits, meetings or calls that the frame's people, action and place could be. */
  candidates(c: ResolvedFrame, opts: { ignorePlace?: boolean } = {}): FactEvent[] {
    const s = c.who;
    const f = c.frame;
    if (c.event) return [c.event];
    if (!s || c.unknown) return [];
    const pool = this.index.people.has(s) ? this.index.eventsOf(s) : this.index.eventsOfGroup(s);
    return pool.filter((e) => {
      if (e.type === 'event') return false;
      const placeOk = opts.ignorePlace || !c.where || (!!e.place && this.index.compatiblePlaces(c.where.id, e.place));
      if (!placeOk) return false;
      const subjectIn = e.actors.includes(s) || (!this.index.people.has(s) && e.actors.some((a) => this.index.isInGroup(a, s)));
      const everyone = e.with ? e.actors.concat(e.with) : e.actors;
      const othersIn = c.others.every((o) => everyone.includes(o));
      switch (f.action) {
        case 'visit': {
          if (e.type !== 'visit' || !subjectIn) return false;
          const home = this.homeCountry(s);
          if (c.where && home && this.index.within(c.where.id, home)) return false;
          return othersIn && (!!c.where || opts.ignorePlace === true);
        }
        case 'meeting':
          if (!othersIn || (c.others.length === 0 && !c.where)) return false;
          return (e.type === 'meeting' || e.type === 'visit') && everyone.includes(s);
        case 'talk':
          return othersIn && c.others.length > 0 && everyone.includes(s);
        case 'call':
          return e.type === 'call' && othersIn && c.others.length > 0;
      }
    });
  }

  /** Complete lists the frame can be counted against. */
  coverage(c: ResolvedFrame): Coverage[] {
    const f = c.frame;
    if (!c.who || c.unknown) return [];
    if (f.action === 'visit') return c.where ? this.index.coverageFor('visit', c.who, { place: c.where.id }) : [];
    if (c.others.length !== 1) return [];
    return this.index.coverageFor(f.action === 'call' ? 'call' : 'meeting', c.who, { with: c.others[0] });
  }

  covers(cov: Coverage, r: DayRange): boolean {
    return (!cov.from || cov.from <= r.start) && r.end <= cov.to;
  }

  /** The event a present-tense or dated claim speaks of: the candidate nearest its date, or the reference date. */
  currentEvent(c: ResolvedFrame, ref: string, ignorePlace = false): FactEvent | undefined {
    if (c.event) return c.event;
    const d = c.frame.when;
    const at: DayRange = d && d.precision !== 'year' ? { start: d.from, end: d.to } : { start: ref, end: ref };
    let best: FactEvent | undefined;
    let bestGap = Infinity;
    for (const e of this.candidates(c, { ignorePlace })) {
      const gap = gapDays(at, this.range(e));
      if (gap < bestGap) [best, bestGap] = [e, gap];
    }
    return bestGap <= CURRENT_EVENT_DAYS ? best : undefined;
  }

  nearest(events: FactEvent[], r: DayRange, arrival: boolean): FactEvent | undefined {
    let best: FactEvent | undefined;
    let bestGap = Infinity;
    for (const e of events) {
      const g = gapDays(r, this.range(e, arrival));
      if (g < bestGap) [best, bestGap] = [e, g];
    }
    return best;
  }

  private readonly telling = new WeakMap<FactEvent, Set<string>>();

  /**
   * How many of the words that tell this event apart (its quotes' longer words, not names, places or common words:
   * "Ryanair", "pricing", "Afghanistan") the sentence uses.
   */
  topicWords(e: FactEvent, sentence: string): number {
    let words = this.telling.get(e);
    if (!words) {
      const names = new Set<string>();
      for (const p of this.index.dataset.people) for (const a of [...p.aliases, ...(p.epithets ?? [])]) for (const w of a.toLowerCase().split(/\s+/)) names.add(w);
      for (const p of this.index.dataset.places) for (const a of [...p.aliases, ...(p.demonyms ?? [])]) for (const w of a.toLowerCase().split(/\s+/)) names.add(w);
      words = new Set();
      // Not the event's kind ("working", "state"), which another visit can share.
      for (const s of e.sources) for (const w of s.quote.toLowerCase().match(/\p{L}{5,}/gu) ?? []) if (!COMMON_WORDS.has(w) && !names.has(w) && !TITLE_WORDS.has(w) && !LEADER_NOUNS.has(w) && w !== e.kind && w !== 'nature') words.add(w);
      this.telling.set(e, words);
    }
    let n = 0;
    for (const w of new Set(sentence.toLowerCase().match(/\p{L}{5,}/gu) ?? [])) if (words.has(w)) n++;
    return n;
  }

  /** The quotes that decide a finding, each once, the given items' first. At most `max`. */
  sourcesOf(items: ({ sources: Source[] } | undefined)[], max = 2): Source[] {
    const out: Source[] = [];
    for (const it of items) for (const s of it?.sources ?? []) if (!out.some((o) => o.seed === s.seed && o.quote === s.quote)) out.push(s);
    return out.slice(0, max);
  }

  /** A date replacement in the writer's style, when one value is right. */
  dateFix(d: DateExpr, e: FactEvent, arrival: boolean, ref: string): string | undefined {
    if (d.joined || d.ahead) return undefined;
    const r = this.range(e, arrival);
    // "the summer of 2020" → "the summer of 2019", when the event lies in that season of its year.
    if (d.season) {
      const m = +r.start.slice(5, 7);
      const [a, b] = [+d.from.slice(5, 7), +d.to.slice(5, 7)];
      return m >= a && m <= b && r.start.slice(0, 4) === r.end.slice(0, 4) ? d.text.replace(/\d{4}/, r.start.slice(0, 4)) : undefined;
    }
    if (d.ago) {
      if (r.start !== r.end) return undefined;
      const days = dayNumber(ref) - dayNumber(r.start);
      return days > 0 ? agoWords(days, d.ago.unit) : undefined;
    }
    if (d.precision === 'day' && r.start === r.end) return formatDay(r.start, d.style);
    if (d.precision === 'year' && r.start.slice(0, 4) === r.end.slice(0, 4) && d.relative === undefined) return r.start.slice(0, 4);
    if ((d.precision === 'month' || d.precision === 'part-of-month') && r.start.slice(0, 7) === r.end.slice(0, 7) && (e.when.precision === 'month' || e.when.precision === 'part-of-month')) {
      const words = e.when.text.replace(/,? \d{4}$/, '');
      return d.style.withYear ? e.when.text : words;
    }
    return undefined;
  }
}

/** Words too common in this news to tie a sentence to one event. */
const COMMON_WORDS = new Set(
  'about after again april august before being between december discuss discussed discusses discussing during early february first january later leader leaders march meeting meetings other president recently scheduled september since their there these those through together visit visited visiting visits which while would november october would country countries state talks trip trips upcoming according statement following previous'.split(' '),
);

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "five days ago", "two weeks ago", "a year ago": the day counted back in the writer's unit. */
export function agoWords(days: number, unit: 'day' | 'week' | 'month' | 'year'): string | undefined {
  const n = unit === 'day' ? days : unit === 'week' ? days / 7 : unit === 'month' ? days / 30.44 : days / 365.25;
  const whole = Math.round(n);
  if (whole < 1 || Math.abs(n - whole) > 0.2) return undefined;
  const word = whole === 1 ? (unit === 'day' ? 'one' : 'a') : WORDS[whole] ?? String(whole);
  return `${word} ${unit}${whole === 1 ? '' : 's'} ago`;
}
