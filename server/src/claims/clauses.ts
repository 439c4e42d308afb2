// A sentence cut into clauses, so that a date, a place or a count is read with the event of its own clause: "Putin,
// who last came to Minsk in 2017, arrived on Monday" holds two events, and 2017 is not Monday's. The cuts follow
// the grammar of news prose over wink's parts of speech: relative clauses, since/after/before clauses, complements
// of reporting verbs, infinitives, participles after a comma, coordinated verbs, parentheses and dashes.

import type { ClauseKind } from './frame';
import type { Sentence } from './sentence';
import { REPORTING_VERBS, RELATIVES, SUBORDINATORS } from './lexicon';
import { antecedentOf, bareComplementStart, isClauseOpener, isFiniteStart, isHardBoundary, isVerbLike, reportingTail, softCommas, startsWithSubject } from './clause-cuts';

export interface Clause {
  kind: ClauseKind;
  /** Token indices, in order; an embedded clause's tokens are its own, not its host's. */
  tokens: number[];
  /** The clause this one depends on (relative, adverbial, participle …), or -1. */
  parent: number;
  /** The word that opened it: "who", "after", "that", "to", the participle, "and". */
  opener?: string;
  /** For a relative clause, the token it describes; for a participle or coordinate, the clause whose subject it shares. */
  antecedent?: number;
}

/** Nouns whose "that" opens a clause about them rather than a relative clause: "the first time that …". */
const COMPLEMENT_NOUNS = new Set(['time', 'fact', 'news', 'report', 'reports', 'statement', 'sign', 'signal', 'hope', 'hopes', 'claim', 'claims', 'announcement', 'confirmation', 'indication', 'evidence']);

/**
 * The clauses of a sentence. `cellsAreClauses`: table rows come joined by " ; "; there the cells are one clause.
 */
export function clausesOf(s: Sentence, cellsAreClauses = false): Clause[] {
  const { tokens } = s;
  const clauses: Clause[] = [];
  const soft = softCommas(s);
  // Hard boundaries first: each stretch between them is read on its own; a parenthesis belongs to what holds it.
  const stretches: { from: number; to: number; kind: ClauseKind; parent: boolean }[] = [];
  let from = 0;
  let depth = 0;
  for (let k = 0; k <= tokens.length; k++) {
    if (k < tokens.length && !isHardBoundary(s, k)) continue;
    // A table row's cells are one clause: " ; " joins them, and "(state visit)" in a cell describes the row.
    if (k < tokens.length && cellsAreClauses && /^[;()[\]]$/.test(tokens[k].text)) continue;
    const kind: ClauseKind = depth > 0 ? 'parenthesis' : stretches.length === 0 ? 'main' : 'coordinate';
    if (k > from) stretches.push({ from, to: k, kind, parent: depth > 0 });
    if (k < tokens.length) {
      const t = tokens[k].text;
      if (t === '(' || t === '[') depth++;
      else if ((t === ')' || t === ']') && depth > 0) depth--;
    }
    from = k + 1;
  }
  // "September 2021: Lukashenko travels to …", "December 2022 — Putin visits Minsk": a date set before the sentence
  // dates it, as "In September 2021, …" would.
  if (stretches.length > 1 && isDateLabel(s, stretches[0].from, stretches[0].to) && /^[:—–-]$/.test(tokens[stretches[0].to]?.text ?? '')) {
    stretches[1] = { ...stretches[1], from: stretches[0].from, kind: 'main' };
    stretches.shift();
  }
  // "Previous Lukashenko–Xi meeting: May 2023", "**Type of current visit:** state visit, according to BelTA": a
  // fact box's label and its value (up to a comma, with no verb), one clause.
  if (stretches.length >= 2 && tokens[stretches[0].to]?.text === ':' && !stretches[0].parent && !stretches[1].parent) {
    const v = stretches[1];
    let end = v.from;
    while (end < v.to && tokens[end].text !== ',') end++;
    const verbless = (from: number, to: number) => !tokens.slice(from, to).some((t, i) => (t.pos === 'VERB' || t.pos === 'AUX') && s.unitOf[from + i] < 0);
    // A label has no verb either: "The trip follows two meetings: the first in March" is a sentence and its list.
    if (verbless(v.from, end) && verbless(stretches[0].from, stretches[0].to) && end > v.from) {
      stretches[0] = { ...stretches[0], to: end };
      if (end + 1 >= v.to) stretches.splice(1, 1);
      else stretches[1] = { ...v, from: end + 1 };
    }
  }
  let mainIndex = -1;
  for (const st of stretches) {
    const parent = st.parent && mainIndex >= 0 ? mainIndex : -1;
    const first = splitStretch(s, st.from, st.to, st.kind, parent, soft, clauses);
    if (st.kind === 'main' || (mainIndex < 0 && !st.parent)) mainIndex = first;
  }
  mergeClefts(s, clauses);
  return clauses;
}

/**
 * "For the first time in two years it was Putin who flew to Minsk", "It is the first time that a Belarusian head of
 * state has visited Myanmar": a cleft says of the clause after it what its own words say (the ordinal, the gap, the
 * date). Its words join that clause.
 */
function mergeClefts(s: Sentence, clauses: Clause[]): void {
  clauses.forEach((c, ci) => {
    const words = c.tokens.map((k) => s.tokens[k].lower);
    const it = words.findIndex((w, i) => (w === 'it' || w === 'this') && /^(is|was|'s|’s|will|would|has|had)$/.test(words[i + 1] ?? ''));
    if (it < 0) return;
    const child = clauses.findIndex((x, xi) => xi > ci && x.parent === ci && (x.kind === 'relative' || x.kind === 'complement') && (x.opener === 'who' || x.opener === 'that'));
    if (child < 0) return;
    const itToken = c.tokens[it];
    clauses[child].tokens = [...c.tokens.filter((k) => k !== itToken && !(s.tokens[k].lemma === 'be' && k === itToken + 1)), ...clauses[child].tokens].sort((a, b) => a - b);
    c.tokens = [];
  });
}

/** Whether tokens [from, to) are only dates and the words between them ("February and June 2025"). */
function isDateLabel(s: Sentence, from: number, to: number): boolean {
  let dates = 0;
  for (let k = from; k < to; k++) {
    const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
    if (u?.kind === 'date') {
      dates++;
      k = u.to - 1;
      continue;
    }
    if (!/^(and|to|through|-|–|,)$/i.test(s.tokens[k].lower) && !(k === to - 1 && s.tokens[k].text === '.')) return false;
  }
  return dates > 0;
}

/** Cuts one stretch into clauses; returns the index of its first (top) clause. */
function splitStretch(s: Sentence, from: number, to: number, kind: ClauseKind, parent: number, soft: Set<number>, out: Clause[]): number {
  const { tokens, unitOf, units } = s;
  const top = out.length;
  out.push({ kind, tokens: [], parent });
  /** Open clauses, innermost last, with how each ends: at a comma, or only at the stretch's end. */
  const stack: { index: number; endsAtComma: boolean; sawVerb: boolean; restrictive?: boolean }[] = [{ index: top, endsAtComma: false, sawVerb: false }];
  const cur = () => stack[stack.length - 1];
  const open = (c: Clause, endsAtComma: boolean, restrictive = false) => {
    out.push(c);
    stack.push({ index: out.length - 1, endsAtComma, sawVerb: false, restrictive });
  };
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    const u = unitOf[k] >= 0 ? units[unitOf[k]] : undefined;
    if (u && k > u.from) {
      out[cur().index].tokens.push(k);
      continue;
    }
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    if (t.text === ',' && !soft.has(k)) {
      // A comma ends the clauses that end at one (non-restrictive relatives, fronted adverbials, participles), once
      // they have their verb: "during which the two men, both targeted by sanctions, discussed …" goes on.
      while (stack.length > 1 && cur().endsAtComma && (cur().sawVerb || out[cur().index].kind !== 'relative')) stack.pop();
      out[cur().index].tokens.push(k);
      // ", becoming …", ", marking …", ", adding that …": a participle about the clause's subject.
      if (next && next.pos === 'VERB' && next.lower.endsWith('ing') && next.lower !== 'including' && next.lower !== 'according') {
        open({ kind: 'participle', tokens: [], parent: cur().index, opener: next.lower, antecedent: cur().index }, true);
        continue;
      }
      // ", the Kremlin said", ", state media reported Friday": a report of what came before.
      const report = reportingTail(s, k + 1, to);
      if (report) {
        open({ kind: 'report', tokens: [], parent: cur().index, opener: tokens[report].lower }, true);
        continue;
      }
      continue;
    }
    // "Lukashenko and Raisi will discuss": before the clause's verb, "and" joins its subject, not two clauses.
    if (u === undefined && isClauseOpener(s, k, to) && !(t.pos === 'CCONJ' && !cur().sawVerb)) {
      const lower = t.lower;
      if (RELATIVES.has(lower) || ((lower === 'where' || lower === 'when') && prev && (prev.text === ',' || unitOf[k - 1] >= 0))) {
        const ante = antecedentOf(s, k);
        const nonRestrictive = prev?.text === ',';
        // A restrictive relative ends where its host's verb comes: "the leader who visited X in 2021 met Y"; one set off
        // by commas ends at the next comma.
        open({ kind: 'relative', tokens: [k], parent: cur().index, opener: lower, antecedent: ante }, true, !nonRestrictive && lower !== 'where' && lower !== 'when');
        continue;
      }
      if (lower === 'that') {
        // "It is the first time in 26 years that …": the clause tells what the time was.
        const cleft = out[cur().index].tokens.some((j) => tokens[j].lower === 'time' && units[unitOf[j - 1]]?.kind === 'ordinal');
        const complement = cleft || (prev && (REPORTING_VERBS.has(prev.lemma) || COMPLEMENT_NOUNS.has(prev.lower) || prev.pos === 'ADJ' || prev.pos === 'ADV' || prev.pos === 'VERB' || (unitOf[k - 1] >= 0 && units[unitOf[k - 1]].kind === 'date')));
        open({ kind: complement ? 'complement' : 'relative', tokens: [k], parent: cur().index, opener: 'that', antecedent: complement ? undefined : antecedentOf(s, k) }, !complement);
        continue;
      }
      if (lower === 'how' || lower === 'whether' || lower === 'why') {
        open({ kind: 'complement', tokens: [k], parent: cur().index, opener: lower }, false);
        continue;
      }
      if (SUBORDINATORS.has(lower)) {
        // Sentence-initial or after a comma, the clause ends at the next comma; otherwise at the stretch's end.
        const initial = k === from || prev?.text === ',';
        open({ kind: 'adverbial', tokens: [k], parent: cur().index, opener: lower }, initial);
        continue;
      }
      if (lower === 'to') {
        open({ kind: 'infinitive', tokens: [k], parent: cur().index, opener: 'to', antecedent: cur().index }, true);
        continue;
      }
      if (t.pos === 'CCONJ') {
        const shared = !startsWithSubject(s, k + 1, to);
        // "who visited in 2022 and became the first …": a verb joined to a relative clause is the relative's.
        // Otherwise the coordinate replaces what was open at this level: "…, and returned this week".
        if (!(shared && out[cur().index].kind === 'relative' && prev?.text !== ',')) while (stack.length > 1 && cur().endsAtComma) stack.pop();
        open({ kind: 'coordinate', tokens: [k], parent: cur().index, opener: lower, antecedent: shared ? cur().index : undefined }, false);
        continue;
      }
    }
    // A reporting verb followed by what it reports, without "that": "Peskov said Putin would travel …".
    if (u === undefined && t.pos === 'VERB' && REPORTING_VERBS.has(t.lemma) && prev?.lower !== 'to') {
      out[cur().index].tokens.push(k);
      const start = bareComplementStart(s, k + 1, to);
      if (start !== undefined) {
        for (let j = k + 1; j < start; j++) out[cur().index].tokens.push(j);
        open({ kind: 'complement', tokens: [], parent: cur().index, opener: t.lower }, false);
        k = start - 1;
      }
      continue;
    }
    // A restrictive relative or an infinitive ends where the host's own verb begins.
    const c = cur();
    // "nationals stranded in Europe": a participle after a noun describes it; it is no verb of the host.
    const participle = t.pos === 'VERB' && t.lower !== t.lemma && !/(ing|s)$/.test(t.lower) && prev?.pos === 'NOUN' && unitOf[k - 1] < 0;
    if (stack.length > 1 && c.restrictive && isFiniteStart(tokens, k) && out[c.index].kind === 'relative' && c.sawVerb && prev?.pos !== 'CCONJ' && !participle) {
      stack.pop();
    }
    // "the two men, both targeted by sanctions, discussed": a participle set beside a noun is not the clause's verb.
    if (isVerbLike(t) && !(t.pos === 'VERB' && /(ed|en)$/.test(t.lower) && (prev?.text === ',' || /^(both|all|each|long|widely|newly)$/.test(prev?.lower ?? '')))) cur().sawVerb = true;
    out[cur().index].tokens.push(k);
  }
  return top;
}
