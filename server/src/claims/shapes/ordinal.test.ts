import { expectFlag, expectNone } from '../../../../test/support/claims';

describe('shape: ordinal ("his third trip to Beijing this year", "again", "never before")', () => {
  it('a wrong ordinal within a year is flagged and fixed in the writer\'s form', () => {
    expectFlag({ ref: '2023-12-03', text: 'Lukashenko is on his fourth trip to Beijing this year.', code: 'count-mismatch', wrong: 'fourth', fixedTo: 'Lukashenko is on his second trip to Beijing this year.' });
    expectFlag({ ref: '2023-12-03', text: 'The Belarusian leader made his 3rd visit to the Chinese capital in 2023.', code: 'count-mismatch', wrong: '3rd', fixedTo: 'The Belarusian leader made his 2nd visit to the Chinese capital in 2023.' });
    expectFlag({ ref: '2023-12-03', text: 'Lukashenka travelled to Beijing for the third time in 2023.', code: 'count-mismatch', wrong: 'third', fixedTo: 'Lukashenka travelled to Beijing for the second time in 2023.' });
  });
  it('"of the year" and the place after it: "his third trip of the year to Beijing", "his third visit of the year to the Chinese capital"', () => {
    expectFlag({ ref: '2023-12-04', text: 'Lukashenko arrived on his third trip of the year to Beijing.', code: 'count-mismatch', wrong: 'third' });
    expectFlag({ ref: '2023-12-04', text: 'Lukashenko is on his third visit of the year to the Chinese capital.', code: 'count-mismatch', wrong: 'third' });
    expectNone('Lukashenko is on his second visit of the year to the Chinese capital.', '2023-12-04');
  });
  it('"of the year" is the year of the visit the draft tells of, written later', () => {
    expectFlag({ ref: '2024-02-20', text: 'When he went back in December, it was Lukashenko\'s third trip to Beijing of the year.', code: 'count-mismatch', wrong: 'third' });
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
  it('ever: "his second trip to Myanmar" is flagged; "first", "second-ever" and "never before"', () => {
    expectFlag({ ref: '2025-11-15', text: 'This will be Lukashenko\'s second trip to Myanmar.', code: 'count-mismatch', wrong: 'second', fixedTo: 'This will be Lukashenko\'s first trip to Myanmar.' });
    expectFlag({ ref: '2025-11-15', text: 'This will be Lukashenko\'s third time travelling to Myanmar.', code: 'count-mismatch', wrong: 'third' });
    expectFlag({ ref: '2025-11-15', text: 'It would be Lukashenko\'s second-ever trip to Myanmar.', code: 'count-mismatch', wrong: 'second-ever' });
    expectNone('This will be Lukashenko\'s first trip to Myanmar.', '2025-11-15');
    expectNone('Lukashenko has never been to Myanmar before.', '2025-11-15');
  });
  it('"his second visit since the 2020 crackdown" counts from the anchor', () => {
    expectFlag({ ref: '2023-01-16', text: 'When Putin came to Minsk in December 2022, it was his second visit to Belarus since the 2020 crackdown.', code: 'count-mismatch', wrong: 'second' });
  });
  it('lists the sources do not close: Lukashenko and Putin meet often', () => {
    expectNone('Lukashenko will meet Putin for the fourth time this year.', '2021-08-31');
    expectNone('Lukashenko and Putin held their sixth meeting this year.', '2021-08-31');
  });
  it('negated, hedged, questioned or corrected ordinals assert nothing', () => {
    expectNone('This is not Lukashenko\'s third visit to Beijing this year.', '2023-12-03');
    expectNone('Officials denied that this was Lukashenko\'s fourth trip to Beijing in 2023.', '2023-12-03');
    expectNone('Is this Lukashenko\'s third trip to Beijing this year?', '2023-12-04');
    expectNone('Should Lukashenko return to Beijing for a third time this year, it would be unusual.', '2023-12-04');
    expectNone('Correction: an earlier version of this article said this was Lukashenko\'s third trip to Beijing this year; it is his second.', '2023-12-04');
    expectNone('Lukashenko could be on his third trip to Beijing this year.', '2023-12-03');
    expectNone('Lukashenko may travel to Beijing for a third time this year.', '2023-12-03');
    expectNone('Lukashenko is reportedly on his third trip to Beijing this year.', '2023-12-03');
  });
  it('trips to anywhere are lists the sources do not hold', () => {
    expectNone('Lukashenko\'s first trip abroad this year was to Beijing.', '2023-12-02');
    expectNone('It is his second foreign trip this year, after Beijing in February.', '2023-12-02');
  });
});
