import { expectFlag, expectNone } from '../../../../test/support/claims';

describe('shape: place (the right people at the right time, elsewhere)', () => {
  it('the right date in the wrong place is flagged with the right place', () => {
    expectFlag({ ref: '2021-08-31', text: 'In late May, Lukashenko met Putin in Moscow.', code: 'place-mismatch', wrong: 'Moscow', fixedTo: 'In late May, Lukashenko met Putin in Sochi.' });
    expectFlag({ ref: '2022-12-19', text: 'Grodno hosted talks between Lukashenko and Putin on December 19.', code: 'place-mismatch', wrong: 'Grodno' });
  });
  it('a complete list of these people\'s meetings decides where: "Those talks were held in Russia"', () => {
    expectFlag({ ref: '2025-11-25', text: 'Lukashenko and Min Aung Hlaing met in Russia in March.', code: 'place-mismatch', wrong: 'Russia' });
  });
  it('undated, the one visit the draft reports: "will host Putin in Vitebsk"', () => {
    expectFlag({ ref: '2022-12-16', text: 'Lukashenko will host Putin in Vitebsk for talks on security.', code: 'place-mismatch', wrong: 'Vitebsk' });
    expectNone('Lukashenko will host Putin in Minsk for talks on security.', '2022-12-16');
    // Two visits may be meant in late February 2023 (Beijing now, Tehran next month): no one place is right.
    expectNone('Lukashenko plans an official visit to Iran.', '2023-02-22');
  });
  it('a list of places is several events; a place the dataset does not know in a date\'s claim is judged', () => {
    expectNone('Lukashenko has met Putin in Moscow, St. Petersburg, Sochi and the Amur region since the invasion.', '2022-12-16');
  });
  it('a visitor\'s own country is home: "Lukashenko arrived in Minsk" during his visit abroad', () => {
    expectNone('Lukashenko arrived in Minsk.', '2023-03-01');
  });
  it('a month and what was discussed tie a day-dated visit: "hosted Putin in Grodno in December 2022 for talks on security"', () => {
    expectFlag({ ref: '2023-06-01', text: 'Lukashenko hosted Putin in Grodno in December 2022 for talks on security and import substitution.', code: 'place-mismatch', wrong: 'Grodno' });
    expectNone('Lukashenko hosted Putin in Grodno in December 2022.', '2023-06-01');
  });
  it('a modal inside a question the sentence sets ("focused on how Belarus could …") hedges nothing of the talks', () => {
    expectFlag({ ref: '2021-09-01', text: 'In late May, Lukashenko\'s talks with Putin in Minsk focused on how Belarus could weather sanctions.', code: 'place-mismatch', wrong: 'Minsk' });
  });
});
