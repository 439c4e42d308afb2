import { expectFlag, expectNone } from '../../../../test/support/claims';

describe('shape: title ("Iranian President Mahmoud Ahmadinejad", "Chinese Premier Xi Jinping")', () => {
  it('the wrong holder of an office is flagged', () => {
    expectFlag({ ref: '2023-03-13', text: 'Lukashenko will meet Iranian President Hassan Rouhani.', code: 'role-mismatch', wrong: 'Hassan Rouhani', fixedTo: 'Lukashenko will meet Iranian President Ebrahim Raisi.' });
    expectFlag({ ref: '2023-03-13', text: 'Lukashenko met Iran\'s Supreme Leader Hassan Rouhani.', code: 'role-mismatch', wrong: 'Hassan Rouhani', fixedTo: 'Lukashenko met Iran\'s Supreme Leader Ali Khamenei.' });
  });
  it('the wrong title on a known person is flagged with the title the sources give', () => {
    expectFlag({ ref: '2023-12-04', text: 'On arrival in Beijing, Lukashenko held talks with Chinese Premier Xi Jinping.', code: 'role-mismatch', wrong: 'Premier', fixedTo: 'On arrival in Beijing, Lukashenko held talks with Chinese President Xi Jinping.' });
    expectFlag({ ref: '2022-12-19', text: 'Putin and Prime Minister of Belarus Alexander Lukashenko spoke to reporters after the talks.', code: 'role-mismatch', wrong: 'Prime Minister' });
    expectFlag({ ref: '2023-03-14', text: 'Lukashenko met First Vice-President Ebrahim Raisi.', code: 'role-mismatch', wrong: 'First Vice-President' });
  });
  it('a past title is judged at the time of the event the sentence tells of', () => {
    expectFlag({ ref: '2025-11-28', text: 'Then-Cambodian President Hun Sen visited Myanmar in January 2022.', code: 'role-mismatch', wrong: 'President' });
    expectNone('Then-Cambodian Prime Minister Hun Sen visited Myanmar in January 2022.', '2025-11-28');
    expectNone('Lukashenko met Iran\'s former President Hassan Rouhani.', '2023-03-13');
  });
  it('titles set beside a name: "Ayatollah Ali Khamenei, Iran\'s supreme leader"; synonyms agree', () => {
    expectNone('Lukashenko will meet Ayatollah Ali Khamenei, Iran\'s supreme leader.', '2023-03-13');
    expectNone('The Cambodian Premier, Hun Sen, presided over the donation.', '2022-01-08');
    expectNone('Lukashenko will meet Iranian President Ebrahim Raisi.', '2023-03-13');
  });
  it('a headline run into the next sentence: a bare country name before a title is not a role', () => {
    expectNone('Belarus tightens relations with China President Alexander Lukashenko will host Putin in Minsk.', '2022-12-16');
  });
  it('people the dataset does not know, in offices it does not know', () => {
    expectNone('Hungarian Prime Minister Viktor Orbán made his first visit to Minsk since 2019.', '2023-12-03');
  });
});
