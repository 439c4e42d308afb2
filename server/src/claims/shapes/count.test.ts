import * as assert from 'node:assert/strict';
import { expectFlag, expectNone, fixed, flags } from '../../../../test/support/claims';

describe('shape: count ("four earlier meetings", "three times so far in 2023", "twice last year", "his only visit")', () => {
  it('"three earlier meetings" is flagged: there were two', () => {
    expectFlag({ ref: '2025-11-15', text: 'The trip follows three earlier meetings between Lukashenko and Min Aung Hlaing.', code: 'count-mismatch', wrong: 'three', fixedTo: 'The trip follows two earlier meetings between Lukashenko and Min Aung Hlaing.' });
  });
  it('"four times" is flagged, and its fix reads as English', () => {
    const text = 'Lukashenko has met Min Aung Hlaing four times.';
    const d = expectFlag({ ref: '2025-11-15', text, code: 'count-mismatch', wrong: 'four times', says: /two/ });
    assert.equal(fixed(text, d), 'Lukashenko has met Min Aung Hlaing twice.');
  });
  it('"once" is flagged and fixed to "twice"; "has travelled … three times so far in 2023"', () => {
    expectFlag({ ref: '2023-12-03', text: 'Lukashenko has been to Beijing once this year.', code: 'count-mismatch', wrong: 'once', fixedTo: 'Lukashenko has been to Beijing twice this year.' });
    expectFlag({ ref: '2023-12-04', text: 'Lukashenko, who has travelled to Beijing three times so far in 2023, met Xi on Monday.', code: 'count-mismatch', wrong: 'three times' });
  });
  it('"twice last year": the meetings in Belarus were this year', () => {
    expectFlag({ ref: '2025-11-28', text: 'Last year Min Aung Hlaing travelled to Minsk twice.', code: 'count-mismatch', wrong: 'twice' });
    expectNone('Min Aung Hlaing visited Belarus twice this year.', '2025-11-28');
  });
  it('"his only visit": the known visits are a floor even without a complete list', () => {
    expectFlag({ ref: '2024-01-10', text: 'Lukashenko\'s only visit to Beijing last year came in December.', code: 'count-mismatch', wrong: 'only' });
  });
  it('"twice", "two earlier meetings" are not flagged', () => {
    expectNone('Lukashenko has met Min Aung Hlaing twice.', '2025-11-15');
    expectNone('This planned visit follows two earlier meetings between Lukashenko and the junta chief.', '2025-11-15');
    expectNone('Lukashenko has visited Beijing twice in 2023.', '2023-12-03');
  });
  it('"before": earlier ones, without the one the draft reports on', () => {
    expectFlag({ ref: '2023-12-03', text: 'Lukashenko had previously visited Beijing twice this year.', code: 'count-mismatch', wrong: 'twice', fixedTo: 'Lukashenko had previously visited Beijing once this year.' });
    expectNone('Lukashenko has visited Beijing once before in 2023.', '2023-12-03');
    expectNone('Lukashenko and Min Aung Hlaing have met twice before.', '2025-07-20');
  });
  it('lists the sources do not close are not counted', () => {
    expectNone('Lukashenko has met Putin dozens of times since 2020.', '2022-12-16');
    assert.deepEqual(flags('Lukashenko has met Putin four times since the invasion began.', '2022-12-16'), []);
  });
  it('a fact box\'s count follows its label: "- Earlier meetings between Lukashenko and Min Aung Hlaing: three"', () => {
    assert.deepEqual(flags('- Earlier meetings between Lukashenko and Min Aung Hlaing: four, both in Belarus', '2025-11-21').map((d) => d.code), ['count-mismatch']);
    assert.deepEqual(flags('- Earlier meetings between Lukashenko and Min Aung Hlaing: two, both in Belarus', '2025-11-21'), []);
    assert.deepEqual(flags('- **Lukashenko\'s previous trips to Myanmar:** two', '2025-11-21').map((d) => d.code), ['count-mismatch']);
  });
});
