// The words a frame owns, read into its slots: who and with whom, where, how many times, how long since, whether
// negated, and the kind of visit. frames.ts walks a frame's words and hands each to these.

import type { Frame, PartyRef } from './frame';
import type { Sentence, Unit } from './sentence';
import type { Anchor } from './anchors';
import { placeOf, span, unitSpan } from './clause-facts';

/** Words that change what the frame says: negation, "again", "last", "previously", "never", the kind of visit. */
export function readWord(s: Sentence, f: Frame, k: number, a: Anchor, nounAnchors: number[]): void {
  const t = s.tokens[k];
  const w = t.lower;
  const sp = span(s, k, k + 1);
  // "almost no foreign leaders", "hardly any": few, not none; asserted by nobody as a count, so hedged.
  if ((w === 'no' || w === 'any') && /^(almost|virtually|nearly|hardly|scarcely)$/.test(s.tokens[k - 1]?.lower ?? '')) f.hedged = true;
  else if (w === 'not' || w === "n't" || w === 'no' || w === 'without' || w === 'neither' || w === 'nor') f.negated = true;
  if (w === 'away' && /^(stay|keep)$/.test(s.tokens[k - 1]?.lemma ?? '')) f.negated = true;
  if (w === 'never') f.never = sp;
  if (w === 'abroad' || w === 'overseas' || ((w === 'foreign' || w === 'international') && nounAnchors.some((n) => n > k && n - k <= 2))) f.anywhere = true;
  // "his only visit to Beijing last year": a count of one.
  const owned = /^(his|her|their|'s|’s)$/.test(s.tokens[k - 1]?.lower ?? '');
  if ((w === 'only' || w === 'sole') && owned && nounAnchors.some((n) => n > k && n - k <= 2)) {
    if (!f.ordinal && !f.count) f.count = { ...sp, value: 1, earlier: false, times: false, only: true };
  }
  if (w === 'again' || (w === 'once' && s.tokens[k + 1]?.lower === 'again')) f.again ??= sp;
  // "his last visit", "their previous meeting", "was last in China", "last visited": the latest such event. Not
  // "previously", which says only that it came before.
  const modifies = k < a.at && a.at - k <= 3 && !s.tokens.slice(k + 1, a.at).some((x) => x.pos === 'ADP' || x.text === ',');
  // "most recently spoke", "previously visited": the latest before; "Previously, …" only says it came before.
  if ((w === 'previously' || (w === 'recently' && s.tokens[k - 1]?.lower === 'most')) && a.type === 'verb' && k < a.at && a.at - k <= 2 && s.tokens[k + 1]?.text !== ',') f.previous ??= sp;
  const lastTime = w === 'last' && s.tokens[k + 1]?.lower === 'time';
  if (((w === 'last' || w === 'previous' || w === 'latest' || w === 'recent') && (modifies || lastTime)) || (w === 'last' && (s.tokens[k + 1]?.pos === 'VERB' || s.tokens[k - 1]?.lemma === 'be'))) {
    // "last year", "last week" are dates (already units); "the last of 28 documents" is no event's.
    if (!(w === 'last' && s.tokens[k + 1]?.lower === 'of')) f.previous ??= sp;
  }
  if ((w === 'state' || w === 'working') && nounAnchors.some((n) => n === k + 1 && s.tokens[n].lemma === 'visit' || n === k + 1 && s.tokens[n].lemma === 'trip')) f.kind = { ...sp, kind: w };
  // "of a working nature", "of a state nature".
  if ((w === 'state' || w === 'working') && s.tokens[k + 1]?.lower === 'nature') f.kind = { ...sp, kind: w };
}

export function readDuration(s: Sentence, f: Frame, u: Unit, prep: string | undefined): void {
  const d = u.duration!;
  if (d.unit === 'hour' || d.unit === 'day' || d.unit === 'week') return;
  // "26 years of diplomatic relations": a span of something else.
  if (s.tokens[u.to]?.lower === 'of') return;
  if (s.tokens[u.to]?.lower === 'ago' || s.tokens[u.to]?.lower === 'later' || s.tokens[u.to]?.lower === 'earlier') return;
  const absence = /^(absence|gap|hiatus|break|pause|interval)$/.test(s.tokens[u.to]?.lower ?? '');
  // "comes three months after his previous visit": the time since the one before, with none between.
  const afterPrevious = s.tokens[u.to]?.lower === 'after' && /^(his|her|their|the)$/.test(s.tokens[u.to + 1]?.lower ?? '') && /^(previous|last)$/.test(s.tokens[u.to + 2]?.lower ?? '') && /^(visit|trip|meeting)s?$/.test(s.tokens[u.to + 3]?.lower ?? '');
  if (afterPrevious) {
    f.gap = { ...unitSpan(u), years: d.years, qualifier: d.qualifier, unit: d.unit };
    f.ordinal ??= { ...unitSpan(u), value: 1 };
    return;
  }
  const gapLike = prep === 'in' || prep === 'for' || prep === 'after' || prep === 'over' || absence;
  if (!gapLike) return;
  // "for five years" is a gap only when nothing happened in it: "has not visited for five years".
  if (prep === 'for' && !f.negated && !s.tokens.slice(0, u.from).some((t) => t.lower === 'not' || t.lower === "n't" || t.lower === 'never')) return;
  f.gap = { ...unitSpan(u), years: d.years, qualifier: d.qualifier, unit: d.unit };
  // "ended a three-year absence": the first in that time.
  if (absence && !f.ordinal) f.ordinal = { ...unitSpan(u), value: 1 };
}

export function readOrdinal(s: Sentence, f: Frame, u: Unit, nounAnchors: number[]): void {
  const next = s.tokens[u.to];
  // "his first trip", "the second visit", "for the third time", "the first since", "his third this year".
  const beforeNoun = nounAnchors.some((n) => n > u.from && n - u.to <= 2);
  const time = next?.lower === 'time';
  const bare = !next || next.lower === 'since' || next.lower === 'in' || next.lower === 'this' || next.lower === 'of' || next.lower === 'to' || next.lower === 'by' || next.text === ',' || next.text === '.' || s.unitOf[u.to] >= 0 && s.units[s.unitOf[u.to]].kind === 'date';
  const leader = s.unitOf[u.to] >= 0 && s.units[s.unitOf[u.to]].kind === 'group';
  if (!(beforeNoun || time || bare || leader)) return;
  // "when he first visited": the first visit, not a count of this one. "First in March and again in June": a sequence.
  if (next?.pos === 'VERB' && !nounAnchors.includes(u.to)) return;
  if (next && /^(in|on)$/.test(next.lower) && s.unitOf[u.to + 1] >= 0 && s.units[s.unitOf[u.to + 1]].kind === 'date') return;
  if (leader) f.ordinalGroup = s.units[s.unitOf[u.to]].id;
  f.ordinal ??= { ...unitSpan(u), value: u.value! };
}

export function readCardinal(s: Sentence, f: Frame, u: Unit, nounAnchors: number[]): void {
  // "- Earlier meetings between the two: three": a fact box's count follows its label's colon.
  let colon = u.from - 1;
  while (colon > 0 && s.tokens[colon].pos === 'SYM' && /^\*+$/.test(s.tokens[colon].text)) colon--;
  if (s.tokens[colon]?.text === ':' && (s.tokens[u.to] === undefined || /^[,.;]$/.test(s.tokens[u.to].text))) {
    const label = nounAnchors.find((n) => n < colon && /s$/.test(s.tokens[n].lower));
    if (label !== undefined) {
      const earlier = s.tokens.slice(0, colon).some((t) => t.lower === 'earlier' || t.lower === 'previous' || t.lower === 'prior');
      f.count ??= { ...unitSpan(u), value: u.value!, earlier, times: false };
      return;
    }
  }
  // "two earlier meetings", "four meetings", "three previous visits".
  const noun = nounAnchors.find((n) => n > u.from && n - u.to <= 1);
  if (noun === undefined) return;
  const between = s.tokens.slice(u.to, noun).map((t) => t.lower);
  const earlier = between.some((w) => w === 'earlier' || w === 'previous' || w === 'prior');
  if (!/s$/.test(s.tokens[noun].lower) && u.value !== 1) return;
  f.count ??= { ...unitSpan(u), value: u.value!, earlier, times: false };
}

export function readPlace(s: Sentence, f: Frame, u: Unit, prep: string | undefined, k: number, a: Anchor, host: boolean): void {
  const place = placeOf(u);
  if (!place) return;
  // "from Minsk", "for Minsk", "against Russia": not where the event is.
  // "an absence from Belarus", "away from Minsk": the place of the gap.
  const away = prep === 'from' && /^(absence|away|gap|hiatus)$/.test(s.tokens[u.from - 2]?.lower ?? '');
  const at = away || prep === 'in' || prep === 'to' || prep === 'at' || prep === 'into' || prep === 'inside' || prep === 'within' || prep === 'across' || prep === 'during' || (u.kind === 'anaphor' && u.noun === 'there');
  // "visited Beijing", "the Beijing visit", "Minsk hosted", "Belarus was last visited by Putin": without a preposition.
  const passive = a.type === 'verb' && s.tokens[a.at].lemma === 'visit' && s.tokens[a.at].lower !== 'visit' && s.tokens.slice(u.to, a.at).some((t) => t.lemma === 'be');
  const object = prep === undefined && ((k > a.at && (s.tokens[a.at].lemma === 'visit' || s.tokens[a.at].lemma === 'reach' || s.tokens[a.at].lemma === 'tour')) || (k < a.at && a.type === 'noun' && u.to >= a.at - 1) || (host && k < a.at) || (passive && k < a.at));
  if (!at && !object) return;
  if (!f.where) {
    f.where = place;
    return;
  }
  // "Tehran, Iran": the second names where the first lies; a list of places ("Moscow, Sochi and Amur") is no one place.
  if (f.where.kind === 'place' && place.kind === 'place' && s.tokens[u.from - 1]?.text === ',' && s.tokens[u.to]?.text !== ',' && s.tokens[u.from - 2] && s.unitOf[u.from - 2] >= 0) return;
  const prior = f.where.kind === 'place' ? s.units.find((x) => x.kind === 'place' && x.id === (f.where as { id: string }).id) : undefined;
  if (prior && place.kind === 'place' && (u.within?.includes(prior.id!) || prior.within?.includes(place.id))) {
    // "the Belarusian capital … his first trip to Belarus": the city says more.
    if (u.within?.includes(prior.id!)) f.where = place;
    return;
  }
  if (f.where.kind === 'place' && place.kind === 'place' && f.where.id !== place.id) f.where = { kind: 'list', span: { start: f.where.span.start, end: place.span.end, text: `${f.where.span.text} … ${place.span.text}` } };
}

export function assignParties(f: Frame, a: Anchor, parties: { p: PartyRef; prep?: string; k: number; possessive: boolean }[], subject: PartyRef[], passive: boolean, host: boolean, before: (k: number) => boolean): void {
  const subjects: PartyRef[] = [];
  const objects: PartyRef[] = [];
  const agents: PartyRef[] = [];
  let owner: PartyRef | undefined;
  let possessor: PartyRef | undefined;
  for (const x of parties) {
    // "a visit by Putin", "the talks of the two", "a birthday call from Putin".
    if (x.prep === 'by' || (x.prep === 'of' && a.type === 'noun') || (x.prep === 'from' && a.type === 'noun' && f.action === 'call')) agents.push(x.p);
    else if (x.possessive) {
      // "his first trip", "Lukashenko's visit": the event's owner; never a counterpart. With a verb, the owner of a
      // carried noun is its subject already ("arrived … making his first trip").
      if (a.type === 'noun' || a.type === 'copula' || a.type === 'headline') owner ??= x.p;
      else possessor ??= x.p;
    }
    else if (x.prep === 'with' || x.prep === 'alongside' || x.prep === 'between' || x.prep === 'and' || x.prep === 'including') objects.push(x.p);
    else if (x.prep === undefined && before(x.k)) subjects.push(x.p);
    else if (x.prep === undefined || x.prep === 'to') objects.push(x.p);
  }
  // "This will be Lukashenko's third time travelling": a verb with no subject is its possessor's.
  if (!owner && possessor && subjects.length === 0 && subject.length === 0) owner = possessor;
  // "Hun Sen's visit … was the first by a foreign leader": counted within the group the agent names.
  const groupAgent = owner && agents.find((p) => p.kind === 'group');
  if (groupAgent && f.ordinal && groupAgent.kind === 'group' && !groupAgent.id.startsWith('leader-of:')) f.ordinalGroup = groupAgent.id;
  let who: PartyRef[] = owner ? [owner] : agents.length && a.type === 'noun' ? agents : subjects.length ? subjects : subject;
  let rest = objects;
  if (host) {
    // "Lukashenko will host Putin", "Putin was welcomed by Lukashenko", "Minsk hosted talks between Putin and Lukashenko".
    const visitors = passive ? (subjects.length ? subjects : subject) : objects;
    let hosts = passive ? agents : subjects.length ? subjects : subject;
    // "Brest hosted talks": a name the dataset does not know, as host, is a place.
    const place = hosts.find((p) => p.kind === 'unknown');
    if (place && !f.where) {
      f.where = { kind: 'unknown', span: place.span };
      hosts = hosts.filter((p) => p !== place);
    }
    who = visitors.slice(0, 1);
    rest = [...visitors.slice(1), ...hosts];
    // "Grodno hosted talks between Lukashenko and Putin": a place hosts them both; who visited whom it does not say.
    if (hosts.length === 0 && visitors.length >= 2) f.action = 'meeting';
  } else if (passive && agents.length) {
    rest = [...(subjects.length ? subjects : subject), ...objects];
    who = agents;
  }
  f.who = who[0];
  // A group set beside the frame ("…, the first foreign leader after the coup") describes the visitor; it is no party.
  f.others = [...who.slice(1), ...rest].filter((p, i, all) => p !== f.who && p.kind !== 'group' && !(p.kind === 'person' && (all.findIndex((q) => q.kind === 'person' && q.id === p.id) !== i || (f.who?.kind === 'person' && f.who.id === p.id))));
}
