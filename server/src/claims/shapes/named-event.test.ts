import { expectFlag, expectNone } from '../../../../test/support/claims';

describe('shape: named event ("since the 2018 coup", "crossed into Ukraine on February 14")', () => {
  it('the invasion on the wrong day; "its invasion of Ukraine began on February 20 last year"', () => {
    expectFlag({ ref: '2022-12-16', text: 'Russia\'s invasion of Ukraine began on March 3, 2022.', code: 'event-date-mismatch', wrong: 'March 3, 2022', says: /February 24, 2022/ });
    expectFlag({ ref: '2023-03-14', text: 'Both governments have helped Moscow since its invasion of Ukraine began on February 20 last year.', code: 'event-date-mismatch', wrong: 'February 20 last year' });
  });
  it('the coup in the wrong year, however it is named', () => {
    expectFlag({ ref: '2025-11-15', text: 'No European leader has visited Myanmar since the 2019 coup.', code: 'event-date-mismatch', wrong: '2019', fixedTo: 'No European leader has visited Myanmar since the 2021 coup.' });
    expectFlag({ ref: '2025-11-28', text: 'Lukashenko is only the second head of state to travel to Myanmar since the country fell under military rule in 2020.', code: 'event-date-mismatch', wrong: '2020' });
    expectFlag({ ref: '2025-11-28', text: 'Myanmar\'s junta seized power two years ago.', code: 'event-date-mismatch', wrong: 'two years ago' });
  });
  it('the right dates are not flagged', () => {
    expectNone('The Russian president ordered the February 24 invasion of Ukraine.', '2022-12-16');
    expectNone('Myanmar\'s military took power in a coup in 2021.', '2025-11-15');
  });
  it('an election is one of many: "a January election" is another; "the disputed election" is this one', () => {
    expectNone('Lukashenko was sworn in for a seventh term in March after a January election.', '2025-11-25');
    expectFlag({ ref: '2022-12-19', text: 'Putin\'s visit to Belarus is the first since the disputed presidential election in 2021.', code: 'event-date-mismatch', wrong: '2021' });
    expectNone('Myanmar\'s junta is holding the election at the end of 2025.', '2025-11-28');
  });
  it('a date after "visited … after the coup" may date the visit: judged as the coup\'s only when before it', () => {
    expectNone('Hun Sen made the first visit by a foreign leader after the coup in January 2022.', '2025-11-16');
    expectFlag({ ref: '2025-11-16', text: 'Hun Sen went to Myanmar after the coup in 2020.', code: 'event-date-mismatch', wrong: '2020' });
  });
  it('a remark is dated by its saying', () => {
    expectFlag({ ref: '2023-03-13', text: 'On Feb. 17 he said he would send troops if "at least one (Ukrainian) soldier sets foot in Belarus".', code: 'event-date-mismatch', wrong: 'Feb. 17' });
    expectNone('Lukashenko said on Monday he would not send troops to Ukraine.', '2023-03-13');
  });
});
