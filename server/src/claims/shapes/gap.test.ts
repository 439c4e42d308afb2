import * as assert from 'node:assert/strict';
import { expectFlag, expectNone, flags } from '../../../../test/support/claims';

describe('shape: gap ("first in more than three years", "has not been for seven years", "ended a three-year absence")', () => {
  it('"first in six years", "for the first time in 18 months", "in two years" are flagged (three and a half)', () => {
    expectFlag({ ref: '2022-12-16', text: 'Putin will make his first visit to Belarus in six years.', code: 'gap-mismatch', wrong: 'six years', says: /June 2019/, fixedTo: 'Putin will make his first visit to Belarus in three and a half years.' });
    expectFlag({ ref: '2022-12-19', text: 'Putin flew into Minsk for the first time in 18 months.', code: 'gap-mismatch', wrong: '18 months' });
    expectFlag({ ref: '2022-12-19', text: 'For the first time in two years it was Putin who flew to Minsk.', code: 'gap-mismatch', wrong: 'two years' });
  });
  it('"has not been … for seven years", "almost five years", "more than four years" are flagged', () => {
    expectFlag({ ref: '2022-12-16', text: 'Putin has not been to Belarus for seven years.', code: 'gap-mismatch', wrong: 'seven years' });
    expectFlag({ ref: '2023-01-16', text: 'Last month\'s trip was Putin\'s first to Belarus in almost five years.', code: 'gap-mismatch', wrong: 'almost five years' });
    expectFlag({ ref: '2022-12-16', text: 'The trip will be the Russian leader\'s first to Belarus in more than four years.', code: 'gap-mismatch', wrong: 'more than four years' });
  });
  it('an absence: "the visit ended a two-and-a-half-year absence"', () => {
    expectFlag({ ref: '2022-12-20', text: 'Putin\'s visit ended a two-and-a-half-year absence from Belarus.', code: 'gap-mismatch', wrong: 'two-and-a-half-year' });
    expectNone('Putin\'s visit ended a three-and-a-half-year absence from Belarus.', '2022-12-20');
  });
  it('"more than three years", "three and a half years", "three years" are not flagged', () => {
    expectNone('Putin will travel to Belarus on Monday in his first visit in more than three years.', '2022-12-16');
    expectNone('Putin\'s trip is his first to Belarus in three and a half years.', '2022-12-16');
    expectNone('For the first time in three years it was Putin who flew to Minsk.', '2022-12-19');
  });
  it('a span of something else is no gap: "the first time in 26 years of diplomatic relations"', () => {
    expectNone('This is the first time in 26 years of diplomatic ties that a Belarusian leader has travelled to Myanmar.', '2025-11-28');
  });
  it('"comes three months after his previous visit": the gap to the one before, in months', () => {
    const ds = flags('Lukashenko is in Beijing again. The trip comes just four months after his previous visit.', '2023-12-04');
    assert.deepEqual(ds.map((d) => d.code), ['gap-mismatch']);
    assert.match(ds[0].message, /nine months earlier/);
    assert.deepEqual(flags('Lukashenko is in Beijing again. The trip comes nine months after his previous visit.', '2023-12-04'), []);
  });
  it('"The visit ended a two-and-a-half-year absence": the visit last told of, its visitor, and the hyphens kept', () => {
    const ds = flags('Putin flew to Minsk on Monday, and Lukashenko hosted the Russian leader for talks. The visit ended a two-and-a-half-year absence from Belarus.', '2022-12-20');
    assert.deepEqual(ds.map((d) => d.code), ['gap-mismatch']);
    assert.equal(ds[0].fixes?.[0]?.edit.newText, 'three-and-a-half-year');
  });
});
