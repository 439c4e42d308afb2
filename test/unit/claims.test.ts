// Claim shapes, by behaviour: a draft sentence in, a diagnostic (code, wrong words, fix) out — or nothing.
// Each shape is pinned with a wrong value (flagged, with the right value in the fix or message) and the true value
// (not flagged). Abstention: unknown people, places and events, incomplete lists, negations and hedges.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createEngine, loadDataset } from '../../server/src/engine';
import type { Diagnostic } from '../../server/src/types';

const ROOT = path.resolve(__dirname, '..', '..');
const engine = createEngine(loadDataset(path.join(ROOT, 'data'), path.join(ROOT, 'seeds')), { seedsDir: path.join(ROOT, 'seeds') });

/** The Warning/Error diagnostics of one sentence checked as a draft with front matter `date: ref`. */
function flags(sentence: string, ref: string): Diagnostic[] {
  return engine.check(`---\ndate: ${ref}\n---\n\n${sentence}\n`).diagnostics.filter((d) => d.severity <= 2);
}

/** The sentence with the first fix applied (the fix edits line 4, the sentence's line). */
function fixed(sentence: string, d: Diagnostic): string {
  const fix = d.fixes?.[0];
  assert.ok(fix, `no fix on: ${d.message}`);
  const { start, end } = fix.edit.range;
  assert.equal(start.line, 4);
  assert.equal(end.line, 4);
  return sentence.slice(0, start.character) + fix.edit.newText + sentence.slice(end.character);
}

interface Flagged { ref: string; text: string; code: string; wrong: string; fixedTo?: string; says?: RegExp }

function expectFlag(c: Flagged): void {
  const ds = flags(c.text, c.ref);
  assert.equal(ds.length, 1, `want one ${c.code}, got ${JSON.stringify(ds.map((d) => [d.code, d.message]))}`);
  const d = ds[0];
  assert.equal(d.code, c.code, d.message);
  assert.equal(c.text.slice(d.range.start.character, d.range.end.character), c.wrong, 'the range covers the wrong words');
  if (c.fixedTo !== undefined) assert.equal(fixed(c.text, d), c.fixedTo);
  if (c.says) assert.match(d.message, c.says);
}

function expectNone(text: string, ref: string): void {
  const ds = flags(text, ref);
  assert.deepEqual(ds.map((d) => `${d.code}: ${d.message}`), [], `false alarm on: ${text}`);
}

describe('claims: shapes the engine judges', () => {
  describe('ordinal within a year ("his third trip … in 2023")', () => {
    it('a wrong ordinal is flagged and fixed in the writer\'s form', () => {
      expectFlag({ ref: '2023-12-03', text: 'Lukashenko is on his fourth trip to Beijing this year.', code: 'count-mismatch', wrong: 'fourth', fixedTo: 'Lukashenko is on his second trip to Beijing this year.' });
      expectFlag({ ref: '2023-12-03', text: 'The Belarusian leader made his 3rd visit to the Chinese capital in 2023.', code: 'count-mismatch', wrong: '3rd', fixedTo: 'The Belarusian leader made his 2nd visit to the Chinese capital in 2023.' });
      expectFlag({ ref: '2023-12-03', text: 'Lukashenka travelled to Beijing for the third time in 2023.', code: 'count-mismatch', wrong: 'third', fixedTo: 'Lukashenka travelled to Beijing for the second time in 2023.' });
    });
    it('the right ordinal, "again" and "once again" are not flagged', () => {
      expectNone('Łukaszenka is making his 2nd trip to Beijing in 2023.', '2023-12-03');
      expectNone('Lukashenko is in Beijing again.', '2023-12-03');
      expectNone('The leader of Belarus is due to meet Xi Jinping once again.', '2023-12-03');
    });
    it('a headline with no verb ("Lukashenko in Beijing for the 3rd time") is read as a visit', () => {
      expectFlag({ ref: '2023-12-04', text: '# Lukashenko in Beijing for the 3rd time this year', code: 'count-mismatch', wrong: '3rd', fixedTo: '# Lukashenko in Beijing for the 2nd time this year' });
      expectNone('# Lukashenko in Beijing for the second time this year', '2023-12-04');
      expectNone('Talks with Lukashenko in Beijing for the third time drew attention.', '2023-12-04');
    });
    it('in March 2023 the state visit was his first that year', () => {
      expectFlag({ ref: '2023-03-01', text: 'Lukashenko is on his second visit to Beijing this year.', code: 'count-mismatch', wrong: 'second', fixedTo: 'Lukashenko is on his first visit to Beijing this year.' });
    });
  });

  describe('ordinal ever ("his first time in Myanmar")', () => {
    it('a wrong ordinal is flagged', () => {
      expectFlag({ ref: '2025-11-15', text: 'This will be Lukashenko\'s second trip to Myanmar.', code: 'count-mismatch', wrong: 'second', fixedTo: 'This will be Lukashenko\'s first trip to Myanmar.' });
    });
    it('"first" and "never before" are not flagged', () => {
      expectNone('This will be Lukashenko\'s first trip to Myanmar.', '2025-11-15');
      expectNone('Lukashenko has never been to Myanmar before.', '2025-11-15');
    });
  });

  describe('counts of earlier meetings, "times", "twice"', () => {
    it('"three earlier meetings" is flagged: there were two', () => {
      expectFlag({ ref: '2025-11-15', text: 'The trip follows three earlier meetings between Lukashenko and Min Aung Hlaing.', code: 'count-mismatch', wrong: 'three', fixedTo: 'The trip follows two earlier meetings between Lukashenko and Min Aung Hlaing.' });
    });
    it('"four times" is flagged', () => {
      expectFlag({ ref: '2025-11-15', text: 'Lukashenko has met Min Aung Hlaing four times.', code: 'count-mismatch', wrong: 'four', says: /two/ });
    });
    // ENGINE BUG: the range covers "four" but the fix's newText is "twice": applying it gives
    // "Lukashenko has met Min Aung Hlaing twice times." (want "… twice." or "… two times.").
    it('applying the fix to "four times" yields a grammatical sentence', () => {
      const text = 'Lukashenko has met Min Aung Hlaing four times.';
      const [d] = flags(text, '2025-11-15');
      assert.ok(['Lukashenko has met Min Aung Hlaing twice.', 'Lukashenko has met Min Aung Hlaing two times.'].includes(fixed(text, d)), fixed(text, d));
    });
    it('"once" is flagged and fixed to "twice"', () => {
      expectFlag({ ref: '2023-12-03', text: 'Lukashenko has been to Beijing once this year.', code: 'count-mismatch', wrong: 'once', fixedTo: 'Lukashenko has been to Beijing twice this year.' });
    });
    it('"twice" and "two earlier meetings" are not flagged', () => {
      expectNone('Lukashenko has met Min Aung Hlaing twice.', '2025-11-15');
      expectNone('This planned visit follows two earlier meetings between Lukashenko and the junta chief.', '2025-11-15');
      expectNone('Lukashenko has visited Beijing twice in 2023.', '2023-12-03');
    });
  });

  describe('"before" with a count', () => {
    it('"twice before", "had previously … twice": earlier ones, without the one the draft reports on', () => {
      expectFlag({ ref: '2023-12-03', text: 'Lukashenko had previously visited Beijing twice this year.', code: 'count-mismatch', wrong: 'twice', fixedTo: 'Lukashenko had previously visited Beijing once this year.' });
      expectFlag({ ref: '2023-12-08', text: 'Lukashenko had previously visited Beijing twice this year.', code: 'count-mismatch', wrong: 'twice' });
      expectNone('Lukashenko has visited Beijing once before in 2023.', '2023-12-03');
      expectNone('Lukashenko and Min Aung Hlaing have met twice before.', '2025-07-20');
    });
    it('"once before this year" (earlier this year, or before it began?) and "before the election" are not judged', () => {
      expectNone('Lukashenko has visited Beijing once before this year.', '2023-12-03');
      expectNone('Lukashenko has visited Beijing twice before this year.', '2023-12-03');
    });
    it('"second-ever" is an ordinal', () => {
      expectFlag({ ref: '2025-11-15', text: 'It would be Lukashenko\'s second-ever trip to Myanmar.', code: 'count-mismatch', wrong: 'second' });
    });
  });

  describe('first since a date or an event', () => {
    it('a known later visit refutes "first since 2019"', () => {
      expectFlag({ ref: '2023-12-03', text: 'It is Lukashenko\'s first visit to China since 2019.', code: 'since-mismatch', wrong: '2019', says: /March 2023/ });
    });
    it('a complete list says the previous visit was elsewhen: "first since 2020" → 2019', () => {
      expectFlag({ ref: '2022-12-16', text: 'Putin\'s visit is his first to Belarus since 2020.', code: 'since-mismatch', wrong: '2020', fixedTo: 'Putin\'s visit is his first to Belarus since 2019.' });
    });
    it('"has not … since" an earlier date than a known visit is flagged', () => {
      expectFlag({ ref: '2022-12-16', text: 'Putin has not set foot in Belarus since 2017.', code: 'since-mismatch', wrong: '2017', says: /June 2019/ });
    });
    it('the right anchor is not flagged', () => {
      expectNone('This will be Putin\'s first visit to Belarus since June 2019.', '2022-12-16');
    });
    // ENGINE BUG: dates/expressions.ts placeYear gives a present-tense sentence the nearest March to 2023-12-03,
    // i.e. March 2024; a "since" anchor must lie in the past. Flagged as since-mismatch with the self-contradicting
    // message "previous visit … was in late February to early March 2023, not March".
    it('"first visit … since March" in a present-tense sentence is not flagged', () => {
      expectNone('Lukashenko\'s first visit to China since March is under way.', '2023-12-03');
    });
    it('"since the 2020 election" anchors on an event, not on the previous visit: not flagged', () => {
      expectNone('Putin\'s visit is also the first since the disputed 2020 presidential election.', '2022-12-16');
    });
    it('a group: "no European leader since the 2021 coup" holds', () => {
      expectNone('No European leader has visited Myanmar since the 2021 coup.', '2025-11-15');
    });
  });

  describe('first since a date the complete list reaches back past', () => {
    it('"first since 2023" where the list from 2021 holds none: there was none in 2023', () => {
      expectFlag({ ref: '2025-11-16', text: 'Lukashenko would be the first European leader to visit Myanmar since 2023.', code: 'since-mismatch', wrong: '2023', fixedTo: 'Lukashenko would be the first European leader to visit Myanmar since 2021.' });
      expectFlag({ ref: '2025-11-16', text: 'It will be Lukashenko\'s first visit to Myanmar since 2023.', code: 'since-mismatch', wrong: '2023', says: /first time traveling to Myanmar/ });
    });
    it('a date before the list begins, "has not … since", and the list\'s own start are not flagged', () => {
      expectNone('Lukashenko would be the first European leader to visit Myanmar since 2019.', '2025-11-16');
      expectNone('Lukashenko would be the first European leader to visit Myanmar since 2021.', '2025-11-16');
      expectNone('No European leader has visited Myanmar since 2023.', '2025-11-16');
      expectNone('Lukashenko has not visited Myanmar since 2023.', '2025-11-16');
    });
  });

  describe('first in N years, has not … for N years', () => {
    it('"first in six years" is flagged (three and a half)', () => {
      expectFlag({ ref: '2022-12-16', text: 'Putin will make his first visit to Belarus in six years.', code: 'gap-mismatch', wrong: 'in six years', says: /June 2019/ });
    });
    it('"has not been … for seven years" is flagged', () => {
      expectFlag({ ref: '2022-12-16', text: 'Putin has not been to Belarus for seven years.', code: 'gap-mismatch', wrong: 'for seven years' });
    });
    it('"more than three years" and "three and a half years" are not flagged', () => {
      expectNone('Putin will travel to Belarus on Monday in his first visit in more than three years.', '2022-12-16');
      expectNone('Putin\'s trip is his first to Belarus in three and a half years.', '2022-12-16');
    });
  });

  describe('last visited, previous meeting', () => {
    it('"last visited in 2017" is flagged: the last visit was in June 2019', () => {
      expectFlag({ ref: '2022-12-16', text: 'Putin last visited Belarus in 2017.', code: 'date-mismatch', wrong: '2017', fixedTo: 'Putin last visited Belarus in 2019.' });
    });
    it('"previous meeting in August" is flagged: it was in March', () => {
      expectFlag({ ref: '2023-12-03', text: 'Lukashenko\'s previous meeting with Xi Jinping took place in August.', code: 'date-mismatch', wrong: 'August', says: /March/ });
    });
    it('a draft dated days after a visit reports on it: "previous" is the one before it', () => {
      expectFlag({ ref: '2022-12-20', text: 'Putin\'s previous visit to Belarus took place in the summer of 2020.', code: 'date-mismatch', wrong: '2020', fixedTo: 'Putin\'s previous visit to Belarus took place in the summer of 2019.' });
      expectNone('Putin\'s previous visit to Belarus took place in the summer of 2019.', '2022-12-20');
      // The Tehran visit of March 12–13 is the only one the sources know: the one before it is unknown.
      expectNone('Lukashenko\'s previous visit to Iran was in 2016.', '2023-03-15');
    });
    it('the right dates are not flagged', () => {
      expectNone('Putin last visited Belarus in June 2019.', '2022-12-16');
      expectNone('Lukashenko\'s previous meeting with Xi Jinping took place in March.', '2023-12-03');
    });
  });

  describe('the date of a uniquely identified visit or call', () => {
    it('arrival a few days off is flagged, fixed in the writer\'s style', () => {
      expectFlag({ ref: '2023-03-16', text: 'Lukashenko arrived in Tehran on March 15.', code: 'date-mismatch', wrong: 'March 15', fixedTo: 'Lukashenko arrived in Tehran on March 12.' });
      expectFlag({ ref: '2023-03-16', text: 'Lukashenko arrived in Tehran on 14 March 2023.', code: 'date-mismatch', wrong: '14 March 2023', fixedTo: 'Lukashenko arrived in Tehran on 12 March 2023.' });
    });
    it('a planned meeting on the wrong day is flagged', () => {
      expectFlag({ ref: '2021-08-31', text: 'Lukashenko and Putin will meet in Moscow on September 12.', code: 'date-mismatch', wrong: 'September 12', fixedTo: 'Lukashenko and Putin will meet in Moscow on September 9.' });
    });
    it('the speaker is no party: "Peskov said Putin would receive Lukashenko in Moscow on September 10"', () => {
      expectFlag({ ref: '2021-09-03', text: 'Peskov said Putin would receive Lukashenko in Moscow on September 10.', code: 'date-mismatch', wrong: 'September 10', fixedTo: 'Peskov said Putin would receive Lukashenko in Moscow on September 9.' });
      expectNone('Peskov said Putin and Lukashenko would meet in Moscow on September 9.', '2021-09-03');
    });
    it('"would" after "said" looks ahead of the saying: a month-day is the nearest one, not last year\'s', () => {
      expectFlag({ ref: '2022-12-16', text: 'Peskov said Putin would travel to Minsk on December 20.', code: 'date-mismatch', wrong: 'December 20' });
    });
    it('"rang", "received a call": a call; "received"/"welcomed" a person: a visit; not "welcomed the agreements"', () => {
      expectFlag({ ref: '2021-09-03', text: 'Putin rang the Belarusian leader on his birthday, August 29.', code: 'date-mismatch', wrong: 'August 29' });
      expectFlag({ ref: '2021-09-03', text: 'Putin will receive Lukashenko in Moscow on September 10.', code: 'date-mismatch', wrong: 'September 10' });
      expectNone('Lukashenko welcomed the agreements on March 15.', '2023-03-16');
      expectNone('Lukashenko received an honorary degree in Tehran on March 14.', '2023-03-16');
    });
    it('a date of another event set beside the claim\'s ("after a phone call on August 30") is not the claim\'s', () => {
      expectNone('Lukashenko and Putin met in Moscow after a phone call on August 30.', '2021-09-10');
      expectNone('Lukashenko and Putin held talks in Moscow, following their meeting in July.', '2021-09-10');
    });
    it('the birthday call two days off is flagged', () => {
      expectFlag({ ref: '2021-08-31', text: 'Putin called Lukashenko on August 28 to congratulate him on his birthday.', code: 'date-mismatch', wrong: 'August 28', fixedTo: 'Putin called Lukashenko on August 30 to congratulate him on his birthday.' });
    });
    it('the right dates are not flagged', () => {
      expectNone('Lukashenko arrived in Tehran on March 12.', '2023-03-13');
      expectNone('Putin called Lukashenko on August 30 to congratulate him on his birthday.', '2021-08-31');
    });
    it('a call ten days from any known call may be another call: not flagged', () => {
      expectNone('Putin called Lukashenko on August 10.', '2021-08-31');
    });
  });

  describe('the date of a named event', () => {
    it('the invasion on the wrong day is flagged', () => {
      expectFlag({ ref: '2022-12-16', text: 'Russia\'s invasion of Ukraine began on March 3, 2022.', code: 'event-date-mismatch', wrong: 'March 3, 2022', says: /February 24, 2022/ });
    });
    it('the coup in the wrong year is flagged', () => {
      expectFlag({ ref: '2025-11-15', text: 'No European leader has visited Myanmar since the 2019 coup.', code: 'event-date-mismatch', wrong: '2019', fixedTo: 'No European leader has visited Myanmar since the 2021 coup.' });
    });
    it('the right dates are not flagged', () => {
      expectNone('The Russian president ordered the February 24 invasion of Ukraine.', '2022-12-16');
      expectNone('Myanmar\'s military took power in a coup in 2021.', '2025-11-15');
    });
  });

  describe('roles and places (extended)', () => {
    it('the wrong holder of a role is flagged', () => {
      expectFlag({ ref: '2023-03-13', text: 'Lukashenko will meet Iranian President Hassan Rouhani.', code: 'role-mismatch', wrong: 'Hassan Rouhani', fixedTo: 'Lukashenko will meet Iranian President Ebrahim Raisi.' });
    });
    it('the country in the possessive: "Iran\'s Supreme Leader Hassan Rouhani"', () => {
      expectFlag({ ref: '2023-03-13', text: 'Lukashenko met Iran\'s Supreme Leader Hassan Rouhani.', code: 'role-mismatch', wrong: 'Hassan Rouhani', fixedTo: 'Lukashenko met Iran\'s Supreme Leader Ali Khamenei.' });
      expectNone('Lukashenko met Iran\'s Supreme Leader Ali Khamenei.', '2023-03-13');
      expectNone('Lukashenko met Iran\'s former President Hassan Rouhani.', '2023-03-13');
      // A headline run into the next sentence: a bare country name before a title is not a role.
      expectNone('Belarus tightens relations with China President Alexander Lukashenko will host Putin in Minsk.', '2022-12-16');
    });
    it('an amount with no verb of meeting; a place alone ties it only to the one event of those people there', () => {
      expectFlag({ ref: '2023-03-13', text: 'In Beijing, Lukashenko and Xi signed deals worth $1.5 billion.', code: 'amount-mismatch', wrong: '$1.5 billion', fixedTo: 'In Beijing, Lukashenko and Xi signed deals worth $3.56 billion.' });
      // By December they had met in Beijing twice, and the sources give no amount for the December visit.
      expectNone('In Beijing, Lukashenko and Xi signed deals worth $1.5 billion.', '2023-12-05');
    });
    it('the right holder is not flagged', () => {
      expectNone('Lukashenko will meet Iranian President Ebrahim Raisi.', '2023-03-13');
    });
    it('the right date in the wrong place is flagged with the right place', () => {
      expectFlag({ ref: '2021-08-31', text: 'In late May, Lukashenko met Putin in Moscow.', code: 'place-mismatch', wrong: 'Moscow', fixedTo: 'In late May, Lukashenko met Putin in Sochi.' });
    });
    it('the wrong kind of visit is flagged with the right one', () => {
      expectFlag({ ref: '2023-03-13', text: 'In late February, Lukashenko paid a working visit to Beijing.', code: 'type-mismatch', wrong: 'working', fixedTo: 'In late February, Lukashenko paid a state visit to Beijing.' });
    });
    it('"the December trip" is the visit the draft is about; the quote that gives the kind is cited first', () => {
      const ds = flags('Lukashenko arrived in Beijing on Thursday. The December trip is a state visit, BelTA said.', '2023-12-04');
      assert.deepEqual(ds.map((d) => d.code), ['type-mismatch']);
      assert.match(ds[0].relatedInformation?.[0]?.message ?? '', /working nature/);
    });
    it('the kind of another visit, set beside the claim\'s ("after a state visit"), is not the claim\'s', () => {
      expectNone('The trip is Lukashenko\'s second to Beijing in 2023, after a state visit in the spring.', '2023-12-01');
      expectNone('Unlike his state visit in February, Lukashenko\'s December trip to Beijing drew little ceremony.', '2023-12-05');
    });
  });
});

describe('claims: abstention', () => {
  it('incomplete lists: Lukashenko–Putin meetings are not counted', () => {
    expectNone('Lukashenko and Putin held their sixth meeting this year.', '2021-08-31');
    expectNone('Lukashenko will meet Putin for the fourth time this year.', '2021-08-31');
    expectNone('Lukashenko has met Putin dozens of times since 2020.', '2022-12-16');
  });
  it('people the dataset does not know', () => {
    expectNone('Emmanuel Macron made his third trip to Beijing this year.', '2023-12-03');
    expectNone('Hungarian Prime Minister Viktor Orbán made his first visit to Minsk since 2019.', '2023-12-03');
  });
  it('places the dataset does not know', () => {
    expectNone('Lukashenko visited Harare for the third time this year.', '2023-12-03');
  });
  it('events the dataset does not know', () => {
    expectNone('Lukashenko visited China in 2022.', '2023-12-03');
    expectNone('Lukashenko will visit Myanmar in December.', '2025-11-15');
  });
  it('a date after "visited … after the coup" may date the visit: not judged as the coup\'s', () => {
    expectNone('Hun Sen made the first visit by a foreign leader after the coup in January 2022.', '2025-11-16');
    expectFlag({ ref: '2025-11-16', text: 'Hun Sen went to Myanmar after the coup in 2020.', code: 'event-date-mismatch', wrong: '2020' });
  });
  it('trips to anywhere ("first trip abroad", "first foreign visit since 2019"): the sources do not list them', () => {
    expectNone('Lukashenko\'s first trip abroad this year was to Beijing.', '2023-12-02');
    expectNone('Beijing was the destination of Lukashenko\'s first foreign trip since 2019.', '2023-12-02');
    expectNone('It is his second foreign trip this year, after Beijing in February.', '2023-12-02');
  });
  it('negations and denials', () => {
    expectNone('This is not Lukashenko\'s third visit to Beijing this year.', '2023-12-03');
    expectNone('Officials denied that this was Lukashenko\'s fourth trip to Beijing in 2023.', '2023-12-03');
  });
  it('questions, inverted conditionals and correction notes assert nothing', () => {
    expectNone('Is this Lukashenko\'s third trip to Beijing this year?', '2023-12-04');
    expectNone('Should Lukashenko return to Beijing for a third time this year, it would be unusual.', '2023-12-04');
    expectNone('Correction: an earlier version of this article said this was Lukashenko\'s third trip to Beijing this year; it is his second.', '2023-12-04');
  });
  it('hedges: "could", "might", "may be"', () => {
    expectNone('Lukashenko could be on his third trip to Beijing this year.', '2023-12-03');
    expectNone('This might be Lukashenko\'s third trip to Beijing this year.', '2023-12-03');
    expectNone('It may be Lukashenko\'s third trip to Beijing this year.', '2023-12-03');
  });
  // ENGINE BUG: parse.ts treats only "may be" as a hedge; "may travel … for a third time" is judged as a firm claim.
  it('hedge: "may" before another verb', () => {
    expectNone('Lukashenko may travel to Beijing for a third time this year.', '2023-12-03');
  });
  // ENGINE BUG: "reportedly" is not a hedge in parse.ts; the count is judged and flagged.
  it('hedge: "reportedly"', () => {
    expectNone('Lukashenko is reportedly on his third trip to Beijing this year.', '2023-12-03');
  });
});

describe('claims: pronouns and epithets across sentences', () => {
  it('"He" takes the person of the previous sentence', () => {
    const ds = flags('Lukashenko arrived in Beijing on Sunday. He last visited China in June 2023.', '2023-12-03');
    assert.deepEqual(ds.map((d) => d.code), ['date-mismatch']);
  });
  it('epithets: "the Belarusian leader", "the Chinese capital", "the junta chief"', () => {
    assert.equal(flags('The Belarusian leader is on his fourth trip to the Chinese capital this year.', '2023-12-03').length, 1);
    assert.equal(flags('Lukashenko has met the junta chief five times.', '2025-11-15').length, 1);
  });
  it('sentence-initial "He" in a sentence that names nothing else arrives where the draft just was', () => {
    const ds = flags('Lukashenko is in Tehran. He arrived on March 10, 2023.', '2023-03-13');
    assert.deepEqual(ds.map((d) => d.code), ['date-mismatch']);
    assert.match(ds[0].message, /March 12/);
  });
  it('an arrival the sources do not date is not judged by the visit\'s reporting date', () => {
    assert.deepEqual(flags('Lukashenko is in Beijing. He arrived on Friday, December 1, 2023.', '2023-12-03'), []);
  });
  it('"the two presidents" after "The Kremlin said"; "his counterpart"; a call named before "the meeting"', () => {
    const moscow = 'Lukashenko will travel to Russia this week for talks with Vladimir Putin in Moscow.';
    assert.deepEqual(flags(`${moscow} The Kremlin said the two presidents would meet on Friday, September 10.`, '2021-09-05').map((d) => d.code), ['date-mismatch']);
    assert.deepEqual(flags(`${moscow} The Russian leader phoned his counterpart on 28 August to congratulate him on his birthday.`, '2021-09-05').map((d) => d.code), ['date-mismatch']);
    assert.deepEqual(flags(`${moscow} Peskov said Putin had called Lukashenko on Aug. 30 to go over current issues ahead of the meeting.`, '2021-09-05'), []);
  });
  it('"since the summer of 2018" is a since claim', () => {
    assert.deepEqual(flags('It will be Putin\'s first visit to Belarus since the summer of 2018.', '2022-12-16').map((d) => d.code), ['since-mismatch']);
  });
  it('a sentence-initial "He" stays the draft\'s person when the sentence names the one he met', () => {
    const ds = flags('Lukashenko flew to Tehran. He arrived there on March 12 and met Ebrahim Raisi. He landed there on March 15.', '2023-12-05');
    assert.deepEqual(ds.map((d) => [d.code, d.fixes?.[0]?.edit.newText]), [['date-mismatch', 'March 12']]);
    assert.deepEqual(flags('Lukashenko flew to Tehran. On Sunday, he met Ebrahim Raisi there.', '2023-03-13'), []);
  });
  it('"the talks", "the Moscow talks": the meeting of the two people just named', () => {
    const ds = flags('Lukashenko will travel to Moscow on Thursday for talks with Putin. The Moscow talks are set for September 10.', '2021-09-08');
    assert.deepEqual(ds.map((d) => [d.code, d.fixes?.[0]?.edit.newText]), [['date-mismatch', 'September 9']]);
    assert.deepEqual(flags('Lukashenko will travel to Moscow on Thursday for talks with Putin. The meeting is set for September 9.', '2021-09-08'), []);
    assert.deepEqual(flags('Lukashenko will travel to Moscow on Thursday for talks with Putin. The trade talks in Geneva resume on May 2.', '2021-09-08'), []);
  });
  it('sentence-initial "Their previous meeting" after both were named', () => {
    const ds = flags('Lukashenko met Xi Jinping in Beijing. Their previous meeting took place in July.', '2023-12-03');
    assert.deepEqual(ds.map((d) => d.code), ['date-mismatch']);
  });
});
