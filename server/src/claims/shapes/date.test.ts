import * as assert from 'node:assert/strict';
import { expectFlag, expectNone, flags } from '../../../../test/support/claims';

describe('shape: date (the day, month or year of a known visit, meeting or call)', () => {
  it('arrival a few days off is flagged, fixed in the writer\'s style', () => {
    expectFlag({ ref: '2023-03-16', text: 'Lukashenko arrived in Tehran on March 15.', code: 'date-mismatch', wrong: 'March 15', fixedTo: 'Lukashenko arrived in Tehran on March 12.' });
    expectFlag({ ref: '2023-03-16', text: 'Lukashenko arrived in Tehran on 14 March 2023.', code: 'date-mismatch', wrong: '14 March 2023', fixedTo: 'Lukashenko arrived in Tehran on 12 March 2023.' });
  });
  it('a planned meeting on the wrong day; a weekday read against the draft\'s date', () => {
    expectFlag({ ref: '2021-08-31', text: 'Lukashenko and Putin will meet in Moscow on September 12.', code: 'date-mismatch', wrong: 'September 12', fixedTo: 'Lukashenko and Putin will meet in Moscow on September 9.' });
    expectFlag({ ref: '2021-09-10', text: 'The Belarusian leader met Putin in Moscow on Tuesday.', code: 'date-mismatch', wrong: 'Tuesday' });
  });
  it('relative times: "ten days ago", "two days ago", "in three days\' time"', () => {
    expectFlag({ ref: '2022-12-24', text: 'Putin came to Minsk for his first visit in three years ten days ago.', code: 'date-mismatch', wrong: 'ten days ago', fixedTo: 'Putin came to Minsk for his first visit in three years five days ago.' });
    expectNone('Putin came to Minsk for his first visit in three years five days ago.', '2022-12-24');
    expectFlag({ ref: '2021-09-08', text: 'Putin called Lukashenko two days ago to congratulate him on his birthday.', code: 'date-mismatch', wrong: 'two days ago' });
    expectFlag({ ref: '2021-09-05', text: 'Lukashenko will meet Putin in Moscow in three days\' time.', code: 'date-mismatch', wrong: 'in three days\' time' });
  });
  it('a complete list for the window: "In late January, Lukashenko made a state visit to Beijing"', () => {
    expectFlag({ ref: '2023-03-13', text: 'In late January, Lukashenko made a state visit to Beijing.', code: 'date-mismatch', wrong: 'late January' });
    expectNone('In late February, Lukashenko made a state visit to Beijing.', '2023-03-13');
  });
  it('"the two (also) met in June": the two the draft named, and the complete list of their meetings', () => {
    expectFlag({ ref: '2025-11-20', text: 'Min Aung Hlaing met Lukashenko in Belarus in March. The two also met in May.', code: 'date-mismatch', wrong: 'May', says: /June/ });
    expectNone('Min Aung Hlaing met Lukashenko in Belarus in March. The two also met in June.', '2025-11-20');
    expectNone('Min Aung Hlaing met Lukashenko in Belarus in March and again in June.', '2025-11-20');
  });
  it('a meeting told by what was discussed: "In June they convened in St. Petersburg to negotiate gas prices"', () => {
    expectFlag({ ref: '2021-08-31', text: 'In June, Lukashenko and Putin convened in St. Petersburg to negotiate gas pricing and credit support for Minsk.', code: 'date-mismatch', wrong: 'June', says: /July/ });
    expectFlag({ ref: '2021-09-08', text: 'In early June, Lukashenko met Putin in Sochi, where they discussed the Ryanair flight incident.', code: 'date-mismatch', wrong: 'early June', says: /May/ });
  });
  it('the speaker is no party: "Peskov said Putin would receive Lukashenko in Moscow on September 10"', () => {
    expectFlag({ ref: '2021-09-03', text: 'Peskov said Putin would receive Lukashenko in Moscow on September 10.', code: 'date-mismatch', wrong: 'September 10', fixedTo: 'Peskov said Putin would receive Lukashenko in Moscow on September 9.' });
    expectNone('Peskov said Putin and Lukashenko would meet in Moscow on September 9.', '2021-09-03');
  });
  it('the birthday call two days off is flagged; a call ten days from any known call may be another call', () => {
    expectFlag({ ref: '2021-08-31', text: 'Putin called Lukashenko on August 28 to congratulate him on his birthday.', code: 'date-mismatch', wrong: 'August 28', fixedTo: 'Putin called Lukashenko on August 30 to congratulate him on his birthday.' });
    expectNone('Putin called Lukashenko on August 10.', '2021-08-31');
  });
  it('a date in another clause, phrase or noun is not the event\'s', () => {
    expectNone('Lukashenko and Putin met in Moscow after a phone call on August 30.', '2021-09-10');
    expectNone('Lukashenko and Putin held talks in Moscow, following their meeting in July.', '2021-09-10');
    expectNone('Putin pointed to rising trade with Belarus, saying that in 2021 it hit $38.5 billion.', '2022-12-19');
    expectNone('Lukashenko became just the second world leader to come to the country since the establishment of the junta in 2021.', '2025-11-28');
    expectNone('Lukashenko arrived in Myanmar as the junta prepared for holding the election at the end of 2025.', '2025-11-28');
  });
  it('a meeting in a place the dataset does not know is another event', () => {
    expectNone('In September 2022, Lukashenko and Xi met on the sidelines of the SCO summit in Samarkand.', '2023-12-04');
  });
  it('"was in Beijing in March, and returned this week for a working visit": two visits, both right', () => {
    expectNone('Lukashenko was in Beijing in March, and returned this week for a working visit.', '2023-12-04');
  });
  it('the right dates are not flagged', () => {
    expectNone('Lukashenko arrived in Tehran on March 12.', '2023-03-13');
    expectNone('Putin called Lukashenko on August 30 to congratulate him on his birthday.', '2021-08-31');
  });
  it('a fact box: "- Putin\'s previous visit to Belarus: June 2018." dates its label', () => {
    expectFlag({ ref: '2022-12-17', text: '- Putin\'s previous visit to Belarus: June 2018.', code: 'date-mismatch', wrong: 'June 2018', fixedTo: '- Putin\'s previous visit to Belarus: June 2019.' });
    expectFlag({ ref: '2023-12-03', text: '- Previous Lukashenko–Xi meeting: May 2023', code: 'date-mismatch', wrong: 'May 2023' });
    expectNone('- Previous Lukashenko–Xi meeting: March 2023', '2023-12-03');
  });
  it('a fact box\'s value runs to its first comma: "- **Last trip:** May 2023, with a gun salute."', () => {
    const ds = flags('Lukashenko is in Beijing again.\n\n- **Last trip:** May 2023, when he was greeted by a guard of honour.', '2023-12-04');
    assert.deepEqual(ds.map((d) => d.code), ['date-mismatch']);
    assert.match(ds[0].message, /not May 2023/);
  });
  it('"which announced the visit on Friday": the day it was made known is not the visit\'s', () => {
    assert.deepEqual(flags('Putin flew to Minsk on Monday. Lukashenko hosted him, said his office, which announced the visit on Friday.', '2022-12-19'), []);
  });
});
