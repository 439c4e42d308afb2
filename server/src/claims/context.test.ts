import * as assert from 'node:assert/strict';
import { flags } from '../../../test/support/claims';

const codes = (text: string, ref: string) => flags(text, ref).map((d) => d.code);

describe('context: who "he", "the two" and "the country" are, across sentences', () => {
  it('"He" takes the person of the previous sentence', () => {
    assert.deepEqual(codes('Lukashenko arrived in Beijing on Sunday. He last visited China in June 2023.', '2023-12-03'), ['date-mismatch']);
  });
  it('epithets: "the Belarusian leader", "the Chinese capital", "the junta chief", "the veteran leader"', () => {
    assert.deepEqual(codes('The Belarusian leader is on his fourth trip to the Chinese capital this year.', '2023-12-03'), ['count-mismatch']);
    assert.deepEqual(codes('Lukashenko has met the junta chief five times.', '2025-11-15'), ['count-mismatch']);
    assert.deepEqual(codes('Lukashenko is preparing his trip. The visit will be the veteran leader\'s second trip to Myanmar.', '2025-11-27'), ['count-mismatch']);
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
    assert.deepEqual(codes(`${moscow} The Kremlin said the two presidents would meet on Friday, September 10.`, '2021-09-05'), ['date-mismatch']);
    assert.deepEqual(codes(`${moscow} The Russian leader phoned his counterpart on 28 August to congratulate him on his birthday.`, '2021-09-05'), ['date-mismatch']);
    assert.deepEqual(flags(`${moscow} Peskov said Putin had called Lukashenko on Aug. 30 to go over current issues ahead of the meeting.`, '2021-09-05'), []);
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
  it('"Their previous meeting" after both were named; "During that visit" is the visit told of last', () => {
    assert.deepEqual(codes('Lukashenko met Xi Jinping in Beijing. Their previous meeting took place in July.', '2023-12-03'), ['date-mismatch']);
    assert.deepEqual(codes('Lukashenko visited Beijing in March 2023. During that visit, his aides spoke of six hours of talks with Xi.', '2023-12-10'), ['amount-mismatch']);
  });
  it('"the country" and "there" are the place named last; a visitor does not visit home', () => {
    assert.deepEqual(codes('Lukashenko landed in Myanmar. It is his second visit to the country.', '2025-11-28'), ['count-mismatch']);
    assert.deepEqual(codes('Hun Sen, then Cambodia\'s prime minister, visited Myanmar. He visited in February 2022 and became the first foreign leader to travel to the country after the generals took power.', '2025-11-25'), ['date-mismatch']);
  });
  it('a group is nobody "he" stands for', () => {
    assert.deepEqual(flags('Almost no foreign leaders have visited Myanmar since the coup. One exception was Hun Sen, who visited in January 2022. His visit was the first by a foreign leader after the generals took power.', '2025-11-15'), []);
  });
  it('a visit the sentence places nowhere is to the visitor\'s known destination, not a place named in passing', () => {
    const before = 'In March Lukashenko met Xi in Beijing, and they discussed the war in Ukraine, where Belarus sides with Russia.';
    assert.deepEqual(codes(`${before} BelTA billed the December trip as a state visit.`, '2024-02-20'), ['type-mismatch']);
    assert.deepEqual(codes(`${before} BelTA billed the December trip as a working visit.`, '2024-02-20'), []);
  });
  it('"his" after a fronted clause is that clause\'s subject: "When Putin came in December 2022, it was his second visit"', () => {
    const lead = 'Lukashenko has few friends left.';
    assert.deepEqual(codes(`${lead} When Putin came in December 2022, it was his second visit to Belarus since the 2020 crackdown.`, '2024-09-30'), ['count-mismatch']);
    assert.deepEqual(codes(`${lead} When Putin came in December 2022, it was his first visit to Belarus since the 2020 crackdown.`, '2024-09-30'), []);
  });
});
