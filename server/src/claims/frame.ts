// What the claim reader makes of a sentence: frames (who did what, with whom, where, when, how many times, since
// when), titles on names and dated named events. Offsets are the sentence's. References ("he", "the two leaders",
// "the country") stay unresolved here: the draft's context resolves them (context.ts), so a sentence's reading
// depends on its own text alone.

import type { DateExpr, Tense } from '../dates/expressions';

/** "talk" is a meeting or a call: "they spoke about …", "the two talked". */
export type Action = 'visit' | 'meeting' | 'call' | 'talk';

export interface Span { start: number; end: number; text: string }

/** Someone a frame speaks of, as the sentence names them. */
export type PartyRef =
  | { kind: 'person'; id: string; span: Span }
  /** "he", "his", "him", "the veteran leader": the person the draft speaks of (of `country`, when given). */
  | { kind: 'pronoun'; span: Span; country?: string }
  /** "the two leaders", "they", "both": the two people the draft speaks of. */
  | { kind: 'pair'; span: Span }
  /** "his counterpart", "the host": the other party of the draft's event. */
  | { kind: 'counterpart'; span: Span }
  /** "a foreign leader", "any European leader": a group of the dataset's. */
  | { kind: 'group'; id: string; span: Span }
  /** A name the dataset does not know: another event, so nothing is judged. */
  | { kind: 'unknown'; span: Span };

export type PlaceRef =
  | { kind: 'place'; id: string; span: Span }
  /** "there", "the country", "the capital": the place the draft speaks of. */
  | { kind: 'anaphor'; noun: 'country' | 'capital' | 'there'; span: Span }
  /** "in Moscow, St. Petersburg, Sochi and the Amur region": several places, so several events. */
  | { kind: 'list'; span: Span }
  | { kind: 'unknown'; span: Span };

/** The clause a frame was read from. Dates of other clauses are other events'. */
export type ClauseKind = 'main' | 'relative' | 'adverbial' | 'complement' | 'infinitive' | 'participle' | 'coordinate' | 'parenthesis' | 'report';

export interface Quantity extends Span { value: number }

export interface Frame {
  action: Action;
  /** The word the frame is read around: the event's verb or noun. */
  anchor: Span;
  /** The visitor of a visit, the first party of a meeting or call (as the sentence orders them). */
  who?: PartyRef;
  /** The other parties: hosts, counterparts. */
  others: PartyRef[];
  where?: PlaceRef;
  /** The event's own date. */
  when?: DateExpr;
  /** Further dates listed for like events ("in March and again in June"): read as frames of their own. */
  alternatives?: DateExpr[];
  /** "this year", "in 2023", "so far in 2023": the window an ordinal or count is within. */
  scope?: DateExpr;
  /** "landed", "arrived": the date is the day of arrival. */
  arrival: boolean;
  /** "his last visit", "previously", "last came": the latest such event before now. */
  previous?: Span;
  ordinal?: Quantity;
  /** "four earlier meetings", "three times", "twice". */
  count?: Quantity & { earlier: boolean; times: boolean; only?: boolean };
  /** "again", "once again", "returned": not the first. */
  again?: Span;
  /** "never", "not … before": none earlier. */
  never?: Span;
  /**
   * "since June 2019", "since the coup": the anchor a "first since" or "not since" counts from. `ofEvent`: the date
   * dates an event the dataset does not know ("since the 2020 crackdown"), which says nothing of a visit then.
   */
  since?: { span: Span; date?: DateExpr; event?: string; ofEvent?: boolean };
  /** "first in more than three years", "for five years", "in 18 months". */
  gap?: Span & { years: number; qualifier: 'more' | 'less' | 'about' | 'almost'; unit: 'month' | 'year' | 'decade' | 'day' | 'week' | 'hour' };
  /** "a state visit", "of a working nature". */
  kind?: Span & { kind: 'state' | 'working' };
  /** A group the ordinal counts within: "the second foreign leader to visit". */
  ordinalGroup?: string;
  /** The words the frame owns, lower-cased: "birthday" in "Putin's birthday call" tells which call. */
  words: string[];
  /** "his first trip abroad", "his second foreign trip": counted among trips anywhere, which no source lists. */
  anywhere?: boolean;
  /** Its clause names a place the dataset does not know: the event may be one the dataset does not know. */
  elsewhere?: boolean;
  /** "the visit", "this trip": the event the draft is about, when no one is named. */
  definite: boolean;
  negated: boolean;
  /** "may", "reportedly", a question, a condition: asserted by nobody. */
  hedged: boolean;
  tense: Tense;
  clause: ClauseKind;
}

/** A title written before or beside a name: "Iranian President Ebrahim Raisi", "Chinese Premier Xi Jinping". */
export interface TitleClaim {
  /** The office's key in lexicon.ts's TITLE_OFFICES. */
  office: string;
  title: Span;
  /** The country the title is of: "Iranian President", "President of Belarus", "Iran's president". */
  country?: string;
  /** The person named, when the dataset knows them. */
  person?: string;
  name: Span;
  /** Whether the title is the past one ("then Prime Minister", "former"). */
  past: boolean;
}

/** A named event with a date beside it: "the 2018 coup", "crossed into Ukraine on February 14". */
export interface NamedEventClaim {
  event: string;
  span: Span;
  date: DateExpr;
  /** The date may be another event's: "visited after the coup in January 2022". */
  shared: boolean;
  /** "a January election": one of a kind, not the one the dataset knows. */
  indefinite: boolean;
  /** The date is that of a saying in the sentence ("on Feb. 17 he said he would …"): only a remark is dated so. */
  saying: boolean;
  /** The sentence's other words, lower-cased, for telling a recurring event's instance by its own words ("disputed"). */
  words: string[];
}

/** An amount tied to what it is of: "agreements worth $3.56 billion", "four hours of talks". */
export interface AmountClaim extends Span {
  value: number;
  unit: 'USD' | 'hours' | 'years';
  /** "more than three hours": the sources' figure need only exceed it. */
  qualifier: 'more' | 'less' | 'about' | 'exact';
  /** Lemmas of the words around it that say what it is of. */
  about: string[];
  /** Who, when and where the amount's clause speaks of: its event's frame, or one read from its names and dates. */
  frame: Frame;
}

export interface Reading {
  frames: Frame[];
  titles: TitleClaim[];
  namedEvents: NamedEventClaim[];
  amounts: AmountClaim[];
  /** Every person and place the sentence names, for the draft's context and hover cards. */
  mentions: MentionSpan[];
  /** The people named as the sentence's grammatical subjects, first first: who "he" is next. */
  subjects: string[];
  /** A question, a conditional: nothing in it is asserted. */
  hedged: boolean;
}

export interface MentionSpan extends Span { kind: 'person' | 'place' | 'event'; id: string }
