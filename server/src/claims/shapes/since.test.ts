import { expectFlag, expectNone } from '../../../../test/support/claims';

describe('shape: since ("his first visit to China since 2020", "has not visited since 2017")', () => {
  it('a known later visit refutes "first since 2019"', () => {
    expectFlag({ ref: '2023-12-03', text: 'It is Lukashenko\'s first visit to China since 2019.', code: 'since-mismatch', wrong: '2019', says: /March 2023/ });
  });
  it('a complete list says the previous visit was elsewhen: "first since 2020" → 2019, "since the summer of 2018"', () => {
    expectFlag({ ref: '2022-12-16', text: 'Putin\'s visit is his first to Belarus since 2020.', code: 'since-mismatch', wrong: '2020', fixedTo: 'Putin\'s visit is his first to Belarus since 2019.' });
    expectFlag({ ref: '2022-12-16', text: 'It will be Putin\'s first visit to Belarus since the summer of 2018.', code: 'since-mismatch', wrong: 'the summer of 2018' });
  });
  it('"has not … since" a date before a known visit is flagged', () => {
    expectFlag({ ref: '2022-12-16', text: 'Putin has not set foot in Belarus since 2017.', code: 'since-mismatch', wrong: '2017', says: /June 2019/ });
  });
  it('the right anchor is not flagged', () => {
    expectNone('This will be Putin\'s first visit to Belarus since June 2019.', '2022-12-16');
    expectNone('Lukashenko\'s first visit to China since March is under way.', '2023-12-03');
  });
  it('an anchor that is another event says nothing of a visit then', () => {
    expectNone('Putin\'s visit is also the first since the disputed 2020 presidential election.', '2022-12-16');
    expectNone('It was his first trip to Belarus since the 2020 crackdown on protesters.', '2023-01-16');
  });
  it('a group: "no European leader since the 2021 coup" holds', () => {
    expectNone('No European leader has visited Myanmar since the 2021 coup.', '2025-11-15');
    expectNone('Almost no foreign leaders have visited Myanmar since the coup.', '2025-11-15');
  });
  it('"first since 2023" where a complete list from 2021 holds none: there was none in 2023', () => {
    expectFlag({ ref: '2025-11-16', text: 'It will be Lukashenko\'s first visit to Myanmar since 2023.', code: 'since-mismatch', wrong: '2023', says: /first time traveling to Myanmar/ });
  });
  it('"first since" about a visit the sources do not know says nothing', () => {
    expectNone('Putin made his first visit to Vietnam since 2017 in June 2024.', '2024-06-01');
    expectNone('Beijing was the destination of Lukashenko\'s first foreign trip since 2019.', '2023-12-02');
  });
  it('"has not … since 2021" says the last visit was in 2021, as "first since" does', () => {
    expectFlag({ ref: '2022-12-16', text: 'Putin had not visited Belarus since 2020.', code: 'since-mismatch', wrong: '2020', fixedTo: 'Putin had not visited Belarus since 2019.' });
    expectFlag({ ref: '2025-11-16', text: 'Lukashenko has not visited Myanmar since 2023.', code: 'since-mismatch', wrong: '2023' });
    expectNone('Putin had not visited Belarus since June 2019.', '2022-12-16');
  });
  it('in a quote, "my" and "I" are its speaker: "This is my first visit to China since 2019," Lukashenko told reporters', () => {
    expectFlag({ ref: '2023-12-04', text: '"This is my first visit to China since 2019," Lukashenko told reporters.', code: 'since-mismatch', wrong: '2019' });
    expectFlag({ ref: '2023-03-01', text: 'Lukashenko spoke to reporters. "I have not been to Moscow since 2019," he said.', code: 'since-mismatch', wrong: '2019', says: /September 9, 2021/ });
  });
  it('a phrase set off before the verb is its event: "Putin, on his first trip to Belarus since June 2018, arrives …"', () => {
    expectFlag({ ref: '2023-06-01', text: 'Putin, on his first trip to Belarus since June 2018, flies into Minsk in December 2022.', code: 'since-mismatch', wrong: 'June 2018' });
    expectNone('Putin, on his first trip to Belarus since June 2019, flies into Minsk in December 2022.', '2023-06-01');
  });
});
