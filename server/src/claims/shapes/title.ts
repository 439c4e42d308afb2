// "Iranian President Mahmoud Ahmadinejad", "Chinese Premier Xi Jinping", "Prime Minister of Belarus Alexander
// Lukashenko", "Iran's president, Hassan Rouhani": a title on a name. Wrong when the sources attest another holder of
// that office then, or attest the named person in another office then. "Then" is the time of the event the sentence
// reports, or the draft's date; titles marked past ("former", "then") are not judged.

import type { Person, RoleSpell } from '../../facts/types';
import type { TitleClaim } from '../frame';
import type { Facts } from '../facts';
import { dayNumber } from '../../dates/iso';
import { TITLE_OFFICES } from '../lexicon';
import type { SentenceClaims, Shape, Verdict } from './shape';

/** How far from a source's date a role is taken to hold, in days. */
const ROLE_DAYS = 365;

const officeOf = (r: RoleSpell) => TITLE_OFFICES.get(r.title.toLowerCase()) ?? r.title.toLowerCase();

/** When the sentence's event happened: the one known event its frames can be (by who and where only). */
function eventTime(s: SentenceClaims, facts: Facts): string | undefined {
  const events = new Set(s.frames.flatMap((c) => facts.candidates({ ...c, others: [] })));
  return events.size === 1 ? [...events][0].when.start : undefined;
}

function near(r: RoleSpell, at: string): boolean {
  return Math.abs(dayNumber(r.asOf) - dayNumber(at)) <= ROLE_DAYS;
}

/** The title in the writer's case: "premier" → "president", "Premier" → "President". */
function like(title: string, written: string): string {
  return /^\p{Lu}/u.test(written) ? title.replace(/(^|[\s-])\p{Ll}/gu, (m) => m.toUpperCase()) : title.toLowerCase();
}

function judgeTitle(t: TitleClaim, at: string, facts: Facts): Verdict {
  const country = t.country ?? (t.person ? facts.homeCountry(t.person) : undefined);
  if (!country) return undefined;
  // Who held this office then, by the sources.
  const holders = facts.index.dataset.people.filter((p) => p.roles?.some((r) => r.country === country && officeOf(r) === t.office && near(r, at)));
  if (holders.length === 1) {
    const h = holders[0];
    if (t.person === h.id || (!t.person && h.aliases.some((a) => t.name.text.includes(a)))) return true;
    // A known person in another office is judged below, by their own title.
    if (!t.person) return holderFinding(t, h, country, at, facts);
  }
  if (!t.person) return undefined;
  const p = facts.index.people.get(t.person)!;
  const attested = (p.roles ?? []).filter((r) => near(r, at) && (!t.country || r.country === t.country));
  if (attested.length === 0) return undefined;
  if (attested.some((r) => officeOf(r) === t.office)) return true;
  const r = attested.sort((a, b) => Math.abs(dayNumber(a.asOf) - dayNumber(at)) - Math.abs(dayNumber(b.asOf) - dayNumber(at)))[0];
  const demonym = facts.index.places.get(r.country ?? '')?.demonyms?.[0];
  return {
    code: 'role-mismatch',
    message: `${p.name} was ${demonym ? `the ${demonym} ` : ''}${r.title} at the time, not ${t.title.text}.`,
    expected: r.title,
    start: t.title.start,
    end: t.title.end,
    newText: like(r.title, t.title.text),
    sources: facts.sourcesOf([r]),
  };
}

function holderFinding(t: TitleClaim, h: Person, country: string, at: string, facts: Facts): Verdict {
  const role = h.roles!.filter((r) => r.country === country && officeOf(r) === t.office).sort((a, b) => Math.abs(dayNumber(a.asOf) - dayNumber(at)) - Math.abs(dayNumber(b.asOf) - dayNumber(at)))[0];
  const demonym = facts.index.places.get(country)?.demonyms?.[0] ?? '';
  return {
    code: 'role-mismatch',
    message: `The ${demonym} ${role.title} at the time was ${h.name}, not ${t.name.text}.`.replace('  ', ' '),
    expected: h.name,
    start: t.name.start,
    end: t.name.end,
    newText: h.name,
    sources: facts.sourcesOf([role]),
  };
}

export const title: Shape = {
  name: 'title',
  judge(s, facts) {
    if (s.titles.length === 0) return [];
    const then = eventTime(s, facts);
    // A past title ("then Prime Minister") is judged only at the time of the event the sentence tells of.
    return s.titles.map((t) => (t.past ? (then ? judgeTitle(t, then, facts) : undefined) : judgeTitle(t, then ?? s.ref, facts)));
  },
};
