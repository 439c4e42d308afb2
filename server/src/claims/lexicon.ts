// The English the claim reader knows by word: which verbs and nouns name a visit, a meeting or a call, which words
// report, hedge or subordinate. General English only: no person, place or event of the dataset is named here; those
// come from facts.json.

import type { Action } from './frame';

/** Verbs (by lemma) that name an event themselves. "host" is a visit seen from the host's side. */
export const EVENT_VERBS: ReadonlyMap<string, Action | 'host'> = new Map<string, Action | 'host'>([
  ...['visit', 'revisit', 'travel', 'go', 'come', 'fly', 'arrive', 'land', 'reach', 'return', 'head', 'jet', 'tour', 'journey'].map((w) => [w, 'visit'] as const),
  ...['host', 'receive', 'welcome', 'greet'].map((w) => [w, 'host'] as const),
  ...['meet', 'negotiate', 'confer', 'convene', 'see'].map((w) => [w, 'meeting'] as const),
  ...['talk', 'speak', 'discuss', 'confer'].map((w) => [w, 'talk'] as const),
  ...['call', 'phone', 'ring', 'telephone'].map((w) => [w, 'call'] as const),
]);

/** Verbs of movement that need a destination to be a visit ("went to Beijing"; not "went on", "came amid"). */
export const NEEDS_DESTINATION = new Set(['go', 'come', 'head', 'return', 'reach', 'fly', 'jet', 'journey']);

/** Nouns (by lemma) that name an event. */
export const EVENT_NOUNS: ReadonlyMap<string, Action> = new Map<string, Action>([
  ...['visit', 'trip', 'journey', 'tour', 'travel', 'stay', 'stopover', 'arrival', 'voyage'].map((w) => [w, 'visit'] as const),
  ...['meeting', 'summit', 'encounter', 'conference', 'summitry', 'bilateral'].map((w) => [w, 'meeting'] as const),
  // Talks may be held face to face or by phone.
  ...['talk', 'talks', 'negotiation', 'negotiations', 'discussion', 'discussions'].map((w) => [w, 'talk'] as const),
  ...['call', 'conversation'].map((w) => [w, 'call'] as const),
]);

/** Verbs that carry an event noun without adding one: "paid a visit", "held talks", "made his third trip". */
export const LIGHT_VERBS = new Set(['make', 'pay', 'undertake', 'hold', 'have', 'conduct', 'begin', 'start', 'end', 'conclude', 'wrap', 'embark', 'complete', 'be', 'mark', 'become', 'attend', 'take', 'kick', 'open', 'launch', 'continue', 'cut', 'finish', 'plan', 'prepare', 'announce', 'schedule']);

/**
 * Verbs by which a sentence says something of an event it names by a noun: "the visit was his third", "the trip came
 * amid concerns", "the talks took place in Sochi", "the meeting is scheduled for September 9". After another verb
 * ("the trip follows three earlier meetings") what comes is no longer about the event.
 */
export const EVENT_PREDICATES = new Set(['be', 'become', 'mark', 'come', 'take', 'begin', 'start', 'end', 'conclude', 'last', 'happen', 'occur', 'hold', 'schedule', 'plan', 'set', 'expect', 'go', 'remain', 'seem', 'appear', 'follow', 'fall', 'open', 'close', 'wrap', 'kick', 'run', 'continue', 'proceed', 'unfold', 'include', 'see', 'make']);

/** Verbs that say something was said: what they report stays the draft's claim, their own date is the saying's. */
export const REPORTING_VERBS = new Set([
  'say', 'tell', 'report', 'announce', 'confirm', 'note', 'add', 'recall', 'state', 'claim', 'write', 'insist', 'stress', 'emphasize', 'emphasise', 'explain',
  'suggest', 'indicate', 'remark', 'mention', 'comment', 'declare', 'reveal', 'warn', 'quote', 'cite', 'describe', 'highlight', 'post', 'tweet', 'publish',
  'specify', 'predict', 'signal', 'assert', 'argue', 'acknowledge', 'admit', 'deny', 'recount', 'observe', 'point', 'disclose', 'broadcast',
  'bill', 'label', 'term', 'dub', 'characterize', 'characterise', 'hail', 'brand',
]);

/** Words that make a claim tentative: the checker judges what is asserted, not what may be. */
export const HEDGES = new Set(['may', 'might', 'could', 'reportedly', 'allegedly', 'possibly', 'perhaps', 'maybe', 'rumoured', 'rumored', 'supposedly', 'apparently', 'purportedly', 'likely', 'unlikely', 'unconfirmed', 'speculation', 'speculated', 'rumour', 'rumor', 'believed', 'thought', 'whether', 'if', 'unless', 'should']);

/** Words that put an event ahead of the sentence's time. */
export const FUTURE_WORDS = new Set(['will', 'shall', "'ll", 'scheduled', 'due', 'set', 'plan', 'plans', 'planned', 'planning', 'expected', 'upcoming', 'prepare', 'prepares', 'preparing', 'forthcoming', 'intend', 'intends', 'going']);

/** Words that introduce a clause of its own, or (before a noun phrase) a phrase about another time or event. */
export const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'till', 'while', 'because', 'although', 'though', 'as', 'when', 'whenever', 'if', 'unless', 'once', 'whereas', 'whether', 'where', 'amid', 'following', 'ahead']);

/** Relative pronouns: a clause about the noun before them. */
export const RELATIVES = new Set(['who', 'whom', 'whose', 'which']);

/** Words that stand for the last person named: "he", "his". */
export const PERSON_PRONOUNS = new Set(['he', 'his', 'him', 'himself', 'she', 'her', 'herself']);
export const PAIR_PRONOUNS = new Set(['they', 'their', 'them', 'themselves']);

/** Nouns for a person by role, not name: "his counterpart", "the two leaders", "the first foreign leader". */
export const LEADER_NOUNS = new Set(['leader', 'leaders', 'president', 'presidents', 'head', 'heads', 'man', 'men', 'counterpart', 'counterparts', 'dictator', 'strongman', 'ruler', 'premier', 'chief', 'chiefs', 'statesman', 'official', 'side', 'sides', 'pair', 'ally', 'allies', 'guest', 'host']);

/** Adjectives that make a leader noun a group: "a foreign leader", "any world leader", "a government leader". */
export const ANY_LEADER = new Set(['foreign', 'world', 'government', 'international', 'state', 'any', 'other']);

/** Nouns a place stands for, resolved through the draft: "the country", "the capital", "the Southeast Asian nation". */
export const PLACE_NOUNS = new Set(['country', 'nation', 'capital', 'state', 'republic', 'city']);

/**
 * Nouns that hold a place or a date without being an event: a phrase after them still belongs to the event before
 * them ("landed at the airport in Tehran on March 12").
 */
export const SETTING_NOUNS = new Set(['airport', 'capital', 'city', 'residence', 'palace', 'country', 'nation', 'home', 'hall', 'house', 'building', 'venue', 'headquarters', 'base', 'airfield', 'border', 'region', 'plane', 'aircraft', 'delegation', 'ceremony', 'carpet', 'media', 'press', 'reporters', 'journalists', 'officials', 'honours', 'honors', 'protocol', 'welcome', 'salute', 'guard', 'evening', 'morning', 'afternoon', 'night', 'day', 'days', 'week', 'sidelines', 'margins', 'phone', 'telephone', 'video', 'videoconference', 'videolink', 'link']);

/** Titles by office, so that synonyms agree ("Premier" and "Prime Minister") and offices differ. */
export const TITLE_OFFICES: ReadonlyMap<string, string> = new Map([
  ['president', 'head-of-state'],
  ['self-proclaimed president', 'head-of-state'],
  ['king', 'head-of-state'],
  ['queen', 'head-of-state'],
  ['emir', 'head-of-state'],
  ['sultan', 'head-of-state'],
  ['emperor', 'head-of-state'],
  ['prime minister', 'head-of-government'],
  ['premier', 'head-of-government'],
  ['chancellor', 'head-of-government'],
  ['vice-president', 'vice-president'],
  ['vice president', 'vice-president'],
  ['first vice-president', 'first-vice-president'],
  ['first vice president', 'first-vice-president'],
  ['supreme leader', 'supreme-leader'],
  ['foreign minister', 'foreign-minister'],
  ['defence minister', 'defence-minister'],
  ['defense minister', 'defence-minister'],
  ['minister', 'minister'],
  ['speaker', 'speaker'],
  ['parliament speaker', 'speaker'],
  ['judiciary chief', 'judiciary-chief'],
  ['chief justice', 'judiciary-chief'],
  ['spokesperson', 'spokesperson'],
  ['spokesman', 'spokesperson'],
  ['spokeswoman', 'spokesperson'],
  ['press secretary', 'spokesperson'],
]);

/** The words titles are made of, which are never a place or an event of their own. */
export const TITLE_WORDS = new Set([...[...TITLE_OFFICES.keys()].flatMap((t) => [t, ...t.split(/[ -]/)]), 'general', 'senior', 'ayatollah', 'spokesperson', 'spokesman', 'spokeswoman', 'secretary', 'state', 'government', 'chairman', 'head', 'first', 'deputy']);

/** "I", "my" in a quote: its speaker. */
export const FIRST_PERSON = new Set(['i', 'my', 'me', 'myself']);

/** Verbs (by lemma) that make an event known: a date after their object is theirs ("announced the visit on Friday"). */
export const ANNOUNCING = new Set(['announce', 'confirm', 'disclose', 'reveal', 'report', 'unveil']);
