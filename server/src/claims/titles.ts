// Titles written on names: "Iranian President Ebrahim Raisi", "President of Belarus Alexander Lukashenko", "Chinese
// Premier Xi Jinping", "Ayatollah Ali Khamenei, Iran's supreme leader". The title's country comes from a demonym
// ("Iranian"), a possessive ("Iran's") or "of Belarus"; the office from lexicon.ts, so that synonyms agree.

import type { TitleClaim, Span } from './frame';
import type { Sentence, Unit } from './sentence';
import { TITLE_OFFICES } from './lexicon';

/** The first words of the titles, to pass over every other word at once. */
const FIRST_WORDS = new Set([...TITLE_OFFICES.keys()].map((t) => t.split(/[ -]/)[0]));

/** The title whose words start at token k, and the token after it: the longest title the words spell. */
function titleAt(s: Sentence, k: number): { office: string; to: number } | undefined {
  if (!FIRST_WORDS.has(s.tokens[k].lower.split('-')[0])) return undefined;
  let found: { office: string; to: number } | undefined;
  for (let j = k; j < s.tokens.length && j < k + 5; j++) {
    if (s.unitOf[j] >= 0) break;
    const words = s.text.slice(s.tokens[k].start, s.tokens[j].end).toLowerCase().replace(/\s+/g, ' ').replace(/ ?- ?/g, '-');
    const office = TITLE_OFFICES.get(words);
    if (office) found = { office, to: j + 1 };
  }
  return found;
}

const unitSpan = (u: Unit): Span => ({ start: u.start, end: u.end, text: u.text });

function nameAt(s: Sentence, k: number): Unit | undefined {
  const u = s.unitOf[k] >= 0 ? s.units[s.unitOf[k]] : undefined;
  return u && u.from === k && (u.kind === 'person' || u.kind === 'unknown') ? u : undefined;
}

/** Whether the title is a past one: "then Prime Minister", "former President", "ex-president". */
function pastBefore(s: Sentence, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 3; j--) {
    const w = s.tokens[j].lower;
    if (w === 'then' || w === 'former' || w === 'ex' || w === 'late' || w === 'erstwhile' || w === 'outgoing' || w === 'incoming' || w === 'future' || w === 'acting' || w === 'interim') return true;
  }
  return false;
}

export function titlesOf(s: Sentence): TitleClaim[] {
  const out: TitleClaim[] = [];
  const { tokens, unitOf, units } = s;
  for (let k = 0; k < tokens.length; k++) {
    const title = titleAt(s, k);
    if (!title) continue;
    const t0 = tokens[k];
    // A title before a name is capitalised ("Premier Xi"); after a possessive or in apposition it may not be.
    let country: string | undefined;
    const before = unitOf[k - 1] >= 0 ? units[unitOf[k - 1]] : undefined;
    if (before?.kind === 'demonym') country = before.id;
    else if (before?.kind === 'place' && before.possessive === false && /^\p{Lu}/u.test(t0.text)) country = before.id;
    else if (tokens[k - 1] && /^('s|’s)$/.test(tokens[k - 1].lower) && unitOf[k - 2] >= 0 && units[unitOf[k - 2]].kind === 'place') country = units[unitOf[k - 2]].id;
    let j = title.to;
    // "President of Belarus Alexander Lukashenko".
    if (tokens[j]?.lower === 'of' && unitOf[j + 1] >= 0 && units[unitOf[j + 1]].kind === 'place') {
      country = units[unitOf[j + 1]].id;
      j = units[unitOf[j + 1]].to;
    }
    const titleSpan: Span = { start: t0.start, end: tokens[title.to - 1].end, text: s.text.slice(t0.start, tokens[title.to - 1].end) };
    const past = pastBefore(s, before ? before.from : k);
    const name = nameAt(s, j);
    if (name && /^\p{Lu}/u.test(t0.text)) {
      out.push({ office: title.office, title: titleSpan, country, person: name.kind === 'person' ? name.id : undefined, name: unitSpan(name), past });
      k = name.to - 1;
      continue;
    }
    // "Ayatollah Ali Khamenei, Iran's supreme leader", "Hassan Rouhani, Iran's president": a name, a comma, the title.
    // Back over the title's country and markers ("then Cambodia's", "Iran's", "the former") to the comma before them.
    let lead = k;
    while (lead > 0) {
      const pu = unitOf[lead - 1] >= 0 ? units[unitOf[lead - 1]] : undefined;
      if (pu && (pu.kind === 'place' || pu.kind === 'demonym')) lead = pu.from;
      else if (!pu && /^('s|’s|then|former|ex|the|-)$/.test(tokens[lead - 1].lower)) lead--;
      else break;
    }
    const comma = tokens[lead - 1]?.text === ',' ? lead - 1 : -1;
    if (comma > 0 && country) {
      const u = unitOf[comma - 1] >= 0 ? units[unitOf[comma - 1]] : undefined;
      // Only when the apposition ends there: ", Iran's president," or the sentence's end.
      const end = tokens[j];
      if (u && (u.kind === 'person' || u.kind === 'unknown') && (!end || end.text === ',' || end.text === '.' || end.text === ';')) {
        out.push({ office: title.office, title: titleSpan, country, person: u.kind === 'person' ? u.id : undefined, name: unitSpan(u), past });
      }
    }
    // "Iran's president, Hassan Rouhani": the title, a comma, the name.
    if (tokens[j]?.text === ',' && country) {
      const u = nameAt(s, j + 1);
      if (u && (!tokens[u.to] || tokens[u.to].text === ',' || tokens[u.to].text === '.' || tokens[u.to].pos === 'AUX' || tokens[u.to].pos === 'VERB')) {
        out.push({ office: title.office, title: titleSpan, country, person: u.kind === 'person' ? u.id : undefined, name: unitSpan(u), past });
      }
    }
  }
  return out;
}
