import * as assert from 'node:assert/strict';
import { expectFlag, expectNone, flags } from '../../../../test/support/claims';

describe('shape: visit kind ("a state visit", "of a working nature")', () => {
  it('the wrong kind of visit is flagged with the right one', () => {
    expectFlag({ ref: '2023-03-13', text: 'In late February, Lukashenko paid a working visit to Beijing.', code: 'type-mismatch', wrong: 'working', fixedTo: 'In late February, Lukashenko paid a state visit to Beijing.' });
    expectFlag({ ref: '2023-12-03', text: 'Back in February, Lukashenko had travelled to China on a working visit.', code: 'type-mismatch', wrong: 'working' });
  });
  it('"the December trip" is the visit the draft is about; the quote that gives the kind is cited first', () => {
    const ds = flags('Lukashenko arrived in Beijing on Thursday. The December trip is a state visit, BelTA said.', '2023-12-04');
    assert.deepEqual(ds.map((d) => d.code), ['type-mismatch']);
    assert.match(ds[0].relatedInformation?.[0]?.message ?? '', /working nature/);
  });
  it('"BelTA described the trip as a state visit": who describes it is no party', () => {
    expectFlag({ ref: '2023-12-04', text: 'Lukashenko flew to Beijing on Sunday. State news agency BelTA described the trip as a state visit.', code: 'type-mismatch', wrong: 'state' });
  });
  it('the kind of another visit, set beside the claim\'s, is not the claim\'s', () => {
    expectNone('The trip is Lukashenko\'s second to Beijing in 2023, after a state visit in the spring.', '2023-12-01');
    expectNone('Unlike his state visit in February, Lukashenko\'s December trip to Beijing drew little ceremony.', '2023-12-05');
    expectNone('Lukashenko was in Beijing in March, and returned this week for a working visit.', '2023-12-04');
    expectNone('State news agency BelTA said the visit is of a working nature.', '2023-12-03');
  });
  it('a fact box: "- **Kind of current visit:** state visit" is the visit under way', () => {
    assert.deepEqual(flags('Lukashenko is in Beijing again.\n\n- **Kind of current visit:** state visit, says BelTA.', '2023-12-04').map((d) => d.code), ['type-mismatch']);
    assert.deepEqual(flags('Lukashenko is in Beijing again.\n\n- **Kind of current visit:** working visit, says BelTA.', '2023-12-04'), []);
  });
  it('a table row\'s date cell dates the row: "| March 2023 | Working visit; a ceremonial welcome |"', () => {
    const table = (kind: string) => `Lukashenko is in Beijing again.\n\n| When | What |\n| --- | --- |\n| March 2023 | ${kind} visit; Lukashenko greeted with a guard of honour |`;
    assert.deepEqual(flags(table('Working'), '2023-12-04').map((d) => d.code), ['type-mismatch']);
    assert.deepEqual(flags(table('State'), '2023-12-04'), []);
  });
});
