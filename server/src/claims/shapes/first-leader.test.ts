import { expectFlag, expectNone } from '../../../../test/support/claims';

describe('shape: first leader ("the second foreign leader to visit Myanmar since the coup")', () => {
  it('Hun Sen was the first foreign leader after the coup', () => {
    expectFlag({ ref: '2022-01-08', text: 'Hun Sen arrived in Myanmar yesterday as the second head of government to visit the country since the Feb 1 coup last year.', code: 'count-mismatch', wrong: 'second' });
    expectNone('Hun Sen arrived in Myanmar yesterday as the first head of government to visit the country since the Feb 1 coup last year.', '2022-01-08');
  });
  it('"the first foreign leader since the coup" is refuted by a known visit of the group before it', () => {
    expectFlag({ ref: '2025-12-08', text: 'Lukashenko is set to become the first foreign leader to travel to Myanmar since the 2021 coup.', code: 'count-mismatch', wrong: 'first', says: /Hun Sen/ });
  });
  it('"the first European leader since 2023": the complete list from 2021 holds none before him', () => {
    expectFlag({ ref: '2025-11-16', text: 'Lukashenko would be the first European leader to visit Myanmar since 2023.', code: 'since-mismatch', wrong: '2023', fixedTo: 'Lukashenko would be the first European leader to visit Myanmar since 2021.' });
    expectNone('Lukashenko would be the first European leader to visit Myanmar since 2021.', '2025-11-16');
    expectNone('Lukashenko would be the first European leader to visit Myanmar since 2019.', '2025-11-16');
  });
  it('"only the second foreign leader": the sources list Hun Sen only as one of the few', () => {
    expectNone('Lukashenko was just the second foreign leader to go to Myanmar since the country came under military rule in 2021.', '2025-11-28');
  });
});
