import * as assert from 'node:assert/strict';
import { expectFlag, expectNone, flags } from '../../../../test/support/claims';

describe('shape: previous ("his last visit was in June 2017", "He last saw Xi in January", "was last in China")', () => {
  it('"last visited in 2017" is flagged: the last visit was in June 2019', () => {
    expectFlag({ ref: '2022-12-16', text: 'Putin last visited Belarus in 2017.', code: 'date-mismatch', wrong: '2017', fixedTo: 'Putin last visited Belarus in 2019.' });
    expectFlag({ ref: '2022-12-16', text: 'Putin, who last came to Minsk in 2017, will arrive on Monday.', code: 'date-mismatch', wrong: '2017' });
  });
  it('"He last saw Xi Jinping in January", "previous meeting in August": it was in March', () => {
    expectFlag({ ref: '2023-12-03', text: 'He last saw Xi Jinping in January, Lukashenko said.', code: 'date-mismatch', wrong: 'January' });
    expectFlag({ ref: '2023-12-03', text: 'Lukashenko\'s previous meeting with Xi Jinping took place in August.', code: 'date-mismatch', wrong: 'August', says: /March/ });
    expectFlag({ ref: '2023-12-03', text: 'Lukashenko was last in China around the end of June and early July.', code: 'date-mismatch', wrong: 'the end of June and early July' });
  });
  it('a draft dated days after a visit reports on it: "previous" is the one before it', () => {
    expectFlag({ ref: '2022-12-20', text: 'Putin\'s previous visit to Belarus took place in the summer of 2020.', code: 'date-mismatch', wrong: 'the summer of 2020', fixedTo: 'Putin\'s previous visit to Belarus took place in the summer of 2019.' });
    expectNone('Putin\'s previous visit to Belarus took place in the summer of 2019.', '2022-12-20');
    // The Tehran visit of March 12–13 is the only one the sources know: the one before it is unknown.
    expectNone('Lukashenko\'s previous visit to Iran was in 2016.', '2023-03-15');
  });
  it('"who last travelled to Myanmar in 2019" when this is his first visit ever', () => {
    expectFlag({ ref: '2025-12-08', text: 'Lukashenko, who last travelled to Myanmar in 2019, accepted an invitation from the junta chief.', code: 'date-mismatch', wrong: '2019' });
  });
  it('the right dates are not flagged', () => {
    expectNone('Putin last visited Belarus in June 2019.', '2022-12-16');
    expectNone('Lukashenko\'s previous meeting with Xi Jinping took place in March.', '2023-12-03');
  });
  it('"previously" says only that it came before: another meeting may have been earlier still', () => {
    expectNone('Before that, in September 2022, Lukashenko and Xi had a one-on-one meeting on the margins of the SCO summit in Samarkand.', '2023-12-04');
  });
  it('"before this one" qualifies the visit: "His last visit to China before this one was in January"', () => {
    assert.deepEqual(flags('Lukashenko is in Beijing again. His last visit to China before this one was in January.', '2023-12-04').map((d) => d.code), ['date-mismatch']);
    assert.deepEqual(flags('Lukashenko is in Beijing again. His last visit to China before this one was in March.', '2023-12-04'), []);
  });
});
