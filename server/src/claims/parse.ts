// One sentence in, a structured claim out: who, what, where, when, how many, since when, negated or not.
// Only sentences that name a known person, place or event get here; everything is read from word patterns
// around those names, never from whole sentences.

import { WordMap, wordBuffer, wordText, wordsOf, type EntityHit, type FactIndex, type Words } from '../facts/index';
import { DATE_CUE, findDates, tenseOf, type DateExpr } from '../dates/expressions';
import { CARDINAL_PATTERN, ORDINAL_PATTERN, ORDINAL_WORDS, cardinalValue, ordinalValue } from './numbers';
import type { Action, Claim, Span } from './types';
import { unique } from '../lists';
import { endsWithReportingTie } from './reporting';
import { isLetterAt } from './chars';
import { rolePhraseAt, type RolePhrase } from './role';

/** What earlier sentences of the draft established, for "he", "the two leaders" and "the country". */
export interface Context {
  /** People named so far, most recent last. */
  people: string[];
  /** The person the latest sentence was about: "he" in the next sentence is most likely that person. */
  subject?: string;
  /** The country named most recently. */
  country?: string;
  /** The place named most recently, for "there". */
  place?: string;
  /** Everyone and everything named so far in the draft. */
  seen: Set<string>;
  /** contextKey's value, kept until the context changes. */
  key?: string;
  /** The people part of the key (subject and the latest two), kept until those change. */
  peopleKey?: string;
  /** The people part of the key for a sentence without "the two leaders": who "he" is. Kept as peopleKey is. */
  heKey?: string;
  /** The place part of the key (country and place), kept until those change. */
  placeKey?: string;
  /** readingKey's values by reads, kept until the context changes (a copy shares them until either changes). */
  readingKeys?: (string | undefined)[];
  /** Whether `seen` belongs to this context; a copy shares its parent's set until it adds to it. */
  ownsSeen?: boolean;
}

function see(ctx: Context, id: string): void {
  if (ctx.seen.has(id)) return;
  if (!ctx.ownsSeen) {
    ctx.seen = new Set(ctx.seen);
    ctx.ownsSeen = true;
  }
  ctx.seen.add(id);
  seenKeys.delete(ctx.seen);
}

export function newContext(): Context {
  return { people: [], subject: undefined, country: undefined, place: undefined, seen: new Set(), key: undefined, peopleKey: undefined, heKey: undefined, placeKey: undefined, readingKeys: undefined, ownsSeen: false };
}

/**
 * A copy of a context that shares its seen set until it adds to it, with `people` as its list of people. Every
 * context has this one shape: a spread copy of contexts of several shapes goes by V8's slow path, block after block.
 */
export function copyContext(c: Context, people: string[]): Context {
  return { people, subject: c.subject, country: c.country, place: c.place, seen: c.seen, key: c.key, peopleKey: c.peopleKey, heKey: c.heKey, placeKey: c.placeKey, readingKeys: c.readingKeys, ownsSeen: false };
}

/** Everything in a context that can change how a block is read, and what follows it; equal keys read alike. */
export function contextKey(c: Context): string {
  return (c.key ??= internKey(`${peopleKey(c)}|${placeKey(c)}|${seenKey(c.seen)}`));
}

// The parts are not interned: they are only ever pieces of the keys that are.
function peopleKey(c: Context): string {
  return (c.peopleKey ??= `${c.subject ?? ''}|${c.people.slice(-2).join(',')}`);
}

/** Who "he", "him" and "the visit" stand for: the subject, else the latest person (parseClaim's pronoun rules). */
function heKey(c: Context): string {
  const n = c.people.length;
  return (c.heKey ??= `${n > 0 ? 1 : 0}|${c.subject ?? ''}|${c.subject === undefined && n > 0 ? c.people[n - 1] : ''}`);
}

function placeKey(c: Context): string {
  return (c.placeKey ??= `${c.country ?? ''}|${c.place ?? ''}`);
}

/** The parts of a context a sentence's reading can depend on (see contextReads). */
const READS_PEOPLE = 1;
const READS_PLACE = 2;
const READS_SEEN = 4;
/** The people part is the latest two, not only who "he" is: "the two leaders", "they". */
const READS_PAIR = 8;

/**
 * The parts of the context that can change how a sentence is read (0: none, it reads alike everywhere), by the same
 * patterns parseClaim and the judge read the context by, and no narrower:
 * - the people, when it names no one (a pronoun, "the visit", a row's implicit subject), or one person and says "him"
 *   or "the two leaders"; the latest two people when it says "the two leaders" or "they", else who "he" is;
 * - the country and place, when it names no place and says "the country", "there", "arrived", "previous", "the visit";
 * - everything the draft has named so far, when it names an event (whether the keyword means that event).
 */
export function contextReads(sentence: string, hits: EntityHit[]): number {
  let people = 0;
  let places = 0;
  let events = 0;
  for (const h of hits) {
    if (h.kind === 'person') people++;
    else if (h.kind === 'place') places++;
    else events++;
  }
  let reads = events > 0 ? READS_SEEN : 0;
  const pair = people <= 1 && (PAIR.test(sentence) || (people === 0 && THE_MEETING.test(sentence)) || (people === 1 && COUNTERPART.test(sentence)));
  if (people === 0 || (people === 1 && (pair || HIM.test(sentence))) || LEADING_HE.test(sentence) || onlyMet(sentence, hits)) reads |= READS_PEOPLE | (pair ? READS_PAIR : 0);
  if (places === 0 && (THE_COUNTRY.test(sentence) || THERE.test(sentence) || ARRIVAL.test(sentence) || PREVIOUS.test(sentence) || THE_VISIT.test(sentence))) reads |= READS_PLACE;
  return reads;
}

/**
 * The key of the parts `reads` of a context: a sentence with those reads reads alike in contexts of equal keys. Most
 * sentences read one part, which changes less often than the whole; every new name the draft meets changes `seen`.
 */
export function readingKey(c: Context, reads: number): string {
  const known = (c.readingKeys ??= new Array<string | undefined>(16));
  let key = known[reads];
  if (key === undefined) {
    const people = reads & READS_PEOPLE ? (reads & READS_PAIR ? peopleKey(c) : heKey(c)) : '';
    const place = reads & READS_PLACE ? placeKey(c) : '';
    known[reads] = key = internKey(`${reads}|${people}|${place}|${reads & READS_SEEN ? seenKey(c.seen) : ''}`);
  }
  return key;
}

// One string for each key: equal keys are then the same string, compared at once, hashed once, and built flat (a
// template literal makes a tree of string pieces, which a key kept but never hashed held on to, piece by piece).
const keys = new Map<string, string>();
function internKey(key: string): string {
  const known = keys.get(key);
  if (known !== undefined) return known;
  if (keys.size >= 50_000) keys.clear();
  keys.set(key, key);
  return key;
}

// A seen set changes only when a name appears for the first time. Its part of a context's key is a short id for its
// content (its sorted ids), kept with the set: the content itself made every key as long as the list of everything a
// draft had named so far, and a long draft built and hashed about as many characters of keys as it has of text.
// Ids are never reused, so a table cleared at its bound costs cache misses only, never a wrong hit.
const seenKeys = new WeakMap<Set<string>, string>();
const seenIds = new Map<string, string>();
const MAX_SEEN_IDS = 50_000;
let nextSeenId = 0;
function seenKey(seen: Set<string>): string {
  let key = seenKeys.get(seen);
  if (key === undefined) {
    const content = [...seen].sort().join(',');
    key = seenIds.get(content);
    if (key === undefined) {
      if (seenIds.size >= MAX_SEEN_IDS) seenIds.clear();
      seenIds.set(content, (key = (nextSeenId++).toString(36)));
    }
    seenKeys.set(seen, key);
  }
  return key;
}

/**
 * Whether a sentence can hold a claim the engine judges: an action or a named event together with a quantity
 * (a date, a number, an ordinal, "since", "again"), or a role before a name. Most sentences of an article have
 * neither, and skipping them keeps the check linear and cheap. Decided from the sentence's cue bits (claimCues), the
 * same ones its reading then uses.
 */
export function mayHoldClaim(sentence: string, hits: EntityHit[], cues: number): boolean {
  if ((sentence.includes('President') || sentence.includes('Minister') || sentence.includes('Supreme')) && ROLE_CUE.test(sentence)) return true;
  if (/\b(?:state|working)\s+(?:visit|trip)|\b(?:state|working) nature\b/i.test(sentence)) return true;
  // "Lukashenko and Xi signed deals worth $5 billion": an amount needs no verb of visiting or meeting.
  if (sentence.includes('$') && hits.some((h) => h.kind === 'person')) return true;
  const flags = cues | (hits.some((h) => h.kind === 'event') ? ACTION : 0);
  return (flags & (QUANTITY | ACTION)) === (QUANTITY | ACTION);
}

/**
 * The cue words a sentence holds, one bit per kind: parseClaim runs a pattern only when the words it needs are there.
 * Most patterns fail on most sentences, and a failing pattern tries every position of the sentence; a set lookup a
 * word is much cheaper. Each bit is a necessary condition of its pattern matching, never a sufficient one.
 */
export function claimCues(words: Words, from: number, to: number): number {
  let flags = 0;
  for (let i = from; i < to; i++) flags |= cueAt(words, i);
  return flags;
}

// Cue bits of the words met so far, found by the hash the word scan worked out: a word met before is compared in
// place, not cut out of its text and hashed again. Past its capacity, words go by cueOf's map.
const cueWordBits = new WordMap<number>(1 << 13);
function cueAt(words: Words, i: number): number {
  let f = cueWordBits.get(words, i);
  if (f === undefined) {
    const t = wordText(words, i);
    cueWordBits.add(t, (f = cueOf(t)));
  }
  return f;
}

/** The cue bits of a sentence, from its words. One word buffer for every call: typed arrays are costly to allocate. */
const cueWords = wordBuffer();
export function sentenceCues(sentence: string): number {
  const w = wordsOf(sentence, cueWords);
  return claimCues(w, 0, w.length);
}

const QUANTITY = 1;
const ACTION = 2;
const C_ARRIVAL = 1 << 2;
const C_HOST = 1 << 3;
const C_MEET = 1 << 4;
const C_CALL = 1 << 5;
const C_PREVIOUS = 1 << 6;
const C_NEGATION = 1 << 7;
const C_DENIAL = 1 << 8;
const C_HEDGE = 1 << 9;
const C_GROUP = 1 << 10;
const C_ORDINAL = 1 << 11;
const C_COUNT_NOUN = 1 << 12;
const C_TIMES = 1 << 13;
const C_AGAIN = 1 << 14;
const C_YEAR = 1 << 15;
const C_AGO = 1 << 16;
const C_SINCE = 1 << 17;
const C_KIND = 1 << 18;
/** Ends right before a visit-kind phrase that belongs to a visit set beside the claim's: "after a", "unlike his last". */
const OTHER_VISIT_BEFORE = /\b(?:after|following|before|ahead of|since|than|unlike|like|besides|beside|except)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;
const C_AWAY = 1 << 19;
const C_COUNTRY = 1 << 20;
const C_THERE = 1 << 21;
const C_VISIT_NOUN = 1 << 22;
const C_REPORTING = 1 << 23;
const C_FIRST = 1 << 24;
const C_DATE = 1 << 25;
const C_MONTH = 1 << 26;
const C_WEEKDAY = 1 << 27;
const C_DIGIT = 1 << 28;
/** Whole words that are cues, with their bits; words are lower-cased tokens of letters and digits. */
const CUE_WORDS = new Map<string, number>();
function cue(bit: number, words: string): void {
  for (const w of words.split(' ')) CUE_WORDS.set(w, (CUE_WORDS.get(w) ?? 0) | bit);
}
cue(C_ARRIVAL, 'arrive arrives arrived arriving arrival land lands landed landing touch touches touched touching reach reaches reached reaching');
cue(C_HOST, 'host hosts hosted hosting receive receives received receiving welcome welcomes welcomed welcoming');
cue(C_MEET, 'met mets meting metings meet meets meeting meetings talks summit summits convene convened sat sit');
cue(C_CALL, 'call calls called phone phones phoned phoning telephone telephoned rang spoke speak speaks speaking conversation');
cue(C_PREVIOUS, 'previous previously last recent recently earlier');
// "n't" is the word "t" after "didn", "isn".
cue(C_NEGATION, 'not t never no denied denies deny without neither nor');
cue(C_DENIAL, 'denied denies deny false untrue rumour rumours rumor rumors not t');
cue(C_HEDGE, 'if whether might could perhaps possibly probably rumour rumours rumoured rumor rumors rumored reportedly allegedly supposedly unconfirmed may');
cue(C_GROUP, 'european foreign western');
cue(C_ORDINAL, ORDINAL_WORDS.join(' '));
cue(C_FIRST, 'first');
cue(C_COUNT_NOUN, 'visits trips meetings talks summits calls times occasions journeys');
cue(C_TIMES, 'once twice thrice times');
cue(C_AGAIN, 'again');
cue(C_YEAR, 'year years');
cue(C_AGO, 'ago');
cue(C_SINCE, 'since');
cue(C_KIND, 'state working');
cue(C_AWAY, 'away absent absence');
cue(C_COUNTRY, 'country');
cue(C_THERE, 'there');
cue(C_VISIT_NOUN, 'visit trip');
cue(C_REPORTING, 'said says announced reported statement told website press added confirmed noted wrote published tweeted posted');
cue(C_DATE, 'year years');
const MONTH_PREFIXES = new Set('jan feb mar apr may jun jul aug sep oct nov dec'.split(' '));
const WEEKDAY_PREFIXES = new Set('mon tue wed thu fri sat sun'.split(' '));

/** Words recur: each word's cues are worked out once. */
const cues = new Map<string, number>();
function cueOf(t: string): number {
  let f = cues.get(t);
  if (f === undefined) {
    f = CUE_WORDS.get(t) ?? 0;
    const digit = t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57;
    if (QUANTITY_WORDS.has(t) || QUANTITY_WORDS.has(t.slice(0, 3)) || digit) f |= QUANTITY;
    if (ACTION_WORDS.has(t) || ACTION_WORDS.has(t.slice(0, 4)) || ACTION_WORDS.has(t.slice(0, 5))) f |= ACTION;
    if (t.startsWith('negotiat')) f |= C_MEET;
    if (t.startsWith('speculat')) f |= C_HEDGE;
    if (digit && /^\d{1,2}(?:st|nd|rd|th)$/.test(t)) f |= C_ORDINAL;
    if (digit) f |= C_DATE | C_DIGIT;
    if (MONTH_PREFIXES.has(t.slice(0, 3))) f |= C_DATE | C_MONTH;
    if (WEEKDAY_PREFIXES.has(t.slice(0, 3))) f |= C_DATE | C_WEEKDAY;
    if (cues.size < 100_000) cues.set(t, f);
  }
  return f;
}
const ROLE_CUE = /\b(?:President|Prime Minister|Vice-President|Supreme Leader)\s+\p{Lu}/u;
/** Whole words, and the three-letter starts of months and weekdays ("sept", "mon" → "mon"). */
const QUANTITY_WORDS = new Set(
  'jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun year years since first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth once twice thrice times again before never previous previously last recent recently earlier one two three four five six seven eight nine ten eleven twelve several many dozens'.split(' '),
);
/** Words of action, matched whole or by their first four or five letters ("arriv" for arrived, arrival). */
const ACTION_WORDS = new Set(
  'visit trip trips travel journey went goes go going come comes came arrive land lands touch reach set sets been is was are were be return head heads fly flies flew tour tours host hosts receive welcome stay stays time times met meet meets talks summit convene sat sit negotiate call calls phone telephone rang spoke speak conversation'
    .split(' ')
    .flatMap((w) => (w.length >= 5 ? [w, w.slice(0, 4), w.slice(0, 5)] : [w])),
);

/** The context after a sentence that was not parsed: its named people and places still count. */
export function advanceContextByNames(ctx: Context, hits: EntityHit[], index: FactIndex, from = 0, to = hits.length): void {
  const people: string[] = [];
  for (let i = from; i < to; i++) if (hits[i].kind === 'person' && people.indexOf(hits[i].id) < 0) people.push(hits[i].id);
  advanceContext(ctx, { people, subject: people[0] } as Claim, hits, index, from, to);
}

const VISIT = /\b(visit(?:s|ed|ing)?|trips?|travel(?:s|led|ed|ling|ing)?|journey(?:s|ed)?|went to|goes to|go to|going to|come to|comes to|came to|arriv(?:e|es|ed|ing|al)|land(?:s|ed|ing)?|touch(?:es|ed|ing)? down|reach(?:es|ed|ing)?|set(?:s|ting)? foot|been to|(?:is|was|are|were|be) (?:back )?in|returns? to|returned to|head(?:s|ed|ing)? to|fl(?:y|ies|ew) to|tour(?:s|ed)?|host(?:s|ed|ing)?|stay(?:s|ed)? in|times? (?:in|to))\b/i;
const ARRIVAL = /\b(arriv(?:e|es|ed|ing|al)|land(?:s|ed|ing)?|touch(?:es|ed|ing)? down|reach(?:es|ed|ing)?)\b/i;
const HOST = /\b(?:host(?:s|ed|ing)?|receiv(?:e|es|ed|ing)|welcom(?:e|es|ed|ing))\b/i;
const MEET = /\b(me(?:e)?t(?:s|ing|ings)?|met|talks|summit|convened?|s[ai]t down with|negotiat\w*)\b/i;
const CALL = /\b(call(?:s|ed)?|phon(?:e|es|ed|ing)|telephoned?|rang|spoke|speak(?:s|ing)?|phone (?:call|conversation)|conversation)\b/i;
const PREVIOUS = /\b(previous(?:ly)?|last (?:visit|trip|met|meeting|time|travell?ed|went|saw|spoke|call)|most recent(?:ly)?|earlier (?:visit|trip)|last visited)\b/i;
const NEGATION = /\b(not|n't|never|no|denied|denies|deny|without|neither|nor)\b(?<!\b(?:not|n't) (?:forget|least|only|just|to forget))(?! (?:forget|least|only|just|to forget)\b)|n't\b(?! (?:forget|only|just)\b)/i;
const PRONOUN = /\b(he|his|him|himself)\b/i;
const PAIR = /\b(the two (?:leaders|presidents|men|heads of state)|both (?:leaders|men|presidents)|the leaders|the pair|they|their|them)\b/i;
const THE_COUNTRY = /\bthe country\b/i;
const THERE = /\bthere\b/i;
const HIM = /\b(?:him|her)\b/i;
const COUNTERPART = /\b(?:his|her|their)\s+(?:\p{Lu}\p{Ll}+\s+)?counterparts?\b/u;
const LEADING_HE = /^(?:[^,.;:]{1,40},\s*)?(?:[Hh]e|[Ss]he)\s/;
/** "the visit", "this trip", "the December trip", "the Beijing visit": the one the draft is about. */
const THE_VISIT = /\b(?:[Tt]he|[Tt]his) (?:(?:\p{Lu}[\p{Ll}-]+|\d{4}) )?(?:visit|trip)\b/u;
const THE_MEETING = /\b(?:the|this)\s+(?:(\p{Lu}[\p{L}-]*)\s+)?(?:talks|meeting|summit)\b/iu;
const GROUP = /(?<!\b(?:almost|nearly|virtually|few|hardly)\s)\b(?:no|any|the first)\s+(?:other\s+)?(European|foreign|Western)\s+(?:leader|head of state|president)s?\b/i;
const TITLE_WORDS = new Set(['President', 'Prime', 'Minister', 'Chancellor', 'Vice', 'Vice-President', 'First', 'Supreme', 'Leader', 'Ayatollah', 'Senior', 'General', 'Junta', 'Chief', 'Opposition', 'State', 'The', 'Minsk', 'He', 'His', 'It', 'This', 'That', 'In', 'On', 'By', 'Russian', 'Belarusian', 'Chinese', 'Iranian', 'Kremlin']);
const ROLE_TITLES = ['Supreme Leader', 'First Vice-President', 'Vice-President', 'Prime Minister', 'President'];

// The ordinal may carry an adjective or a place before its noun: "third official visit", "third Beijing trip".
const ORDINAL_NOUN = new RegExp(`\\b(${ORDINAL_PATTERN})(?:-ever)?(?:\\s+(?:ever|official|state|working|foreign|overseas|known|such|consecutive|straight|\\d{4}|[A-Z][\\w'’-]+)){0,2}\\s+(visits?|trips?|times?|journeys?|meetings?|talks|summits?|calls?|travel)\\b`, 'i');
/** "It is his second this year", "the third in 2023": an ordinal standing for the sentence's visit or meeting. */
const BARE_ORDINAL = new RegExp(`\\b(?:his|her|its|their|the|[A-Za-z]+['’]s)\\s+(${ORDINAL_PATTERN})(?=\\s+(?:this year|of the year|in \\d{4}|since\\b|(?:to|in)\\s+(?:the\\s+)?[A-Z])|\\s*[,.;]|\\s*$)`, 'i');
/** Ends where a time anchor for the sentence's own event begins: "visited … after the (military) coup". */
const ANCHOR_BEFORE = /\b(?:after|before|following|until|ahead of)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** Follows a speaker's name: "said", ", the Kremlin spokesman, told reporters". */
const SPEAKER_VERB = /^(?:,[^,]{1,40},)?\s+(?:said|says|told|confirmed|noted|stated|announced|added|claimed|insisted|wrote|tweeted)\b/i;
/** Ends right before the date of an event set beside the sentence's: "after a phone call on", "before their talks in". */
const OTHER_EVENT_DATE = /\b(?:after|before|following|ahead of)\s+(?:a|an|the|their|his|her|its)\s+(?:[\p{L}-]+\s+){0,2}(?:calls?|conversations?|talks|meetings?|visits?|trips?|summits?)\s+(?:on|in)\s+$/iu;
/** Asserts nothing: a question, an inverted conditional ("Should he return …, it would …"), a correction note. */
const NOT_ASSERTED = /\?\s*["”’']?\s*$|^\s*(?:Should|Were|Had)\s|^\s*Correction\b|\ban earlier version of this\b/;
const SINCE_LEAD = /^\s*(?:the\s+)?(?:summer|spring|autumn|fall|winter|end|start|beginning|middle|turn)\s+of\s+(?:the\s+)?$/i;
/** Trips to anywhere: "first foreign trip", "second trip abroad". */
const ANYWHERE = /\b(?:foreign|overseas|international)\s+(?:visits?|trips?|journeys?|travel|tours?)\b|\b(?:visits?|trips?|journeys?|travel|tours?)\s+(?:abroad|overseas|outside)\b/i;
const FOR_NTH_TIME = new RegExp(`\\bfor the (${ORDINAL_PATTERN}) time\\b`, 'i');
const COUNT_NOUN = new RegExp(`\\b(${CARDINAL_PATTERN}|several|many|dozens of|numerous)\\s+(?:(earlier|previous|prior|past|other|separate|more|official|in-person|face-to-face)\\s+)?(visits|trips|meetings|talks|summits|calls|times|occasions|journeys)\\b`, 'i');
const TIMES = new RegExp(`\\b(once|twice|thrice|(${CARDINAL_PATTERN}) times)\\b`, 'i');
const AGAIN = /\b(?:once )?again\b/i;
const HOURS = new RegExp(`\\b(${CARDINAL_PATTERN}|half an|an|a|one and a half)\\s+hours?\\b`, 'i');
const GAP = new RegExp(`\\b(?:in|for|after)\\s+(more than|over|nearly|almost|about|around|roughly|some|less than|under|fewer than|just over|just under)?\\s*(${CARDINAL_PATTERN}|a|half a)(?:\\s+and\\s+a\\s+half)?\\s+years?\\b`, 'i');
const SINCE = /\bsince\b/i;
const AGO = new RegExp(`\\b(more than|over|nearly|almost|about|around|roughly|some|less than|under|just over|just under)?\\s*(${CARDINAL_PATTERN}|a)(?:\\s+and\\s+a\\s+half)?\\s+years?\\s+ago\\b`, 'i');
const NEVER_BEFORE = /\b(never|not|n't)\b[^.;]*\b(before|previously|until now|yet|ever)\b|\bnever\b/i;

/**
 * Whether the words between a named event and a later date tie the date to the event: "invaded Ukraine on",
 * "will be held in Dushanbe in", "are planned for". A comma or another action in between breaks the tie.
 */
function dateFollowsEvent(between: string): boolean {
  if (/^,\s*(?:which\s+|that\s+)?(?:was\s+|were\s+)?(?:launched|began|begun|started|staged|carried out|took place|happened)\s+(?:on|in)\s+$/i.test(between)) return true;
  if (/[,;:]/.test(between) || VISIT.test(between) || MEET.test(between) || CALL.test(between)) return false;
  return /^\s*(?:[\p{L}'’-]+\s+){0,8}?(?:on|in|for|at|of)\s+$/u.test(between);
}

/**
 * What "before" does to a count: "twice before", "had previously met twice" count earlier events; "twice before this
 * year" (earlier this year, or before it?) and "twice before the election" count over a window the sentence leaves
 * open.
 */
function countBefore(sentence: string, m: RegExpExecArray): 'earlier' | 'ambiguous' | undefined {
  const after = /^\s+(before|previously|earlier)\b(\s+(?:the|a|an|his|her|their|its|this|that|last|\d|\p{Lu}))?/u.exec(sentence.slice(m.index + m[0].length));
  if (after) return after[2] && after[1].toLowerCase() === 'before' ? 'ambiguous' : 'earlier';
  return /\bpreviously\b/i.test(sentence.slice(0, m.index)) ? 'earlier' : undefined;
}

function span(m: RegExpExecArray, group = 0): Span {
  const text = m[group];
  const start = m.index + m[0].indexOf(text);
  return { start, end: start + text.length, text };
}

/** A capitalised name that is not in the dataset, before any known person: the claim may be about someone else. */
const FUNCTION_WORDS = new Set('The A An This That These Those In On At By For From To With But And Or As After Before When While According Since During If Then Meanwhile Still Yet Both Last Next Earlier Later Late Early Mid'.split(' '));

/** Every person named is named as someone met: "talks with Xi Jinping", "with President Raisi". */
function onlyMet(sentence: string, hits: EntityHit[]): boolean {
  let people = 0;
  for (const h of hits) {
    if (h.kind !== 'person') continue;
    if (!MET_WITH.test(sentence.slice(Math.max(0, h.start - 40), h.start))) return false;
    people++;
  }
  return people > 0;
}
const MET_WITH = /\bwith\s+(?:\p{Lu}[\p{L}-]*\s+){0,3}$/u;

function unknownNameBefore(sentence: string, hits: EntityHit[], before: number): boolean {
  const re = /\b(\p{Lu}[\p{Ll}'’-]+)\s+(\p{Lu}[\p{Ll}'’-]+)\b/gu;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m.index >= before) break;
    const covered = hits.some((h) => m!.index < h.end && h.start < m!.index + m![0].length);
    if (covered) continue;
    if (TITLE_WORDS.has(m[1]) && TITLE_WORDS.has(m[2])) continue;
    // "The Kremlin said …", "In Minsk …": a capitalised function word is no first name.
    if (FUNCTION_WORDS.has(m[1])) {
      re.lastIndex = m.index + m[1].length;
      continue;
    }
    if (TITLE_WORDS.has(m[2]) || /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(m[2])) continue;
    return true;
  }
  return false;
}

/**
 * What a sentence says in words, whatever came before it: its tense, its dates, the names in it and every word pattern
 * parseClaim asks about, each matched at most once. A draft repeats sentences in different contexts ("He arrived on
 * Friday" after one name or another); the context changes who and where, never what the words match, so a reading is
 * kept per reference date and text and the context-dependent part of parsing is all that runs again.
 */
export class SentenceReading {
  readonly tense: ReturnType<typeof tenseOf>;
  readonly dates: DateExpr[];
  readonly explicitPeople: EntityHit[];
  readonly places: EntityHit[];
  readonly events: EntityHit[];
  readonly placeIds: string[];
  /** Offset of the first named person, or the sentence's length. */
  readonly firstKnown: number;
  /** A capitalised name the dataset does not know, before any known person. */
  readonly stranger: boolean;
  readonly group: RegExpExecArray | null;
  readonly anyGroup: RegExpExecArray | null;
  readonly visit: RegExpExecArray | null;
  readonly meet: RegExpExecArray | null;
  readonly call: RegExpExecArray | null;
  readonly hosts: boolean;
  readonly ordinalNoun: RegExpExecArray | null;
  readonly countNoun: RegExpExecArray | null;
  /** The place the sentence's verb or ordinal points at, else its first place. */
  readonly placeHit: EntityHit | undefined;
  readonly away: RegExpExecArray | null;
  readonly negation: RegExpExecArray | null;
  readonly sinceM: RegExpExecArray | null;
  readonly gapM: RegExpExecArray | null;
  readonly never: RegExpExecArray | null;
  readonly denial: boolean;
  readonly hedge: boolean;
  readonly first: boolean;
  /** Offset of the word "first", or -1. */
  readonly firstAt: number;
  readonly previous: boolean;
  readonly again: RegExpExecArray | null;
  /** Whether the words hold an ordinal ("third", "3rd"). */
  readonly ordinalCue: boolean;
  /** The named event and the date that is its own, if the sentence dates one. */
  readonly namedEvent: Claim['namedEvent'];
  readonly amount: Claim['amount'];
  readonly visitKind: Claim['visitKind'];
  readonly role: Claim['role'];
  private readonly cues: number;
  // Patterns only some readings ask about: matched on first use (undefined until then).
  private pairM: RegExpExecArray | null | undefined = undefined;
  private pronounM: boolean | undefined = undefined;
  private theVisitM: boolean | undefined = undefined;
  private theMeetingM: boolean | undefined = undefined;
  private leadingHeM: RegExpExecArray | null | undefined = undefined;
  private himM: RegExpExecArray | null | undefined = undefined;
  private hostM: RegExpExecArray | null | undefined = undefined;
  private arrivalM: boolean | undefined = undefined;
  private theCountryM: RegExpExecArray | null | undefined = undefined;
  private thereM: RegExpExecArray | null | undefined = undefined;
  private thereIsM: boolean | undefined = undefined;
  private forNthM: RegExpExecArray | null | undefined = undefined;
  private bareOrdinalM: RegExpExecArray | null | undefined = undefined;
  private timesM: RegExpExecArray | null | undefined = undefined;
  private agoM: RegExpExecArray | null | undefined = undefined;
  private reportingM: (boolean | undefined)[] | undefined = undefined;

  constructor(readonly sentence: string, readonly hits: EntityHit[], ref: string, index: FactIndex, cues = sentenceCues(sentence)) {
    this.cues = cues;
    const has = (bits: number) => (cues & bits) !== 0;
    this.tense = tenseOf(sentence);
    const dateCues = (has(C_MONTH) ? DATE_CUE.month : 0) | (has(C_WEEKDAY) ? DATE_CUE.weekday : 0) | (has(C_DIGIT) ? DATE_CUE.digit : 0) | (has(C_YEAR) ? DATE_CUE.year : 0);
    const dates = (this.dates = dateCues ? findDates(sentence, ref, this.tense, dateCues) : []);
    this.explicitPeople = hits.filter((h) => h.kind === 'person');
    const places = (this.places = hits.filter((h) => h.kind === 'place'));
    const events = (this.events = hits.filter((h) => h.kind === 'event'));
    this.placeIds = unique(places.map((p) => p.id));
    this.firstKnown = this.explicitPeople[0]?.start ?? sentence.length;
    this.stranger = unknownNameBefore(sentence, hits, this.firstKnown);
    this.group = has(C_GROUP) ? GROUP.exec(sentence) : null;
    this.anyGroup = has(C_GROUP) ? /\b(European|foreign|Western)\s+(?:leader|head of state|president)/i.exec(sentence) : null;
    this.visit = VISIT.exec(sentence);
    this.meet = has(C_MEET) ? MEET.exec(sentence) : null;
    this.call = has(C_CALL) ? CALL.exec(sentence) : null;
    this.hosts = has(C_HOST) && HOST.test(sentence);
    this.ordinalNoun = has(C_ORDINAL) ? ORDINAL_NOUN.exec(sentence) : null;
    this.countNoun = has(C_COUNT_NOUN) ? COUNT_NOUN.exec(sentence) : null;
    const ordinalAt = (this.ordinalNoun ?? this.countNoun)?.index ?? -1;
    const afterPreposition = (p: EntityHit) => /\b(to|in|at|into|visit(?:s|ed|ing)?|reach(?:es|ed)?|toured?)\s+(?:the\s+)?$/i.test(sentence.slice(Math.max(0, p.start - 14), p.start));
    // With an ordinal ("his second visit to Myanmar"), the place it counts is the one after it.
    this.placeHit = (ordinalAt >= 0 ? places.find((p) => p.start > ordinalAt && afterPreposition(p)) : undefined) ?? places.find(afterPreposition) ?? places[0];
    // "Has stayed away from Belarus for five years" is "has not visited": a negation the since and gap checks read.
    this.away = has(C_AWAY) ? /\b(?:stay(?:s|ed|ing)? away|kept away|keeps? away|been absent|absen(?:t|ce) from)\b/i.exec(sentence) : null;
    this.negation = has(C_NEGATION) ? NEGATION.exec(sentence) : null;
    this.sinceM = has(C_SINCE) ? SINCE.exec(sentence) : null;
    this.gapM = has(C_YEAR) ? GAP.exec(sentence) : null;
    this.never = has(C_NEGATION) ? NEVER_BEFORE.exec(sentence) : null;
    this.denial = has(C_DENIAL) && /\b(denied|denies|deny|false|untrue|rumou?rs?|reportedly not|would not be|isn't|is not|wasn't|was not)\b/i.test(sentence);
    // Hedged, conditional or reported-as-uncertain claims are not asserted.
    this.hedge = NOT_ASSERTED.test(sentence) || (has(C_HEDGE) && (/\b(if|whether|might|could|perhaps|possibly|probably|rumou?r(?:s|ed)?|reportedly|allegedly|supposedly|unconfirmed|speculat\w*)\b/i.test(sentence) || /\bmay\b/.test(sentence)));
    this.firstAt = has(C_FIRST) ? sentence.search(/\bfirst\b/i) : -1;
    this.first = this.firstAt >= 0;
    this.previous = has(C_PREVIOUS) && PREVIOUS.test(sentence);
    this.again = has(C_AGAIN) ? AGAIN.exec(sentence) : null;
    this.ordinalCue = has(C_ORDINAL);

    // Named events with their date: "the 2018 coup", "the February 24 invasion", "invaded on February 14".
    this.namedEvent = undefined;
    for (const e of events) {
      // The date must be the event's own: "the 2018 coup", "the February 24 invasion", "invaded Ukraine on March 3",
      // "the coup in 2021"; not "visited in January 2022, a year after the coup".
      const anchored = ANCHOR_BEFORE.test(sentence.slice(Math.max(0, e.start - 24), e.start)) && [this.visit, this.meet, this.call].some((m) => !!m && m.index < e.start);
      const near = dates
        .filter((d) => !d.relative)
        .filter((d) =>
          d.end <= e.start
            ? /^\s*(?:[\p{L}-]+\s+)?$/u.test(sentence.slice(d.end, e.start))
            : d.start >= e.end && dateFollowsEvent(sentence.slice(e.end, d.start)),
        )
        .map((d) => ({ d, gap: d.end <= e.start ? e.start - d.end : d.start - e.end }))
        .sort((a, b) => a.gap - b.gap)[0];
      if (near) {
        this.namedEvent = { id: e.id, span: { start: e.start, end: e.end, text: sentence.slice(e.start, e.end) }, date: near.d, anchored: anchored && near.d.start > e.start };
        break;
      }
    }

    // Amounts: "$3.56 billion", "US$4bn", "four hours".
    this.amount = undefined;
    const money = sentence.includes('$') ? /(?:US)?\$\s?(\d+(?:[.,]\d+)?)\s*(billion|bn|million|mn|m|b)?\b/i.exec(sentence) : null;
    if (money) {
      const scale = /^b/i.test(money[2] ?? '') ? 1e9 : /^m/i.test(money[2] ?? '') ? 1e6 : 1;
      this.amount = { start: money.index, end: money.index + money[0].length, text: money[0], value: parseFloat(money[1].replace(',', '.')) * scale, unit: 'USD' };
    } else {
      const hours = sentence.includes('hour') ? HOURS.exec(sentence) : null;
      if (hours) {
        const w = hours[1].toLowerCase();
        const value = w === 'half an' ? 0.5 : w === 'an' || w === 'a' ? 1 : w === 'one and a half' ? 1.5 : cardinalValue(w);
        if (value !== undefined) this.amount = { start: hours.index, end: hours.index + hours[0].length, text: hours[0], value, unit: 'hours' };
      }
    }
    // The kind of visit: "a state visit", "a working trip", "of a working nature".
    this.visitKind = undefined;
    const kind = has(C_KIND) ? /\b(state|working)\s+(?:visit|trip)\b|\bof an? (state|working) nature\b/i.exec(sentence) : null;
    // "after a state visit in the spring" names another visit than the one the sentence is about.
    if (kind && !OTHER_VISIT_BEFORE.test(sentence.slice(Math.max(0, kind.index - 60), kind.index))) {
      const word = (kind[1] ?? kind[2]).toLowerCase() as 'state' | 'working';
      const at = kind.index + kind[0].toLowerCase().indexOf(word);
      this.visitKind = { start: at, end: at + word.length, text: sentence.slice(at, at + word.length), kind: word };
    }
    this.role = roleOf(sentence, hits, index);
  }

  get pair(): RegExpExecArray | null {
    return this.pairM !== undefined ? this.pairM : (this.pairM = PAIR.exec(this.sentence));
  }
  get pronoun(): boolean {
    return this.pronounM ?? (this.pronounM = PRONOUN.test(this.sentence));
  }
  /** "the talks", "the meeting", "the Moscow summit" (a place the dataset knows, or no modifier). */
  get theMeeting(): boolean {
    if (this.theMeetingM !== undefined) return this.theMeetingM;
    const m = (this.cues & C_MEET) !== 0 ? THE_MEETING.exec(this.sentence) : null;
    return (this.theMeetingM = !!m && (!m[1] || this.places.some((p) => p.start === m.index + m[0].indexOf(m[1]))));
  }
  get theVisit(): boolean {
    return this.theVisitM ?? (this.theVisitM = (this.cues & C_VISIT_NOUN) !== 0 && THE_VISIT.test(this.sentence));
  }
  /** "He …", "On Monday, he …": a subject pronoun that opens the sentence. */
  get leadingHe(): RegExpExecArray | null {
    return this.leadingHeM !== undefined ? this.leadingHeM : (this.leadingHeM = LEADING_HE.exec(this.sentence));
  }
  get him(): RegExpExecArray | null {
    return this.himM !== undefined ? this.himM : (this.himM = HIM.exec(this.sentence));
  }
  get host(): RegExpExecArray | null {
    return this.hostM !== undefined ? this.hostM : (this.hostM = HOST.exec(this.sentence));
  }
  get arrivalWord(): boolean {
    return this.arrivalM ?? (this.arrivalM = (this.cues & C_ARRIVAL) !== 0 && ARRIVAL.test(this.sentence));
  }
  get theCountry(): RegExpExecArray | null {
    return this.theCountryM !== undefined ? this.theCountryM : (this.theCountryM = (this.cues & C_COUNTRY) !== 0 ? THE_COUNTRY.exec(this.sentence) : null);
  }
  get there(): RegExpExecArray | null {
    return this.thereM !== undefined ? this.thereM : (this.thereM = (this.cues & C_THERE) !== 0 ? THERE.exec(this.sentence) : null);
  }
  /** "there is", "there were": not a place. */
  get thereIs(): boolean {
    return this.thereIsM ?? (this.thereIsM = /\bthere (?:is|are|was|were|will|has|have|had)\b/i.test(this.sentence));
  }
  get forNth(): RegExpExecArray | null {
    return this.forNthM !== undefined ? this.forNthM : (this.forNthM = FOR_NTH_TIME.exec(this.sentence));
  }
  get bareOrdinal(): RegExpExecArray | null {
    return this.bareOrdinalM !== undefined ? this.bareOrdinalM : (this.bareOrdinalM = BARE_ORDINAL.exec(this.sentence));
  }
  get times(): RegExpExecArray | null {
    return this.timesM !== undefined ? this.timesM : (this.timesM = (this.cues & C_TIMES) !== 0 ? TIMES.exec(this.sentence) : null);
  }
  get ago(): RegExpExecArray | null {
    return this.agoM !== undefined ? this.agoM : (this.agoM = (this.cues & C_AGO) !== 0 ? AGO.exec(this.sentence) : null);
  }
  /** Whether the i-th date is that of the reporting, not of the event: "a statement on Friday", "said on Monday". */
  reporting(i: number): boolean {
    if ((this.cues & C_REPORTING) === 0) return false;
    const known = (this.reportingM ??= []);
    if (known[i] === undefined) {
      const d = this.dates[i];
      // A reporting word with the date attached to it: "said on Friday", "a statement on the leader's website on Friday".
      known[i] = endsWithReportingTie(this.sentence.slice(Math.max(0, d.start - 60), d.start));
    }
    return known[i]!;
  }
}

/** A role stated before a name: "<Demonym> <Title> <Name Name>" ("Iranian President Ebrahim Raisi"). */
/** "Iran's Supreme Leader Ali Khamenei": a country's name in the possessive before the title, as `word` "Iran". */
function possessiveRoleAt(sentence: string, at: number, title: string, index: FactIndex): RolePhrase | undefined {
  const before = /(\p{Lu}\p{Ll}+)['’]s\s+$/u.exec(sentence.slice(Math.max(0, at - 24), at));
  if (!before || !index.countryByName(before[1])) return undefined;
  const name = /^\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/u.exec(sentence.slice(at + title.length));
  if (!name) return undefined;
  const nameStart = at + title.length + name[0].length - name[1].length;
  // `word` sits right before the title, as in rolePhraseAt's phrases.
  return { word: before[1], nameStart, name: name[1] };
}

function roleOf(sentence: string, hits: EntityHit[], index: FactIndex): Claim['role'] {
  // Read at a title found by indexOf, so a sentence pays only for the titles it holds: the word before it and the
  // capitalised name after it.
  for (const title of ROLE_TITLES) {
    const at = sentence.indexOf(title);
    if (at < 0) continue;
    // Back to the start of the word before the title, then the phrase from there.
    let w = at - 1;
    while (w > 0 && sentence[w - 1] === ' ') w--;
    while (w > 0 && isLetterAt(sentence, w - 1)) w--;
    if (w < 0) w = 0; // a title at the very start
    const phrase = rolePhraseAt(sentence, w, title);
    const direct = phrase && w + phrase.word.length + 1 <= at + 1 ? phrase : undefined;
    const m = direct ?? possessiveRoleAt(sentence, at, title, index);
    if (!m) continue;
    // A demonym before the title ("Iranian President"), or a country's name in the possessive ("Iran's President"):
    // not a bare name ("… relations with China President Lukashenko …" runs a headline into the next sentence).
    const country = direct ? index.countryByDemonym(m.word) : index.countryByName(m.word);
    if (!country) continue;
    // "Former Russian President Dmitry Medvedev" names someone else's time in office.
    if (/\b(?:former|ex-?|then|late|future|acting|interim|deputy|vice|previous|past|next|incoming|outgoing)[\s-]+$/i.test(sentence.slice(Math.max(0, w - 12), w))) return undefined;
    const { nameStart, name } = m;
    const person = hits.find((h) => h.kind === 'person' && h.start >= nameStart && h.start < nameStart + name.length);
    return { country: country.id, title, name: { start: nameStart, end: nameStart + name.length, text: name }, ...(person ? { person: person.id } : {}) };
  }
  return undefined;
}

/**
 * One sentence read in its context. `r` is what the words say (see SentenceReading); the context decides who
 * "he" and "the two leaders" are, and where "there" is.
 */
export function parseClaim(r: SentenceReading, ctx: Context, ref: string, implicitSubject = false): Claim {
  const sentence = r.sentence;
  const { tense, dates, explicitPeople, places, events, firstKnown, stranger, group, visit, meet, call } = r;

  // Every field present from the start, in one order: claims then share one hidden class, and the judge's property
  // reads stay monomorphic.
  const claim: Claim = {
    action: undefined, subject: undefined, others: [], place: undefined, places: r.placeIds.slice(), date: undefined, scope: undefined,
    arrival: false, previous: false, ordinal: undefined, again: undefined, count: undefined, since: undefined, gap: undefined, never: undefined,
    negated: false, namedEvent: undefined, amount: undefined, visitKind: undefined, role: undefined, tense, sentence, people: [], groupMention: undefined, keepsSubject: undefined,
  };

  // People: named ones, else a pronoun for the latest person, else "the two leaders" for the latest two.
  const people = explicitPeople.map((h) => h.id);
  // "Peskov said the two presidents would meet", "Peskov said Putin would travel": the speaker is no party to it.
  const speaker = explicitPeople[0];
  if (speaker && SPEAKER_VERB.test(sentence.slice(speaker.end, speaker.end + 48))) {
    const pairAfter = r.pair !== null && r.pair.index > speaker.end;
    if (pairAfter || explicitPeople.some((h) => h.id !== speaker.id)) people.splice(0, people.length, ...people.filter((p) => p !== speaker.id));
  }
  if (!stranger) {
    const pair = r.pair;
    if (pair && ctx.people.length >= 2 && people.length <= 1) {
      const recent = unique(ctx.people.slice().reverse());
      const two = people.length === 1 ? [people[0], recent.find((p) => p !== people[0])!] : recent.slice(0, 2).reverse();
      if (pair.index < firstKnown || people.length === 0) people.splice(0, people.length, ...two.filter(Boolean));
      else for (const p of two) if (p && !people.includes(p)) people.push(p);
    } else if (people.length === 0 && r.pronoun && ctx.people.length) {
      people.push(ctx.subject ?? ctx.people[ctx.people.length - 1]);
    } else if (people.length === 0 && ctx.people.length >= 2 && r.theMeeting) {
      // "The Moscow talks are set for September 10": the meeting of the two people the draft just named.
      people.push(...unique(ctx.people.slice().reverse()).slice(0, 2).reverse());
    } else if (people.length === 0 && ctx.subject && r.theVisit) {
      // "BelTA said the visit is of a working nature": the visit the draft is about.
      people.push(ctx.subject);
    } else if (implicitSubject && ctx.subject && people.length > 0 && !people.includes(ctx.subject) && onlyMet(sentence, explicitPeople)) {
      // "| 14 March 2023 | Tehran | Talks with President Ebrahim Raisi |": the draft's person met the one named.
      people.unshift(ctx.subject);
    } else if (people.length === 0 && implicitSubject && ctx.subject) {
      // A table row or list item under a draft about someone: "| Beijing (state visit) | late February 2023 |".
      people.push(ctx.subject);
    } else if (people.length >= 1 && ctx.people.length && r.leadingHe !== null && r.leadingHe.index < firstKnown) {
      // "He arrived there on March 12 and met Ebrahim Raisi": "he" is the draft's person; the one named is met.
      const he = ctx.subject ?? ctx.people[ctx.people.length - 1];
      if (!people.includes(he)) people.unshift(he);
    } else if (people.length === 1 && ctx.people.length && COUNTERPART.test(sentence)) {
      // "The Russian leader phoned his counterpart": the latest other person the draft named.
      const other = ctx.people.slice().reverse().find((p) => p !== people[0]);
      if (other) people.push(other);
    } else if (people.length === 1 && ctx.subject && ctx.subject !== people[0]) {
      // "Putin phoned him": an object pronoun after the one person named is the draft's subject.
      const him = r.him;
      if (him && him.index > firstKnown) {
        people.push(ctx.subject);
        claim.keepsSubject = true;
      }
    }
  }
  claim.people = unique(people);

  // Group subjects: "No European leader has visited Myanmar since …".
  if (r.anyGroup) claim.groupMention = `${r.anyGroup[1].toLowerCase()}-leader`;
  if (group && group.index < firstKnown) claim.subject = `${group[1].toLowerCase()}-leader`;
  else if (!stranger) claim.subject = claim.people[0];

  // Action.
  let action: Action | undefined;
  if (visit && (!meet || visit.index <= meet.index || places.length > 0) && !(call && !places.length)) action = 'visit';
  // "Putin had called Lukashenko … ahead of the meeting": of a call and a meeting, the one named first.
  else if (meet && !(call && call.index < meet.index)) action = 'meeting';
  else if (call) action = 'call';
  // "Putin will receive Lukashenko", "Raisi welcomed Lukashenko": a visit only with a guest named after the verb.
  if (!action && r.hosts && claim.people.length >= 2 && explicitPeople.some((h) => h.start > r.host!.index)) action = 'visit';
  if (action === 'visit' && meet && claim.people.length >= 2 && !r.hosts) action = 'meeting';
  // Headline style, with no verb: "Lukashenko in Beijing for the third time", "Putin in Minsk, first time since 2019".
  if (!action && r.ordinalCue && r.placeHit && explicitPeople.length && /^\s+in\s+$/.test(sentence.slice(explicitPeople[0].end, r.placeHit.start))) action = 'visit';
  claim.action = action;
  claim.arrival = action === 'visit' && r.arrivalWord;
  if (r.hosts && claim.people.length >= 2 && action === 'visit') {
    // "X will host Y in Minsk": Y is the visitor.
    const host = r.host!;
    const after = explicitPeople.find((h) => h.start > host.index);
    if (after) claim.subject = after.id;
  }
  claim.others = claim.people.filter((p) => p !== claim.subject);

  // Destination or meeting place: a place after a preposition or verb, else the first one; "the country" → context.
  const placeHit = r.placeHit;
  if (placeHit) claim.place = { id: placeHit.id, start: placeHit.start, end: placeHit.end, text: sentence.slice(placeHit.start, placeHit.end) };
  else {
    const tc = r.theCountry;
    const there = r.there;
    if (tc && ctx.country) claim.place = { id: ctx.country, ...span(tc) };
    else if (there && ctx.place && !r.thereIs) claim.place = { id: ctx.place, ...span(there) };
    // "He arrived on March 10", "during his previous visit": at the place the draft just named.
    else if ((claim.arrival || (action === 'visit' && (r.previous || r.theVisit))) && ctx.place && places.length === 0) claim.place = { id: ctx.place, start: 0, end: 0, text: '' };
  }

  // Negation: anything negated that is not a "has not … since", "never before" or "no X has" claim is left alone.
  const { away, sinceM, gapM, never } = r;
  if (away && !claim.action) claim.action = 'visit';
  const neg = r.negation ?? away;
  if (neg) {
    const handled = (sinceM && sinceM.index > neg.index) || (gapM && gapM.index > neg.index) || (group && group.index <= neg.index + 3) || (never && claim.action === 'visit');
    if (!handled) claim.negated = true;
    else if (never && !sinceM && !gapM && !group) claim.never = span(never);
  }
  if (r.denial && !sinceM && !gapM) claim.negated = true;
  if (r.hedge) claim.negated = true;

  claim.namedEvent = r.namedEvent;

  // Since: a date or a named event after "since".
  // "Since X" makes a claim about the previous event only with "first" or a negation ("has met him dozens of times
  // since 2020" is a count, not a since claim).
  // "His first foreign trip since 2019" looks back at trips to anywhere, which the sources do not list.
  const first = r.first && !ANYWHERE.test(sentence.slice(r.firstAt, r.firstAt + 48));
  if (sinceM && (first || (neg && neg.index < sinceM.index) || group)) {
    const after = sinceM.index + sinceM[0].length;
    // "since 2019", "since June 2019", "since the summer of 2018", "since the end of 2019".
    const d = dates.find((x) => x.start >= after && (x.start - after <= 12 || SINCE_LEAD.test(sentence.slice(after, x.start))));
    const ev = events.find((x) => x.start >= after && x.start - after <= 30);
    const firstSince = first && !(neg && neg.index < sinceM.index);
    if (ev && (!d || ev.start <= d.end + 2)) claim.since = { span: span(sinceM), event: ev.id, ...(d ? { date: d } : {}), first: firstSince };
    else if (d) claim.since = { span: { start: sinceM.index, end: d.end, text: sentence.slice(sinceM.index, d.end) }, date: d, first: firstSince };
    // "Since March" looks back: a month without a year that landed ahead of the reference date is last year's.
    const sd = claim.since?.date;
    if (sd && !sd.style.withYear && sd.from > ref) {
      const back = (iso: string) => `${+iso.slice(0, 4) - 1}${iso.slice(4)}`;
      claim.since!.date = { ...sd, from: back(sd.from), to: back(sd.to) };
    }
  }
  if (gapM && (first || neg)) {
    const q = (gapM[1] ?? '').toLowerCase();
    const base = gapM[2].toLowerCase() === 'a' ? 1 : gapM[2].toLowerCase() === 'half a' ? 0.5 : cardinalValue(gapM[2]) ?? NaN;
    const years = base + (/and a half/i.test(gapM[0]) ? 0.5 : 0);
    if (!Number.isNaN(years)) {
      const qualifier = /more|over/.test(q) ? 'more' : /less|under|fewer/.test(q) ? 'less' : 'about';
      claim.gap = { ...span(gapM), years, qualifier };
    }
  }
  // "Putin last visited Belarus five years ago": the gap since the previous one, said the other way round.
  const previous = r.previous;
  const ago = !claim.gap && previous ? r.ago : null;
  if (ago) {
    const q = (ago[1] ?? '').toLowerCase();
    const w = ago[2].toLowerCase();
    const years = (w === 'a' || w === 'one' ? 1 : cardinalValue(w) ?? NaN) + (/and a half/i.test(ago[0]) ? 0.5 : 0);
    const lead = ago[0].length - ago[0].trimStart().length;
    const at = ago.index + lead;
    if (!Number.isNaN(years)) claim.gap = { start: at, end: ago.index + ago[0].length, text: ago[0].slice(lead), years, qualifier: /more|over/.test(q) ? 'more' : /less|under|fewer/.test(q) ? 'less' : 'about', ago: true };
  }

  // Ordinals and counts.
  const ordinalNoun = r.ordinalNoun;
  const ord = ordinalNoun ?? (r.ordinalCue ? (r.forNth ?? (action ? r.bareOrdinal : null)) : null);
  if (ord) {
    const value = ordinalValue(ord[1]);
    const negBefore = neg && neg.index < ord.index && ord.index - neg.index < 20;
    // "His first trip abroad this year was to Beijing" counts trips to anywhere, which the sources do not list.
    const anywhere = ANYWHERE.test(sentence.slice(ord.index, ord.index + ord[0].length + 24));
    if (value !== undefined && !negBefore && !anywhere && !/\bfirst\s+(?:half|quarter|lady|vice|deputy)\b/i.test(ord[0])) claim.ordinal = { ...span(ord, 1), value };
    // "The first visit by any European leader": the subject is the group, not a person.
  }
  const cnt = r.countNoun;
  if (cnt && !claim.ordinal) {
    const value = cardinalValue(cnt[1]);
    const before = countBefore(sentence, cnt);
    if (value !== undefined && before !== 'ambiguous') claim.count = { ...span(cnt, 1), value, earlier: (!!cnt[2] && /earlier|previous|prior|past/i.test(cnt[2])) || before === 'earlier', times: /times|occasions/i.test(cnt[3]) };
  } else if (!claim.ordinal) {
    const t = r.times;
    const before = t ? countBefore(sentence, t) : undefined;
    if (t && before !== 'ambiguous') {
      const value = cardinalValue(t[2] ?? t[1]);
      if (value !== undefined) claim.count = { ...span(t, 1), value, earlier: before === 'earlier', times: true };
    }
  }
  const again = r.again;
  // "Again" makes a visit at least the second, when the sentence dates only one event ("in March and again in June"
  // speaks of two).
  if (again && !claim.ordinal && !claim.count && claim.action === 'visit' && dates.filter((d) => !d.relative).length <= 1) claim.again = span(again);

  // The event's own date: not the "since" anchor, not a scope like "this year", not a named event's date.
  const actionAt = [visit, meet, call].filter((m): m is RegExpExecArray => !!m).map((m) => m.index);
  // "Twice since 2019": for a count, "since" opens the window counted.
  if (claim.count && !claim.since && sinceM) {
    const d = dates.find((x) => x.start >= sinceM.index + 5 && x.start - sinceM.index <= 20);
    if (d) claim.scope = d;
  }
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (claim.since?.date === d || (claim.namedEvent?.date === d && !claim.namedEvent.anchored) || claim.scope === d) continue;
    // Dates of the reporting, not of the event: "according to a statement on Friday", "said on Monday".
    if (r.reporting(i)) continue;
    // The date of another event the sentence sets its own against: "the talks came after a phone call on August 30".
    if (OTHER_EVENT_DATE.test(sentence.slice(Math.max(0, d.start - 64), d.start))) continue;
    if (!d.relative && actionAt.length && Math.min(...actionAt.map((a) => Math.abs(a - d.start))) > 90) continue;
    const afterOrdinal = !!claim.ordinal && d.precision === 'year' && d.start > claim.ordinal.end && d.start - claim.ordinal.end <= 2;
    if (d.relative || afterOrdinal || ((claim.ordinal || claim.count) && d.precision === 'year' && /\b(in|during|of)\s+$/i.test(sentence.slice(Math.max(0, d.start - 8), d.start)))) {
      claim.scope ??= d;
      continue;
    }
    claim.date ??= d;
  }
  if (claim.date && claim.date.precision === 'year' && !claim.ordinal && !claim.count && (claim.since || claim.gap)) claim.date = undefined;
  claim.previous = previous;
  claim.amount = r.amount;
  claim.visitKind = r.visitKind;
  claim.role = r.role;
  return claim;
}

/** Carries what this sentence named into the context of the next: its claim's people and its places hits[from, to). */
export function advanceContext(ctx: Context, claim: Pick<Claim, 'people' | 'subject' | 'keepsSubject'>, hits: EntityHit[], index: FactIndex, from = 0, to = hits.length): void {
  let places = false;
  for (let i = from; i < to && !places; i++) places = hits[i].kind === 'place';
  if (claim.people.length === 0 && !places) return;
  // A sentence that names again who and where the context already has leaves it as it was: it keeps its key, so the
  // key is not built and hashed again (a draft about one person names that person sentence after sentence).
  const { key, peopleKey, heKey, placeKey, subject, country, place } = ctx;
  const seenSize = ctx.seen.size;
  const n = ctx.people.length;
  for (let i = 0; i < n && i < PREVIOUS_PEOPLE.length; i++) PREVIOUS_PEOPLE[i] = ctx.people[i];
  ctx.key = undefined;
  ctx.peopleKey = undefined;
  ctx.heKey = undefined;
  ctx.placeKey = undefined;
  const { readingKeys } = ctx;
  ctx.readingKeys = undefined;
  for (const p of claim.people) {
    const i = ctx.people.lastIndexOf(p);
    if (i >= 0) ctx.people.splice(i, 1);
    ctx.people.push(p);
    see(ctx, p);
  }
  if (ctx.people.length > 6) ctx.people.splice(0, ctx.people.length - 6);
  if (claim.subject && index.people.has(claim.subject) && !claim.keepsSubject) ctx.subject = claim.subject;
  for (let i = from; i < to; i++) {
    const h = hits[i];
    if (h.kind !== 'place') continue;
    see(ctx, h.id);
    ctx.place = h.id;
    const country = index.countryOf(h.id);
    if (country) {
      ctx.country = country;
      see(ctx, country);
    }
  }
  const samePlace = ctx.country === country && ctx.place === place;
  if (samePlace) ctx.placeKey = placeKey;
  if (n > PREVIOUS_PEOPLE.length || ctx.people.length !== n || ctx.subject !== subject) return;
  for (let i = 0; i < n; i++) if (ctx.people[i] !== PREVIOUS_PEOPLE[i]) return;
  ctx.peopleKey = peopleKey;
  ctx.heKey = heKey;
  if (samePlace && ctx.seen.size === seenSize) {
    ctx.key = key;
    ctx.readingKeys = readingKeys;
  }
}
/** advanceContext's copy of the people before the sentence (a context keeps six). */
const PREVIOUS_PEOPLE: string[] = ['', '', '', '', '', '', '', ''];

export type { DateExpr };
