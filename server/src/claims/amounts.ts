// Amounts with what they are of: "trade agreements worth $3.56 billion", "four hours of talks", "four-hour talks",
// "talks lasted more than three hours". What they are of is read from the nouns and verbs of their clause.

import type { AmountClaim, Frame } from './frame';
import type { Sentence } from './sentence';
import type { Clause } from './clauses';
import type { ClauseReading } from './frames';
import { partyOf } from './clause-facts';
import { cardinalValue } from './numbers';

/**
 * The frame that dates and places an amount: its clause's event, or else one read from the clause's names and its
 * one date ("In March, Lukashenko and Jinping were expected to sign trade agreements worth $3.56 billion").
 */
function frameFor(s: Sentence, clauses: Clause[], ci: number, readings: ClauseReading[], at: { start: number; end: number; text: string }): Frame {
  const c = clauses[ci];
  if (readings[ci].frames[0]) return readings[ci].frames[0];
  const { unitOf, units } = s;
  const parties = [];
  let when;
  let where;
  let dates = 0;
  // "Lukashenko and Xi were expected to sign agreements worth …": an infinitive's names and dates are its host's.
  const scope = [...c.tokens];
  if (c.kind === 'infinitive' || c.kind === 'participle' || c.kind === 'complement') {
    for (let p = c.parent; p >= 0; p = clauses[p].parent) {
      scope.push(...clauses[p].tokens);
      if (clauses[p].kind !== 'infinitive' && clauses[p].kind !== 'participle') break;
    }
  }
  for (const k of scope.sort((a, b) => a - b)) {
    const u = unitOf[k] >= 0 ? units[unitOf[k]] : undefined;
    if (!u || k !== u.from) continue;
    const p = partyOf(u);
    if (p) parties.push(p);
    if (u.kind === 'date') {
      dates++;
      when = u.dates!.past;
    }
    if (u.kind === 'place' && /^(in|at)$/.test(s.tokens[k - 1]?.lower ?? '')) where = { kind: 'place' as const, id: u.id!, span: { start: u.start, end: u.end, text: u.text } };
  }
  return { action: 'meeting', anchor: at, who: parties[0], others: parties.slice(1), where, when: dates === 1 ? when : undefined, arrival: false, definite: false, words: [], negated: false, hedged: false, tense: 'past', clause: c.kind };
}

export function amountsOf(s: Sentence, clauses: Clause[], readings: ClauseReading[]): AmountClaim[] {
  const out: AmountClaim[] = [];
  const { tokens, unitOf, units } = s;
  clauses.forEach((c, ci) => {
    // Its clause's nouns, verbs and places, as lemmas and as written: "spoke about Afghanistan".
    const about = c.tokens.filter((k) => (unitOf[k] < 0 && (tokens[k].pos === 'NOUN' || tokens[k].pos === 'VERB')) || units[unitOf[k]]?.kind === 'place').flatMap((k) => [tokens[k].lemma, tokens[k].lower]);
    const frame = (at: { start: number; end: number; text: string }) => frameFor(s, clauses, ci, readings, at);
    for (const k of c.tokens) {
      const u = unitOf[k] >= 0 ? units[unitOf[k]] : undefined;
      if (u && k === u.from && u.kind === 'money') {
        out.push({ start: u.start, end: u.end, text: u.text, value: u.value!, unit: 'USD', qualifier: qualifierBefore(s, u.from), about, frame: frame(u) });
      } else if (u && k === u.from && u.kind === 'duration' && u.duration!.unit === 'year' && about.some((w) => /^(prison|sentence|jail|term)$/.test(w))) {
        // "sentenced in absentia to 12 years in prison".
        out.push({ start: u.start, end: u.end, text: u.text, value: u.duration!.n, unit: 'years', qualifier: 'exact', about, frame: frame(u) });
      } else if (u && k === u.from && u.kind === 'duration' && u.duration!.unit === 'hour') {
        out.push({ start: u.start, end: u.end, text: u.text, value: u.duration!.n, unit: 'hours', qualifier: u.duration!.qualifier === 'about' && !/^(about|around|some|roughly)/i.test(u.text) ? 'exact' : u.duration!.qualifier === 'almost' ? 'less' : u.duration!.qualifier, about, frame: frame(u) });
      } else if (!u && tokens[k + 1]?.text === '-' && /^hours?$/.test(tokens[k + 2]?.lower ?? '')) {
        // "four-hour talks".
        const n = cardinalValue(tokens[k].lower);
        if (n === undefined) continue;
        const end = tokens[k + 2].end;
        const at = { start: tokens[k].start, end, text: s.text.slice(tokens[k].start, end) };
        out.push({ ...at, value: n, unit: 'hours', qualifier: 'exact', about, frame: frame(at) });
      }
    }
  });
  return out;
}

function qualifierBefore(s: Sentence, k: number): AmountClaim['qualifier'] {
  const w = s.tokens.slice(Math.max(0, k - 2), k).map((t) => t.lower).join(' ');
  if (/(more than|over|at least)$/.test(w)) return 'more';
  if (/(less than|under|nearly|almost)$/.test(w)) return 'less';
  if (/(about|around|some|roughly|approximately)$/.test(w)) return 'about';
  return 'exact';
}
