import * as assert from 'node:assert/strict';
import { expectFlag, expectNone, flags } from '../../../../test/support/claims';

describe('shape: amount ("agreements worth $5 billion", "four hours of talks", "a $3 million bid")', () => {
  it('an amount with no verb of meeting, tied by its date', () => {
    expectFlag({ ref: '2023-12-04', text: 'In March, Lukashenko and Xi were expected to sign trade agreements worth $5.36 billion.', code: 'amount-mismatch', wrong: '$5.36 billion', fixedTo: 'In March, Lukashenko and Xi were expected to sign trade agreements worth $3.56 billion.' });
    expectNone('In March, Lukashenko and Xi were expected to sign trade agreements worth $3.56 billion.', '2023-12-04');
  });
  it('a place alone ties it only to the one event of those people there', () => {
    expectFlag({ ref: '2023-03-13', text: 'In Beijing, Lukashenko and Xi signed deals worth $1.5 billion.', code: 'amount-mismatch', wrong: '$1.5 billion' });
    // By December they had met in Beijing twice, and the sources give no amount for the December visit.
    expectNone('In Beijing, Lukashenko and Xi signed deals worth $1.5 billion.', '2023-12-05');
  });
  it('hours of talks, "more than three hours" needing only to be exceeded', () => {
    expectFlag({ ref: '2023-03-02', text: 'Lukashenko and Xi Jinping held six hours of talks in Beijing on Wednesday.', code: 'amount-mismatch', wrong: 'six hours' });
    expectNone('Lukashenko and Xi Jinping held more than three hours of talks in Beijing on Wednesday.', '2023-03-02');
  });
  it('amounts of named events: a lobbying bid, a prison term', () => {
    expectFlag({ ref: '2025-11-20', text: 'The junta has turned to Washington lobbyists in a $5 million bid to restore relations with the US.', code: 'amount-mismatch', wrong: '$5 million' });
    expectFlag({ ref: '2023-03-13', text: 'A week ago, opposition leader Sviatlana Tsikhanouskaya was sentenced in absentia to 12 years in prison.', code: 'amount-mismatch', wrong: '12 years' });
  });
  it('a table cell that starts with a capital is no name: "| March 2023 | Trade deals worth $5 billion |"', () => {
    const table = (sum: string) => `Lukashenko is in Beijing again.\n\n| When | What |\n| --- | --- |\n| March 2023 | Trade agreements worth ${sum} to be signed |`;
    assert.deepEqual(flags(table('$4.2 billion'), '2023-12-04').map((d) => d.code), ['amount-mismatch']);
    assert.deepEqual(flags(table('$3.56 billion'), '2023-12-04'), []);
  });
});
