// What the draft has said so far, and how it resolves "he", "the two leaders", "his counterpart", "the country" and
// "there" in the sentence being read. Recency decides: the person a sentence is about stays the one "he" means until
// another is named as a subject.

import type { FactIndex } from '../facts/index';
import type { FactEvent } from '../facts/types';
import type { Frame, PartyRef, PlaceRef, Span } from './frame';
import type { SentenceReading } from './read';
import { TITLE_OFFICES } from './lexicon';

export interface Discourse {
  /** People named so far, the latest last, each once. */
  people: string[];
  /** Who the latest sentence was about: "he" in the next one. */
  subject?: string;
  /** Places named so far, the latest last, each once. */
  places: string[];
  /** Everyone and everything the draft has named. */
  seen: Set<string>;
  /** The parties of the latest event the draft told of: "the talks", "those meetings" are that event's. */
  lastEvent?: { who: string; others: string[]; action: Frame['action'] };
  /** The latest known event a frame of the draft was about: "that visit", "the call" with nothing else to tell them. */
  lastKnown?: FactEvent;
}

export function newDiscourse(): Discourse {
  return { people: [], places: [], seen: new Set() };
}

/** A frame with its references resolved: the parties and place as ids. */
export interface ResolvedFrame {
  frame: Frame;
  /** A person id, or a group id ("foreign-leader"). */
  who?: string;
  group: boolean;
  others: string[];
  where?: { id: string; span: Span };
  /** The frame names someone or somewhere the dataset does not know: it is about another event. */
  unknown: boolean;
  /** "that visit", "the call": the known event the draft told of last, which the frame names by a definite noun. */
  event?: FactEvent;
}

function recent<T>(list: T[], skip: (x: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (!skip(list[i])) return list[i];
  return undefined;
}

/** The person holding the country's highest office the dataset knows ("a Belarusian head of state"). */
function leaderOf(index: FactIndex, country: string): string | undefined {
  const holders = index.dataset.people.filter((p) => p.country === country && p.roles?.some((r) => r.country === country && TITLE_OFFICES.get(r.title.toLowerCase()) === 'head-of-state'));
  return holders.length === 1 ? holders[0].id : undefined;
}

/**
 * Resolves a frame's references. `before` are the people and places the sentence itself names before the frame;
 * they come first ("Lukashenko said he would …").
 */
export function resolveFrame(f: Frame, d: Discourse, sentence: SentenceReading, index: FactIndex): ResolvedFrame {
  const named = sentence.mentions.filter((m) => m.start < f.anchor.start);
  const sentencePeople = named.filter((m) => m.kind === 'person').map((m) => m.id);
  const sentencePlaces = named.filter((m) => m.kind === 'place').map((m) => m.id);
  const people = [...d.people.filter((p) => !sentencePeople.includes(p)), ...sentencePeople];
  const firstSubject = sentence.subjects[0]?.find((p) => p.kind === 'person');
  const subject = firstSubject?.kind === 'person' && firstSubject.span.start < f.anchor.start ? firstSubject.id : d.subject;
  let unknown = !!f.elsewhere;
  const taken = new Set<string>();
  for (const p of [f.who, ...f.others]) if (p?.kind === 'person') taken.add(p.id);

  const party = (p: PartyRef | undefined): string[] => {
    if (!p) return [];
    switch (p.kind) {
      case 'person':
        return [p.id];
      case 'group': {
        if (!p.id.startsWith('leader-of:')) return [p.id];
        const leader = leaderOf(index, p.id.slice('leader-of:'.length));
        if (!leader) unknown = true;
        return leader ? [leader] : [];
      }
      case 'unknown':
        unknown = true;
        return [];
      case 'pronoun': {
        const fits = (x: string) => !taken.has(x) && (!p.country || index.people.get(x)?.country === p.country);
        // "He last saw Xi in January, Lukashenko said": with no one before it, the one the sentence names after it.
        const later = sentence.mentions.filter((m) => m.kind === 'person' && m.start > f.anchor.start).map((m) => m.id);
        // "When Putin came in December 2022, it was his second visit": the subject of a clause set before it.
        const fronted = sentence.frames.filter((g) => g.clause === 'adverbial' && g.who?.kind === 'person' && g.anchor.end < p.span.start && f.clause !== 'adverbial').map((g) => (g.who as { id: string }).id).filter(fits).pop();
        const pick = fronted ?? (subject && fits(subject) ? subject : recent(people, (x) => !fits(x)) ?? later.find(fits));
        if (pick) taken.add(pick);
        return pick ? [pick] : [];
      }
      case 'counterpart': {
        const pick = recent(people, (x) => taken.has(x));
        if (pick) taken.add(pick);
        return pick ? [pick] : [];
      }
      case 'pair': {
        // "the two leaders": the parties the frame names, then the latest others, two in all.
        const out = [...taken].slice(0, 2);
        for (let i = people.length - 1; i >= 0 && out.length < 2; i--) if (!out.includes(people[i])) out.push(people[i]);
        if (out.length < 2) return [];
        out.forEach((x) => taken.add(x));
        return out;
      }
    }
  };
  let whoIds = party(f.who);
  // "the visit", "this trip": the draft's event, whose visitor is who the draft is about. "The second foreign leader
  // to visit": the draft's subject, when the group holds them.
  let inherited: string[] | undefined;
  if (!f.who && f.definite && f.others.length === 0 && f.action !== 'visit' && d.lastEvent) {
    whoIds = [d.lastEvent.who];
    inherited = d.lastEvent.others;
  } else if (!f.who && f.definite && f.others.length === 0 && f.action === 'visit' && d.lastEvent?.action === 'visit') {
    // "Lukashenko hosted the Russian leader … The visit ended …": the visit last told of, and its visitor.
    whoIds = [d.lastEvent.who];
  } else if (!f.who && f.definite && subject) whoIds = [subject];
  if (!f.who && f.ordinalGroup && subject && (index.isInGroup(subject, f.ordinalGroup) || f.ordinalGroup.startsWith('leader-of:'))) whoIds = [subject];
  const others = inherited ? [...inherited] : f.others.flatMap((p) => party(p));
  // "meetings between the two leaders", "talks between Putin and Lukashenko": the first named leads.
  if (whoIds.length === 0 && others.length >= 2 && f.action !== 'visit') whoIds = [others.shift()!];
  const who = whoIds[0];
  if (whoIds.length > 1) others.unshift(...whoIds.slice(1));
  let where: ResolvedFrame['where'];
  const place = f.where;
  if (place?.kind === 'place') where = { id: place.id, span: place.span };
  else if (place?.kind === 'unknown' || place?.kind === 'list') unknown = true;
  else if (place?.kind === 'anaphor') {
    // A visitor does not visit home: "then Cambodia's prime minister, who visited in 2022" went elsewhere.
    const home = who ? index.people.get(who)?.country : undefined;
    let places = [...d.places.filter((p) => !sentencePlaces.includes(p)), ...sentencePlaces].filter((p) => f.action !== 'visit' || !home || !index.within(p, home));
    // A visit the sentence gives no place ("BelTA billed the December trip as a state visit") is to a place of the
    // visitor's known visits, not any place named in passing ("the war on Ukraine").
    if (place.span === f.anchor && who) {
      const visited = index.eventsOf(who).filter((e) => e.type === 'visit' && e.place).map((e) => e.place!);
      places = places.filter((p) => visited.some((v) => index.within(v, p) || index.within(p, v)));
      // Unless the sentence names one, the place of the known event the draft told of last, when it is this
      // visitor's, comes first.
      const told = d.lastKnown;
      if (told?.place && told.type === 'visit' && told.actors.includes(who) && places.includes(told.place) && !sentencePlaces.some((p) => places.includes(p))) places = [...places.filter((p) => p !== told.place), told.place];
    }
    const id = resolvePlace(place, places, index);
    if (id) where = { id, span: place.span };
  }
  const resolved: ResolvedFrame = { frame: f, who, group: !!who && !index.people.has(who), others: others.filter((o, i) => o !== who && others.indexOf(o) === i), where, unknown };
  // "During that visit", "the call": with no place or date of its own, a definite event noun in the past is the event
  // last told of. In the present ("the visit is of a working nature") it is the draft's own event, found by its date.
  const known = d.lastKnown;
  if (f.definite && f.tense === 'past' && !f.where && !f.when && known && !unknown && (!who || [...known.actors, ...(known.with ?? [])].includes(who)) && compatible(f.action, known.type)) {
    resolved.event = known;
    resolved.who ??= known.actors[0];
    if (known.place) resolved.where = { id: known.place, span: f.anchor };
    if (resolved.others.length === 0) resolved.others = [...known.actors, ...(known.with ?? [])].filter((p) => p !== resolved.who);
  }
  return resolved;
}

function compatible(action: Frame['action'], type: FactEvent['type']): boolean {
  if (action === 'visit') return type === 'visit';
  if (action === 'call') return type === 'call';
  if (action === 'meeting') return type === 'meeting' || type === 'visit';
  return type !== 'event';
}

function resolvePlace(p: Extract<PlaceRef, { kind: 'anaphor' }>, places: string[], index: FactIndex): string | undefined {
  const latest = places[places.length - 1];
  if (!latest) return undefined;
  if (p.noun === 'there') return latest;
  // "the country", "the Southeast Asian nation": the latest country, or the country of the latest city.
  for (let i = places.length - 1; i >= 0; i--) {
    const c = index.countryOf(places[i]);
    if (c) return c;
  }
  return undefined;
}

/** What the sentence adds to the draft's context; `events` are its frames as resolved. */
export function advance(d: Discourse, r: SentenceReading, resolvedSubject: string | undefined, events: ResolvedFrame[] = []): void {
  const told = events.find((c) => c.who && !c.group && c.others.length > 0);
  if (told) d.lastEvent = { who: told.who!, others: told.others, action: told.frame.action };
  for (const m of r.mentions) {
    d.seen.add(m.id);
    const list = m.kind === 'person' ? d.people : m.kind === 'place' ? d.places : undefined;
    if (!list) continue;
    const at = list.indexOf(m.id);
    if (at >= 0) list.splice(at, 1);
    list.push(m.id);
  }
  const first = r.subjects[0]?.find((p) => p.kind === 'person');
  if (first?.kind === 'person') d.subject = first.id;
  // A group ("no foreign leaders") is nobody "he" can stand for.
  else if (resolvedSubject && d.people.includes(resolvedSubject)) d.subject = resolvedSubject;
  else if (!d.subject) d.subject = r.mentions.find((m) => m.kind === 'person')?.id;
}
