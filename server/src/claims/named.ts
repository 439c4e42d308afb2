// Named events and the dates written with them: "the 2018 coup", "a coup on February 1, 2022", "crossed into Ukraine on
// February 14", "since its military took control in 2021". A date is the event's when it stands in the event's own
// phrase, or in its clause when the event is said with a verb ("took power in 2021").

import type { NamedEventClaim, Frame } from './frame';
import type { Sentence, Unit } from './sentence';
import type { Clause } from './clauses';
import { REPORTING_VERBS } from './lexicon';
import { tenseOfClause } from './clause-facts';

function clauseOfToken(clauses: Clause[]): Map<number, number> {
  const m = new Map<number, number>();
  clauses.forEach((c, i) => c.tokens.forEach((k) => m.set(k, i)));
  return m;
}

export function namedEventsOf(s: Sentence, clauses: Clause[], frames: Frame[][]): NamedEventClaim[] {
  const out: NamedEventClaim[] = [];
  const { tokens, unitOf, units } = s;
  const clauseOf = clauseOfToken(clauses);
  const unitAt = (k: number): Unit | undefined => (unitOf[k] >= 0 ? units[unitOf[k]] : undefined);
  for (const e of units) {
    if (e.kind !== 'event') continue;
    let date: Unit | undefined;
    // Just before, across determiners and adjectives: "the 2018 coup", "the February 2021 military coup".
    for (let k = e.from - 1; k >= 0 && k >= e.from - 3; k--) {
      const u = unitAt(k);
      if (u?.kind === 'date') {
        date = u;
        break;
      }
      if (u || !(tokens[k].pos === 'ADJ' || tokens[k].pos === 'DET' || tokens[k].pos === 'NOUN' || /^('s|’s)$/.test(tokens[k].lower))) break;
    }
    // Just after: "the coup in 2021", "the invasion of Ukraine on February 24".
    if (!date) {
      let k = e.to;
      if (tokens[k]?.lower === 'of' && unitAt(k + 1)?.kind === 'place') k = unitAt(k + 1)!.to;
      // "its invasion of Ukraine began on February 24".
      if (/^(began|begun|started|starts|begins|took|happened|occurred)$/.test(tokens[k]?.lower ?? '')) k += tokens[k + 1]?.lower === 'place' ? 2 : 1;
      if (/^(in|on|of)$/.test(tokens[k]?.lower ?? '') && unitAt(k + 1)?.kind === 'date') date = unitAt(k + 1);
      else if (unitAt(k)?.kind === 'date' && /^(in|on)$/.test(tokens[e.to - 1]?.lower ?? '')) date = unitAt(k);
    }
    // "military rule since troops removed the government in 2021", "using Iranian-made drones to attack Ukraine
    // since September": what it has gone on since is when it began.
    const since = tokens.findIndex((t, k) => k >= e.to && k <= e.to + 4 && t.lower === 'since');
    if (!date && since >= 0) {
      for (let k = since + 1; k < tokens.length; k++) {
        const u = unitAt(k);
        if (u?.kind === 'date') {
          date = u;
          break;
        }
        if (tokens[k].text === ',' || u?.kind === 'event') break;
      }
    }
    // "Russia's invasion, launched on Feb. 25, has killed thousands": a participle set beside the event dates it.
    if (!date && tokens[e.to]?.text === ',' && tokens[e.to + 1]?.pos === 'VERB' && /ed$/.test(tokens[e.to + 1].lower)) {
      for (let k = e.to + 2; k < tokens.length && tokens[k].text !== ','; k++) {
        const u = unitAt(k);
        if (u?.kind === 'date') {
          date = u;
          break;
        }
      }
    }
    // Said with a verb ("invaded", "took control", "crossed into Ukraine"): a date in its clause, after it or fronted.
    const verbal = tokens.slice(e.from, e.to).some((t) => t.pos === 'VERB');
    const ci = clauseOf.get(e.from);
    // "The consultations … will be held in Dushanbe in early October": the event as the subject of a verb of events.
    if (!date && ci !== undefined) {
      const verb = clauses[ci].tokens.find((k) => k > e.to && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX') && unitOf[k] < 0);
      const main = verb !== undefined ? clauses[ci].tokens.find((k) => k >= verb && tokens[k].pos === 'VERB') ?? verb : undefined;
      const subject = verb !== undefined && !clauses[ci].tokens.some((k) => k < e.from && (tokens[k].pos === 'VERB' || tokens[k].pos === 'AUX'));
      if (main !== undefined && subject && /^(be|hold|take|begin|start|open|end|happen|occur|plan|schedule|set)$/.test(tokens[main].lemma)) {
        for (const k of clauses[ci].tokens) {
          const u = unitAt(k);
          if (k > main && u?.kind === 'date' && k === u.from && /^(in|on|for)$/.test(tokens[k - 1]?.lower ?? '')) {
            date = u;
            break;
          }
        }
      }
    }
    if (!date && verbal && ci !== undefined) {
      for (const k of clauses[ci].tokens) {
        const u = unitAt(k);
        if (u?.kind !== 'date' || k !== u.from) continue;
        const p = tokens[k - 1]?.lower;
        // "seized power two years ago": a date counted back needs no preposition.
        if (p === 'in' || p === 'on' || (p === 'by' && k > e.from) || k === clauses[ci].tokens[0] || (p === 'since' && k < e.from) || (u.dates!.past.ago && k > e.from)) {
          if (p === 'since') continue;
          date = u;
          break;
        }
      }
    }
    // A remark is dated by its saying: "on Feb. 17 he said he would do so", "Speaking … on February 19, he said …".
    let saying = false;
    if (!date) {
      date = sayingDate(s, clauses);
      saying = !!date;
    }
    if (!date) continue;
    // Read in its clause's tense: "are planned for mid-September" lies ahead.
    const d = date.dates![ci !== undefined && !saying && tenseOfClause(s, clauses[ci]) === 'future' ? 'future' : 'past'];
    // The date may be another event's too: "visited Myanmar after the coup in January 2022". Not a date written
    // into the event's name ("the 2022 coup").
    const inName = date.to <= e.from;
    const shared = !inName && ((ci !== undefined && frames[ci]?.some((f) => f.when && f.when.start === d.start)) || (after(s, e) && ci !== undefined && frames[ci]?.some((f) => f.anchor.start < e.start)));
    const start = Math.min(e.start, date.start);
    const end = Math.max(e.end, date.end);
    out.push({ event: e.id!, span: { start, end, text: s.text.slice(start, end) }, date: d, shared, saying, indefinite: indefiniteBefore(s, Math.min(e.from, date.from)), words: s.tokens.map((t) => t.lower) });
  }
  return out;
}

/** A date set on a verb of saying anywhere in the sentence: "said on Feb. 16", "on Feb. 17 he said", "Speaking … on …". */
function sayingDate(s: Sentence, clauses: Clause[]): Unit | undefined {
  for (const c of clauses) {
    const says = c.tokens.some((k) => s.unitOf[k] < 0 && (s.tokens[k].pos === 'VERB' || s.tokens[k].pos === 'NOUN') && (REPORTING_VERBS.has(s.tokens[k].lemma) || /^(speak|tell|remark)$/.test(s.tokens[k].lemma)));
    if (!says) continue;
    for (const k of c.tokens) {
      const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
      if (u?.kind === 'date' && k === u.from && u.dates!.past.precision === 'day') return u;
    }
  }
  return undefined;
}

/** "a January election", "an election in 2025": an indefinite article before the event's phrase. */
function indefiniteBefore(s: Sentence, from: number): boolean {
  for (let k = from - 1; k >= 0 && k >= from - 3; k--) {
    const t = s.tokens[k];
    if (t.pos === 'DET') return /^(a|an|another|one|any)$/.test(t.lower);
    if (!(t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'ADV')) return false;
  }
  return false;
}

/** "… after the coup": the sentence's own event may be dated by the same words. */
function after(s: Sentence, e: Unit): boolean {
  for (let k = e.from - 1; k >= 0 && k >= e.from - 3; k--) if (/^(after|following)$/.test(s.tokens[k].lower)) return s.tokens.slice(0, k).some((t) => t.pos === 'VERB');
  return false;
}
