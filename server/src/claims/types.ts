// A claim as the engine understands it: who did what, where, when, how many times, since when, negated or not.
// Offsets are relative to the sentence.

import type { DateExpr, Tense } from '../dates/expressions';

export type Action = 'visit' | 'meeting' | 'call';

export interface Span { start: number; end: number; text: string }

export interface Claim {
  action?: Action;
  /** The person the claim is about (the visitor of a visit), or a group ("european-leader") for "no European leader". */
  subject?: string;
  /** Counterparts of a meeting or call. */
  others: string[];
  place?: Span & { id: string };
  /** Every known place the sentence names. */
  places: string[];
  /** The date the event is said to happen on. */
  date?: DateExpr;
  /** "in 2023", "this year" scoping an ordinal or count. */
  scope?: DateExpr;
  /** Arrival verbs ("landed", "arrived"): the date is the day of arrival. */
  arrival: boolean;
  /** "previously", "last visit", "previous meeting": the date is that of the latest such event. */
  previous: boolean;
  ordinal?: Span & { value: number };
  /** "again", "once again": an ordinal of at least two. */
  again?: Span;
  count?: Span & { value: number; earlier: boolean; times: boolean };
  /** `first`: "the first since X" (there was one at X), not "has not … since X". */
  since?: { span: Span; date?: DateExpr; event?: string; first: boolean };
  /** "First in N years", "for N years", or "N years ago" (`ago`) for the previous event. */
  gap?: Span & { years: number; qualifier: 'more' | 'less' | 'about'; ago?: boolean };
  /** "never", "has not … before": no such event before the claim. */
  never?: Span;
  /** The claim is denied or negated in a way the engine does not judge ("not his third visit"). */
  negated: boolean;
  /** A named event whose date the sentence states ("the 2018 coup", "invaded on February 14"). */
  /** `anchored`: the event follows "after", "before" … and the sentence's own action ("visited … after the coup in
   * 2022"): the date may be the action's as well as the event's. */
  namedEvent?: { id: string; span: Span; date: DateExpr; anchored: boolean };
  /** An amount the sentence states: "$4 billion", "three hours". */
  amount?: Span & { value: number; unit: 'USD' | 'hours' };
  /** The kind of visit the sentence states: "a state visit", "of a working nature". */
  visitKind?: Span & { kind: 'state' | 'working' };
  /** A role stated before a name ("Iranian President Mahmoud Ahmadinejad"). */
  role?: { country: string; title: string; name: Span; person?: string };
  tense: Tense;
  /** The sentence itself, for words that single out one event ("his birthday", "a state visit"). */
  sentence: string;
  /** The sentence's people, in order, after resolving pronouns and "the two leaders". */
  people: string[];
  /** A group the sentence speaks of ("the first by a foreign leader"): such a list can single out one event. */
  groupMention?: string;
  /** "Putin phoned him": the draft's subject stays who it was. */
  keepsSubject?: boolean;
}
