// Compares one structured claim with the facts. A claim is contradicted only where the dataset decides:
// a stated count or a list marked complete (coverage), a uniquely identified event, or a known later event.
// Everything else is undecidable, and says nothing.

import type { Source } from '../types';
import type { Coverage, FactEvent } from '../facts/types';
import type { FactIndex } from '../facts/index';
import type { Claim } from '../claims/types';
import { dayNumber, gapDays, overlaps, yearsBetween, type DayRange } from '../dates/iso';
import { formatDay, type DateExpr } from '../dates/expressions';
import { cardinalLike, ordinalLike, ordinalWord, timesWord, yearsInWords, cardinalWord } from '../claims/numbers';
import { unique } from '../lists';

export type Code = 'count-mismatch' | 'date-mismatch' | 'since-mismatch' | 'gap-mismatch' | 'place-mismatch' | 'role-mismatch' | 'event-date-mismatch' | 'type-mismatch' | 'amount-mismatch';

export interface Finding {
  code: Code;
  message: string;
  /** The right value, in words. */
  expected: string;
  /** The wrong words, as sentence offsets. */
  start: number;
  end: number;
  /** The replacement for [start, end), where one replacement is right. */
  newText?: string;
  sources: Source[];
}

export interface Judgement {
  verdict: 'consistent' | 'contradicted' | 'undecidable';
  finding?: Finding;
}

/** How far apart a claimed day and a known one may be and still be the same trip or call, in days. */
// Leaders who call each other often make a call a day off another call; a trip ten days off is still the same trip.
const SAME_EVENT_DAYS: Record<string, number> = { visit: 10, meeting: 10, call: 1 };
const BEFORE_THAT = /^\s*(?:Before|Prior to|Until) (?:that|then)\b/i;
/** How many days after an event a draft is taken to report on it. */
const REPORTING_DAYS = 7;
/** Words too common to tie a sentence to one event. */
const COMMON_WORDS = new Set(
  'the and for with that this from they their them his her was were are has have had will would been about into over after before since when where which while also more most than then there these those other such only both each very just said says met meet meeting meetings talks talked visit visited visits trip travel leaders leader president russian belarusian july june may march april august september october november december january february late early mid most recently discussed discuss discussing'.split(' '),
);

/** How near the reference date a visit must be to be the one a present-tense claim speaks of. */
const CURRENT_EVENT_DAYS = 45;

export class Judge {
  constructor(private readonly index: FactIndex) {}

  judge(claim: Claim, ref: string, ctxSeen: Set<string>): Judgement {
    const checks = [
      () => this.namedEventDate(claim, ctxSeen),
      () => this.role(claim, ref),
      () => (claim.negated ? undefined : this.visitKind(claim, ref)),
      () => (claim.negated ? undefined : this.amount(claim, ref)),
      () => (claim.negated ? undefined : this.ordinalOrCount(claim, ref)),
      () => (claim.negated ? undefined : this.since(claim, ref)),
      () => (claim.negated ? undefined : this.eventDate(claim, ref)),
    ];
    let decided = false;
    for (const check of checks) {
      const r = check();
      if (r === undefined) continue;
      if (r === true) {
        decided = true;
        continue;
      }
      return { verdict: 'contradicted', finding: r };
    }
    return { verdict: decided ? 'consistent' : 'undecidable' };
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private name(id: string): string {
    const p = this.index.people.get(id);
    // The first one-word alias: the surname as the data orders it ("Putin", "Xi"; the family name comes first in Chinese).
    if (p) return p.aliases.find((a) => !a.includes(' ')) ?? p.name;
    const group = /^(\w+)-leader$/.exec(id);
    return group ? `any ${group[1][0].toUpperCase()}${group[1].slice(1)} leader` : id;
  }

  private placeName(id: string): string {
    return this.index.places.get(id)?.name ?? id;
  }

  /** The claim as understood, in words: for claim reports and a diagnostic's data, built only when asked for. */
  summarize(c: Claim, ref: string): string {
    const who = c.subject ? this.name(c.subject) : c.people.map((p) => this.name(p)).join(' and ') || 'someone';
    const parts = [who, c.negated ? '(negated)' : '', c.action ?? 'mentions', c.others.length ? 'with ' + c.others.map((p) => this.name(p)).join(', ') : ''];
    if (c.place) parts.push(`${c.action === 'visit' ? 'to' : 'in'} ${this.placeName(c.place.id)}`);
    if (c.ordinal) parts.push(`(${ordinalWord(c.ordinal.value)})`);
    if (c.count) parts.push(`(${c.count.value}${c.count.earlier ? ' earlier' : ''})`);
    if (c.scope) parts.push(`in ${c.scope.from.slice(0, 4)}`);
    if (c.since) parts.push(`since ${c.since.event ? this.index.events.get(c.since.event)?.label : c.since.date?.text}`);
    if (c.gap) parts.push(`first in ${c.gap.text}`);
    if (c.date) parts.push(`on ${c.date.from === c.date.to ? c.date.from : `${c.date.from}..${c.date.to}`}`);
    if (c.namedEvent) parts.push(`${this.index.events.get(c.namedEvent.id)?.label} in ${c.namedEvent.date.text}`);
    return parts.filter(Boolean).join(' ') + ` (reference date ${ref})`;
  }

  private range(e: FactEvent, arrival = false): DayRange {
    return arrival && e.arrival ? { start: e.arrival, end: e.arrival } : { start: e.when.start, end: e.when.end };
  }

  private whenText(e: FactEvent, arrival = false): string {
    if (arrival && e.arrival) return formatDay(e.arrival, { dayFirst: false, withYear: true, shortMonth: false });
    return e.when.text;
  }

  /** Known events that the claim's who/what/where could be. */
  private candidates(c: Claim, opts: { ignorePlace?: boolean } = {}): FactEvent[] {
    const s = c.subject;
    if (!s || !c.action) return [];
    const pool = this.index.people.has(s) ? this.index.eventsOf(s) : this.index.eventsOfGroup(s);
    return pool.filter((e) => {
      if (e.type === 'event') return false;
      const placeOk = opts.ignorePlace || !c.place || (!!e.place && this.index.compatiblePlaces(c.place.id, e.place));
      if (!placeOk) return false;
      const subjectIn = e.actors.includes(s) || (!this.index.people.has(s) && e.actors.some((a) => this.index.isInGroup(a, s)));
      const everyone = e.with ? e.actors.concat(e.with) : e.actors;
      const othersIn = c.others.every((o) => everyone.includes(o));
      switch (c.action) {
        case 'visit':
          if (e.type !== 'visit' || !subjectIn) return false;
          if (c.place && this.homeCountry(s) && this.index.within(c.place.id, this.homeCountry(s)!)) return false;
          return othersIn && !!c.place;
        case 'meeting':
          if (!othersIn || (c.others.length === 0 && !c.place)) return false;
          return e.type === 'meeting' || e.type === 'visit';
        case 'call':
          return e.type === 'call' && othersIn && c.others.length > 0;
      }
    });
  }

  private homeCountry(person: string): string | undefined {
    return this.index.people.get(person)?.country;
  }

  private coverage(c: Claim): Coverage[] {
    if (!c.subject || !c.action) return [];
    if (c.action === 'visit') return c.place ? this.index.coverageFor('visit', c.subject, { place: c.place.id }) : [];
    return c.others.length === 1 ? this.index.coverageFor(c.action === 'call' ? 'call' : 'meeting', c.subject, { with: c.others[0] }) : [];
  }

  private covers(cov: Coverage, r: DayRange): boolean {
    return (!cov.from || cov.from <= r.start) && r.end <= cov.to;
  }

  /** The visit or meeting a present-tense or dated claim speaks of: the candidate nearest its date. */
  private currentEvent(c: Claim, ref: string): FactEvent | undefined {
    const at: DayRange = c.date && c.date.precision !== 'year' ? { start: c.date.from, end: c.date.to } : { start: ref, end: ref };
    let best: FactEvent | undefined;
    let bestGap = Infinity;
    for (const e of this.candidates(c)) {
      const gap = gapDays(at, this.range(e));
      if (gap < bestGap) [best, bestGap] = [e, gap];
    }
    return bestGap <= CURRENT_EVENT_DAYS ? best : undefined;
  }

  private sourcesOf(...items: ({ sources: Source[] } | undefined)[]): Source[] {
    const out: Source[] = [];
    for (const it of items) for (const s of it?.sources ?? []) if (!out.some((o) => o.seed === s.seed && o.quote === s.quote)) out.push(s);
    return out;
  }

  /** A date replacement in the writer's style, when one value is right. */
  private dateFix(d: DateExpr, e: FactEvent, arrival: boolean): string | undefined {
    const r = this.range(e, arrival);
    if (d.precision === 'day' && r.start === r.end) return formatDay(r.start, d.style);
    if (d.precision === 'year' && r.start.slice(0, 4) === r.end.slice(0, 4)) return r.start.slice(0, 4);
    if ((d.precision === 'month' || d.precision === 'part-of-month') && r.start.slice(0, 7) === r.end.slice(0, 7) && (e.when.precision === 'month' || e.when.precision === 'part-of-month')) {
      const words = e.when.text.replace(/,? \d{4}$/, '');
      return d.style.withYear ? e.when.text : words;
    }
    return undefined;
  }

  // ---- checks: each returns a Finding (contradicted), true (consistent), or undefined (cannot decide) --------

  private namedEventDate(c: Claim, seen: Set<string>): Finding | true | undefined {
    if (!c.namedEvent) return undefined;
    const e = this.index.events.get(c.namedEvent.id)!;
    // The keyword must mean this event: its place, country or people are in the sentence or the draft.
    const related = [e.place, e.place && this.index.countryOf(e.place), ...e.actors, ...e.actors.map((a) => this.homeCountry(a))].filter(Boolean) as string[];
    const inSentence = related.some((r) => c.people.includes(r) || c.places.some((p) => this.index.compatiblePlaces(p, r)));
    // Elsewhere in the draft only when the sentence names no other place: "the 2024 election" in a sentence about
    // another country is another election.
    if (!inSentence && !(related.some((r) => seen.has(r)) && c.places.length === 0)) return undefined;
    const d = c.namedEvent.date;
    if (overlaps({ start: d.from, end: d.to }, e.when)) return true;
    // "Visited … after the coup in January 2022" may date the visit: only a date before the event is wrong either way.
    if (c.namedEvent.anchored && d.from > e.when.end) return undefined;
    return {
      code: 'event-date-mismatch',
      message: `${e.label}: the sources date it to ${e.when.text}, not ${d.text}.`,
      expected: e.when.text,
      start: d.start,
      end: d.end,
      newText: this.dateFix(d, e, false),
      sources: e.sources,
    };
  }

  private role(c: Claim, ref: string): Finding | true | undefined {
    if (!c.role) return undefined;
    const holders = this.index.holdersOf(c.role.title, c.role.country).filter((p) =>
      p.roles?.some((r) => r.title === c.role!.title && r.country === c.role!.country && Math.abs(dayNumber(r.asOf) - dayNumber(ref)) <= 180),
    );
    if (holders.length !== 1) return undefined;
    const holder = holders[0];
    if (c.role.person === holder.id) return true;
    if (c.role.person === undefined && holder.aliases.some((a) => c.role!.name.text.includes(a))) return true;
    const role = holder.roles!
      .filter((r) => r.title === c.role!.title && r.country === c.role!.country)
      .sort((a, b) => Math.abs(dayNumber(a.asOf) - dayNumber(ref)) - Math.abs(dayNumber(b.asOf) - dayNumber(ref)))[0];
    const title = `${this.index.places.get(c.role.country)?.demonyms?.[0] ?? ''} ${c.role.title}`.trim();
    return {
      code: 'role-mismatch',
      message: `The ${title} at this time was ${holder.name}, not ${c.role.name.text}.`,
      expected: holder.name,
      start: c.role.name.start,
      end: c.role.name.end,
      newText: holder.name,
      sources: role.sources,
    };
  }

  /** "A state visit" where the sources say working: judged on the one visit the sentence is about. */
  private visitKind(c: Claim, ref: string): Finding | true | undefined {
    if (!c.visitKind || c.action !== 'visit') return undefined;
    const e = this.currentEvent(c, ref);
    if (!e?.kind || (e.kind !== 'state' && e.kind !== 'working')) return undefined;
    if (e.kind === c.visitKind.kind) return true;
    return {
      code: 'type-mismatch',
      message: `${e.label} (${e.when.text}) was a ${e.kind} visit, not a ${c.visitKind.kind} visit.`,
      expected: e.kind,
      start: c.visitKind.start,
      end: c.visitKind.end,
      newText: /^\p{Lu}/u.test(c.visitKind.text) ? e.kind[0].toUpperCase() + e.kind.slice(1) : e.kind,
      // The quote that says the kind ("of a working nature") first.
      sources: [...e.sources].sort((a, b) => Number(b.quote.includes(e.kind!)) - Number(a.quote.includes(e.kind!))),
    };
  }

  /** "Agreements worth $4 billion" where a source ties $3.56 billion of agreements to the same event. */
  private amount(c: Claim, ref: string): Finding | true | undefined {
    const a = c.amount;
    if (!a || c.people.length === 0) return undefined;
    const words = c.sentence.toLowerCase();
    const events = unique(c.people.flatMap((p) => this.index.eventsOf(p)));
    const matches: { e: FactEvent; amount: NonNullable<FactEvent['amounts']>[number] }[] = [];
    let tied = 0;
    for (const e of events) {
      const everyone = e.with ? e.actors.concat(e.with) : e.actors;
      if (!c.people.every((p) => everyone.includes(p))) continue;
      // The amount must be tied to this event by its date or its place, not only by its people.
      if (!c.date && !c.place) continue;
      if (c.date && !overlaps({ start: c.date.from, end: c.date.to }, e.when)) continue;
      if (c.place && (!e.place || !this.index.compatiblePlaces(c.place.id, e.place))) continue;
      // Not a visit still months ahead of the draft.
      if (dayNumber(e.when.start) - dayNumber(ref) > CURRENT_EVENT_DAYS) continue;
      tied++;
      for (const amount of e.amounts ?? []) {
        if (amount.unit === a.unit && amount.about.some((w) => new RegExp(`\\b${w}\\b`).test(words))) matches.push({ e, amount });
      }
    }
    // A place alone ties an amount to one event only when these people met there once: "in Beijing" with no date may
    // be the December visit, whose deals the sources do not give.
    if (matches.length !== 1 || (!c.date && tied > 1)) return undefined;
    const { e, amount } = matches[0];
    if (Math.abs(amount.value - a.value) <= amount.value * 0.01) return true;
    return {
      code: 'amount-mismatch',
      message: `${e.label} (${e.when.text}): the sources say ${amount.text}, not ${a.text}.`,
      expected: amount.text,
      start: a.start,
      end: a.end,
      newText: amount.text,
      sources: e.sources.filter((s) => s.quote.includes(amount.text) || amount.about.some((w) => s.quote.toLowerCase().includes(w))).slice(0, 1).concat(e.sources).slice(0, 2),
    };
  }

  private ordinalOrCount(c: Claim, ref: string): Finding | true | undefined {
    if (!c.ordinal && !c.count && !c.again && !c.never) return undefined;
    if (!c.subject || !c.action) return undefined;
    // Counts of earlier meetings or visits, before now: "follows four earlier meetings", "has met him twice".
    if (c.count && !c.ordinal) return this.count(c, ref);
    const current = this.currentEvent(c, ref);
    if (!current) return undefined;
    const scopeStart = c.scope ? c.scope.from : undefined;
    const scopeYear = c.scope?.relative === 'that-year' ? current.when.start.slice(0, 4) : undefined;
    const from = scopeYear ? `${scopeYear}-01-01` : scopeStart;
    const window: DayRange = { start: from ?? '0000-01-01', end: current.when.start };
    const cov = this.coverage(c).find((k) => k.members.includes(current.id) && (!k.from || (from !== undefined && k.from <= from)) && current.when.start <= k.to);
    if (!cov) return undefined;
    const members = cov.members
      .map((id) => this.index.events.get(id)!)
      .filter((m) => (!c.place || (m.place && this.index.within(m.place, c.place.id))) && (!this.index.people.has(c.subject!) || m.actors.includes(c.subject!) || (m.with ?? []).includes(c.subject!)))
      .filter((m) => m.when.start >= window.start && m.when.start <= window.end);
    const expected = members.length;
    if (expected === 0) return undefined;
    const where = c.place ? ` to ${this.placeName(c.place.id)}` : '';
    const within = from ? ` in ${from.slice(0, 4)}` : '';
    const sources = this.sourcesOf(cov, current);
    if (c.never) {
      if (expected === 1) return true;
      return { code: 'count-mismatch', message: `${this.name(c.subject)} had been${where} before: this is his ${ordinalWord(expected)} visit (${cov.statement}).`, expected: ordinalWord(expected), start: c.never.start, end: c.never.end, sources };
    }
    if (c.again) {
      if (expected >= 2) return true;
      return { code: 'count-mismatch', message: `This is ${this.name(c.subject)}'s first ${c.action}${where}${within}, not a repeat (${cov.statement}).`, expected: 'first', start: c.again.start, end: c.again.end, sources };
    }
    const o = c.ordinal!;
    if (o.value === expected) return true;
    const noun = c.action === 'visit' ? 'visit' : c.action;
    return {
      code: 'count-mismatch',
      message: `${this.name(c.subject)}'s ${noun}${where} (${current.when.text}) is his ${ordinalWord(expected)}${within}, not the ${ordinalWord(o.value)}: ${cov.statement}.`,
      expected: ordinalWord(expected),
      start: o.start,
      end: o.end,
      newText: ordinalLike(expected, o.text),
      sources,
    };
  }

  private count(c: Claim, ref: string): Finding | true | undefined {
    const n = c.count!;
    const cov = this.coverage(c);
    // Counts run up to the reference date; dates in the sentence list the events counted ("twice, in March and June").
    const until = ref;
    const from = c.scope?.from;
    // A list complete up to its article's date still speaks for a draft written days later.
    const k = cov.find((x) => (!x.from || (from !== undefined && x.from <= from)) && dayNumber(x.to) >= dayNumber(until) - CURRENT_EVENT_DAYS / 5);
    if (!k) return undefined;
    // "Earlier" counts leave out the visit or meeting the draft reports on, even when it is over by the draft's date.
    const near = n.earlier ? this.currentEvent(c, ref) : undefined;
    const current = near && dayNumber(ref) - dayNumber(near.when.end) <= REPORTING_DAYS ? near : undefined;
    const members = k.members
      .map((id) => this.index.events.get(id)!)
      .filter((m) => m !== current && (from === undefined || m.when.start >= from) && (n.earlier ? m.when.end < until : m.when.start <= until) && m.status === 'done');
    const expected = members.length;
    if (expected === n.value) return true;
    // "four times" → "twice"; a bare number whose noun stays ("four times" with only "four" marked) → "two".
    const bare = /^(\d+|[a-z]+)$/i.test(n.text) && !/^(once|twice|thrice)$/i.test(n.text);
    const right = expected === 0 ? undefined : n.times && !bare ? timesWord(expected) : cardinalLike(expected, n.text);
    const noun = c.action === 'visit' ? (expected === 1 ? 'visit' : 'visits') : c.action === 'call' ? (expected === 1 ? 'call' : 'calls') : expected === 1 ? 'meeting' : 'meetings';
    const between = c.action === 'visit' ? `${noun} by ${this.name(c.subject!)}${c.place ? ' to ' + this.placeName(c.place.id) : ''}` : `${noun} between ${this.name(c.subject!)} and ${c.others.map((o) => this.name(o)).join(', ')}`;
    const said = expected === 0 ? 'no' : cardinalWord(expected);
    return {
      code: 'count-mismatch',
      message: `The sources know of ${said} ${n.earlier ? 'earlier ' : ''}${between}${from ? ' in ' + from.slice(0, 4) : ''}, not ${cardinalWord(n.value)}: ${k.statement}.`,
      expected: expected === 0 ? 'none (never)' : n.times ? timesWord(expected) : cardinalWord(expected),
      start: n.start,
      end: n.end,
      newText: right,
      sources: this.sourcesOf(k, ...members),
    };
  }

  private since(c: Claim, ref: string): Finding | true | undefined {
    if (!c.since && !c.gap) return undefined;
    if (!c.subject || !c.action) return undefined;
    const current = this.currentEvent(c, ref);
    const now = current ? current.when.start : ref;
    // Earlier events of the same kind: done, or planned for a day already past.
    const cands = this.candidates(c).filter((e) => e !== current && e.when.end < now && (e.status === 'done' || e.when.end < ref));
    const latest = cands.sort((a, b) => (a.when.start < b.when.start ? -1 : 1)).pop();
    const where = c.place ? ` to ${this.placeName(c.place.id)}` : c.others.length ? ` with ${c.others.map((o) => this.name(o)).join(', ')}` : '';
    const noun = c.action === 'visit' ? 'visit' : c.action;

    if (c.since) {
      const anchorEvent = c.since.event ? this.index.events.get(c.since.event) : undefined;
      const anchor: DayRange | undefined = anchorEvent ? anchorEvent.when : c.since.date ? { start: c.since.date.from, end: c.since.date.to } : undefined;
      if (!anchor) return undefined;
      // A known event after the anchor and before now refutes "first since X" and "has not since X".
      if (latest && latest.when.start > anchor.end) {
        return {
          code: 'since-mismatch',
          message: `${this.name(c.subject)}'s previous ${noun}${where} was in ${latest.when.text}, after ${c.since.date?.text ?? anchorEvent?.label}.`,
          expected: latest.when.text,
          start: c.since.date ? c.since.date.start : c.since.span.start,
          end: c.since.date ? c.since.date.end : c.since.span.end,
          newText: c.since.date && !anchorEvent ? this.dateFix(c.since.date, latest, false) : undefined,
          sources: this.sourcesOf(latest),
        };
      }
      if (!latest && c.since.first && !anchorEvent) return this.noneSince(c, anchor, now, noun, where);
      if (anchorEvent || !latest) return latest ? true : undefined;
      // "First since X" also says the previous one was at X: judged where a complete list says which was previous.
      const cov = this.coverage(c).find((k) => this.covers(k, { start: latest.when.start, end: now }) && k.members.includes(latest.id));
      if (!cov) return undefined;
      if (overlaps(anchor, latest.when)) return true;
      return {
        code: 'since-mismatch',
        message: `${this.name(c.subject)}'s previous ${noun}${where} was in ${latest.when.text}, not ${c.since.date!.text}: ${cov.statement}.`,
        expected: latest.when.text,
        start: c.since.date!.start,
        end: c.since.date!.end,
        newText: this.dateFix(c.since.date!, latest, false),
        sources: this.sourcesOf(cov, latest),
      };
    }

    // "First in N years", "has not … for N years".
    const gap = c.gap!;
    if (!latest) return undefined;
    const cov = this.coverage(c).find((k) => this.covers(k, { start: latest.when.start, end: now }) && k.members.includes(latest.id));
    if (!cov) return undefined;
    const years = yearsBetween(latest.when.start, now);
    const ok = gap.qualifier === 'more' ? years > gap.years - 0.5 : gap.qualifier === 'less' ? years < gap.years + 0.5 : Math.abs(years - gap.years) <= 1;
    if (ok) return true;
    return {
      code: 'gap-mismatch',
      message: `${this.name(c.subject)}'s previous ${noun}${where} was in ${latest.when.text}, ${yearsInWords(years)} earlier, not ${gap.text.replace(/^(in|for|after)\s+/i, '')}.`,
      expected: `${latest.when.text} (${yearsInWords(years)})`,
      start: gap.start,
      end: gap.end,
      newText: gap.ago ? `${yearsInWords(years)} ago` : `${gap.text.split(/\s+/)[0]} ${yearsInWords(years)}`,
      sources: this.sourcesOf(cov, latest),
    };
  }

  /**
   * "The first since 2023" says there was one in 2023. A complete list that reaches back before 2023 and holds no
   * earlier one refutes that: the previous one, if any, came before the list begins.
   */
  private noneSince(c: Claim, anchor: DayRange, now: string, noun: string, where: string): Finding | undefined {
    const d = c.since?.date;
    if (!d || anchor.end >= now) return undefined;
    const lists = this.coverage(c).filter((k) => (!k.from || k.from < anchor.start) && now <= k.to);
    // "Lukashenko would be the first European leader … since 2019" is about the group's visits, not his own.
    const cov = c.groupMention ? lists.find((k) => k.subject === c.groupMention) : lists[0];
    if (!cov) return undefined;
    const who = this.name(cov.subject);
    // A list that starts on January 1 starts with its year ("since the 2021 coup").
    const from = !cov.from ? undefined : cov.from.endsWith('-01-01') ? cov.from.slice(0, 4) : formatDay(cov.from, { dayFirst: false, withYear: true, shortMonth: false });
    return {
      code: 'since-mismatch',
      message: from
        ? `The sources know no ${noun}${where} by ${who} from ${from} on, so none in ${d.text}: ${cov.statement}.`
        : `The sources know no earlier ${noun}${where} by ${who}, so none in ${d.text}: ${cov.statement}.`,
      expected: from ?? cov.statement,
      start: d.start,
      end: d.end,
      newText: from && d.precision === 'year' ? cov.from!.slice(0, 4) : undefined,
      sources: this.sourcesOf(cov),
    };
  }

  private eventDate(c: Claim, ref: string): Finding | true | undefined {
    const d = c.date;
    if (!d || !c.subject || !c.action || d.relative) return undefined;
    const claimed: DayRange = { start: d.from, end: d.to };
    const cands = this.candidates(c);
    const arrival = c.arrival;
    if (cands.some((e) => overlaps(claimed, this.range(e, arrival)))) return true;

    // A stated "previous"/"last" event: the latest known one before now.
    if (c.previous) {
      const before = cands.filter((e) => e.when.end < ref).sort((a, b) => (a.when.start < b.when.start ? -1 : 1));
      let latest = before.pop();
      let until = ref;
      // A draft dated days after an event reports on it: its "previous" one is the one before (or unknown). "Before
      // that, he had last visited …" looks back from the event the draft just told of: the latest, most likely.
      if (latest && (dayNumber(ref) - dayNumber(latest.when.end) <= REPORTING_DAYS || BEFORE_THAT.test(c.sentence))) {
        until = latest.when.start;
        latest = before.pop();
      }
      if (latest) {
        const later = claimed.end < latest.when.start;
        const cov = this.coverage(c).find((k) => this.covers(k, { start: latest!.when.start, end: until }) && k.members.includes(latest!.id));
        if (later || cov) return this.dateFinding(d, latest, cov, arrival);
      }
    }
    // A complete list for the window that holds the claimed date, and none of its events then.
    const cov = this.coverage(c).find((k) => this.covers(k, claimed));
    if (cov) {
      const members = cov.members.map((id) => this.index.events.get(id)!).filter((m) => cands.includes(m));
      const nearest = this.nearest(members, claimed, arrival);
      if (nearest) return this.dateFinding(d, nearest, cov, arrival);
    }
    // One event singled out by what kind it is ("the call on his birthday", "his state visit"), in the same year.
    const kinded = cands.filter((e) => e.kind && new RegExp(`\\b${e.kind}\\b`, 'i').test(c.sentence) && e.when.start.slice(0, 4) === d.from.slice(0, 4));
    if (kinded.length === 1) return this.dateFinding(d, kinded[0], undefined, arrival);
    // The same trip or call, a few days off.
    if (d.precision === 'day' || d.precision === 'part-of-month') {
      const nearest = this.nearest(cands, claimed, arrival);
      // An arrival is judged only against a known arrival day: "under way on December 3" does not date the landing.
      if (nearest && (!arrival || nearest.arrival)) {
        const r = this.range(nearest, arrival);
        const tight = dayNumber(r.end) - dayNumber(r.start) <= 7;
        if (tight && gapDays(claimed, r) <= SAME_EVENT_DAYS[c.action]) return this.dateFinding(d, nearest, undefined, arrival);
      }
    }
    // "The first by a foreign leader after the coup": a complete list of the group's visits singles out the event.
    if (c.groupMention && /\bfirst\b/i.test(c.sentence)) {
      const firsts = this.coverage(c)
        .filter((k) => k.subject === c.groupMention)
        .map((k) => ({ k, e: this.index.events.get(k.members[0]) }))
        .filter(({ e }) => e && cands.includes(e));
      if (firsts.length === 1) return this.dateFinding(d, firsts[0].e!, firsts[0].k, arrival);
    }
    // The right date, the wrong place: the only event of these people at that time was elsewhere. A month is
    // enough when the sentence also names what the sources say was discussed ("gas prices", "the Ryanair incident").
    if (c.place && d.precision !== 'year') {
      const precise = (e: FactEvent) => e.when.precision === 'day' || e.when.precision === 'part-of-month' || !!e.arrival;
      const elsewhere = this.candidates(c, { ignorePlace: true }).filter(
        (e) => overlaps(claimed, this.range(e, arrival)) && !!e.place && (d.precision === 'month' ? e.when.precision === 'month' && this.sharesTopic(c.sentence, e) : precise(e)),
      );
      if (elsewhere.length === 1 && !this.index.compatiblePlaces(elsewhere[0].place!, c.place.id)) {
        const e = elsewhere[0];
        const right = this.placeName(e.place!);
        return {
          code: 'place-mismatch',
          message: `${e.label}: the sources place it in ${right}, not ${c.place.text} (${e.when.text}).`,
          expected: right,
          start: c.place.start,
          end: c.place.end,
          newText: right,
          sources: e.sources,
        };
      }
    }
    return undefined;
  }

  /** Whether the sentence uses a telling word of the event's quotes ("gas", "Ryanair", "Afghanistan"). */
  private sharesTopic(sentence: string, e: FactEvent): boolean {
    const telling = this.tellingWords(e);
    if (telling.size === 0) return false;
    for (const w of sentence.toLowerCase().match(/\p{L}{3,}/gu) ?? []) if (telling.has(w)) return true;
    return false;
  }

  private readonly telling = new WeakMap<FactEvent, Set<string>>();
  /** The words of an event's quotes that can tie a sentence to it: not common words, not its people's names. */
  private tellingWords(e: FactEvent): Set<string> {
    let words = this.telling.get(e);
    if (words) return words;
    const names = new Set([...e.actors, ...(e.with ?? [])].flatMap((p) => this.index.people.get(p)?.aliases ?? []).flatMap((a) => a.toLowerCase().split(/\s+/)));
    words = new Set();
    for (const s of e.sources) for (const w of s.quote.toLowerCase().match(/\p{L}{3,}/gu) ?? []) if (!COMMON_WORDS.has(w) && !names.has(w)) words.add(w);
    this.telling.set(e, words);
    return words;
  }

  private nearest(events: FactEvent[], r: DayRange, arrival: boolean): FactEvent | undefined {
    let best: FactEvent | undefined;
    let bestGap = Infinity;
    for (const e of events) {
      const g = gapDays(r, this.range(e, arrival));
      if (g < bestGap) [best, bestGap] = [e, g];
    }
    return best;
  }

  private dateFinding(d: DateExpr, e: FactEvent, cov: Coverage | undefined, arrival: boolean): Finding {
    const when = this.whenText(e, arrival);
    return {
      code: 'date-mismatch',
      message: `${e.label}: ${arrival && e.arrival ? 'arrival on' : 'the sources date it to'} ${when}, not ${d.text}${cov ? ` (${cov.statement})` : ''}.`,
      expected: when,
      start: d.start,
      end: d.end,
      newText: this.dateFix(d, e, arrival),
      sources: this.sourcesOf(e, cov),
    };
  }
}
