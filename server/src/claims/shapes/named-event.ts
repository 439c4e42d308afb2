// "Since the 2018 coup", "crossed into Ukraine on February 14", "in a coup on February 1, 2022": the date of a named
// event (the invasion, the coup, an election). The event's words must mean this event: its place, country or people
// are in the sentence, or in the draft when the sentence names no other place.

import { overlaps } from '../../dates/iso';
import type { Shape, Verdict } from './shape';

/** Words of an event's quotes other than its keywords and the commonest words: "disputed" for the 2020 election. */
function ownWords(e: { sources: { quote: string }[]; keywords?: string[] }): string[] {
  const keys = new Set((e.keywords ?? []).flatMap((k) => k.toLowerCase().split(/\s+/)));
  return [...new Set(e.sources.flatMap((s) => s.quote.toLowerCase().match(/\p{L}{5,}/gu) ?? []))].filter((w) => !keys.has(w) && !COMMON.has(w));
}

const COMMON = new Set(['about', 'after', 'before', 'their', 'there', 'these', 'those', 'which', 'while', 'where', 'would', 'could', 'should', 'since', 'under', 'other', 'presidential', 'president', 'planned', 'leader', 'leaders']);

export const namedEvent: Shape = {
  name: 'named-event',
  judge(s, facts) {
    return s.namedEvents.map((n): Verdict => {
      const e = facts.event(n.event);
      if (!e) return undefined;
      // An election or consultations: "an election" is another; "the election" this one only when the sentence uses a
      // word of its own sources beside the keyword ("the disputed election").
      if (e.recurring && (n.indefinite || !ownWords(e).some((w) => n.words.includes(w)))) return undefined;
      if (n.saying && e.kind !== 'remark') return undefined;
      const related = [e.place, e.place && facts.index.countryOf(e.place), ...e.actors, ...e.actors.map((a) => facts.homeCountry(a))].filter(Boolean) as string[];
      const ids = s.mentions.filter((m) => m.kind !== 'event').map((m) => m.id);
      const inSentence = related.some((r) => ids.some((id) => id === r || (facts.index.places.has(id) && facts.index.places.has(r) && facts.index.compatiblePlaces(id, r))));
      const places = s.mentions.filter((m) => m.kind === 'place');
      if (!inSentence && !(related.some((r) => s.seen.has(r)) && places.length === 0)) return undefined;
      const d = n.date;
      if (overlaps({ start: d.from, end: d.to }, e.when)) return true;
      // "Visited … after the coup in January 2022" may date the visit: only a date before the event is wrong either way.
      if (n.shared && d.from > e.when.end) return undefined;
      return {
        code: 'event-date-mismatch',
        message: `${e.label}: the sources date it to ${e.when.text}, not ${d.text}.`,
        expected: e.when.text,
        start: d.start,
        end: d.end,
        newText: facts.dateFix(d, e, false, s.ref),
        sources: facts.sourcesOf([e]),
      };
    });
  },
};
