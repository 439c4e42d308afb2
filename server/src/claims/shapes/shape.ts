// What a claim shape is: one way a sentence states a checkable fact ("his third trip to Beijing this year", "the
// first visit since 2019"), read from the sentence's frames and judged against the facts. Each shape is a module of
// its own in this folder, with its tests beside it; index.ts registers them.

import type { Source } from '../../types';
import type { AmountClaim, MentionSpan, NamedEventClaim, TitleClaim } from '../frame';
import type { ResolvedFrame } from '../context';
import type { Facts } from '../facts';
import type { FactEvent } from '../../facts/types';

export type Code = 'count-mismatch' | 'date-mismatch' | 'since-mismatch' | 'gap-mismatch' | 'place-mismatch' | 'role-mismatch' | 'event-date-mismatch' | 'type-mismatch' | 'amount-mismatch';

/** A contradiction: the wrong words, the right value and the quotes that decide it. */
export interface Finding {
  code: Code;
  message: string;
  /** The right value, in words. */
  expected: string;
  /** The wrong words, as sentence offsets. */
  start: number;
  end: number;
  /** The replacement for [start, end), where exactly one replacement is right. */
  newText?: string;
  sources: Source[];
}

/** A Finding where the facts contradict the claim, true where they bear it out, undefined where they cannot say. */
export type Verdict = Finding | true | undefined;

/** One sentence's claims, resolved in the draft's context: what every shape reads. */
export interface SentenceClaims {
  text: string;
  /** The draft's reference date. */
  ref: string;
  frames: ResolvedFrame[];
  titles: TitleClaim[];
  namedEvents: NamedEventClaim[];
  /** Amounts, each with its frame resolved in the draft. */
  amounts: { claim: AmountClaim; frame: ResolvedFrame }[];
  mentions: MentionSpan[];
  /** Everything the draft has named up to and including this sentence. */
  seen: Set<string>;
  /** The known event the draft told of last, before this sentence: "the previous meeting" is the one before it. */
  told?: FactEvent;
}

export interface Shape {
  /** The shape's name, as the README's table and the module's file name give it. */
  name: string;
  judge(s: SentenceClaims, facts: Facts): Verdict[];
}

/** A shape that judges frames one at a time, asserted ones only (not negated, hedged or questioned) unless `all`. */
export function frameShape(name: string, judge: (c: ResolvedFrame, s: SentenceClaims, facts: Facts) => Verdict, all = false): Shape {
  return {
    name,
    judge: (s, facts) => s.frames.filter((c) => all || (!c.frame.negated && !c.frame.hedged)).map((c) => judge(c, s, facts)),
  };
}
