// Date forms, by behaviour: a phrase in a sentence in, the day range it resolves to out (findDates), and the same
// forms inside claims judged by the engine.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findDates } from '../../server/src/dates/expressions';
import { createEngine, loadDataset } from '../../server/src/engine';

const ROOT = path.resolve(__dirname, '..', '..');
const engine = createEngine(loadDataset(path.join(ROOT, 'data'), path.join(ROOT, 'seeds')), { seedsDir: path.join(ROOT, 'seeds') });

function one(sentence: string, ref: string): [string, string, string, string] {
  const ds = findDates(sentence, ref);
  assert.equal(ds.length, 1, JSON.stringify(ds));
  return [ds[0].text, ds[0].from, ds[0].to, ds[0].precision];
}

describe('dates: ranges', () => {
  it('the year after a range holds for its start: "Late Feb – early Mar 2023" in December 2023 is not February 2024', () => {
    const ds = findDates('| Late Feb – early Mar 2023 | Beijing |', '2023-12-04');
    assert.deepEqual(ds.map((d) => [d.text, d.from, d.to, d.precision]), [
      ['Late Feb', '2023-02-21', '2023-02-28', 'part-of-month'],
      ['early Mar 2023', '2023-03-01', '2023-03-10', 'part-of-month'],
    ]);
  });
});

describe('dates: forms resolved against the reference date', () => {
  const cases: [string, string, [string, string, string, string]][] = [
    ['Lukashenko arrived in Tehran on 12 March.', '2023-03-13', ['12 March', '2023-03-12', '2023-03-12', 'day']],
    ['Lukashenko arrived in Tehran on March 12, 2023.', '2024-06-01', ['March 12, 2023', '2023-03-12', '2023-03-12', 'day']],
    ['He spoke on Feb. 16.', '2023-03-13', ['Feb. 16', '2023-02-16', '2023-02-16', 'day']],
    ['Putin will travel to Belarus on Monday.', '2022-12-16', ['Monday', '2022-12-19', '2022-12-19', 'day']],
    // A draft dated a Monday: "will … on Monday" is today or a week on.
    ['He is expected to meet Khamenei on Monday.', '2023-03-13', ['Monday', '2023-03-13', '2023-03-20', 'part-of-month']],
    ['Lukashenko arrived on Sunday.', '2023-12-04', ['Sunday', '2023-12-03', '2023-12-03', 'day']],
    ['The state visit came in late February.', '2023-03-13', ['late February', '2023-02-21', '2023-02-28', 'part-of-month']],
    ['Consultations are planned for mid-September.', '2021-08-31', ['mid-September', '2021-09-11', '2021-09-20', 'part-of-month']],
    ['They will meet in early September.', '2021-08-31', ['early September', '2021-09-01', '2021-09-10', 'part-of-month']],
    ['They met in July.', '2021-08-31', ['July', '2021-07-01', '2021-07-31', 'month']],
    ['They will meet in March.', '2023-12-03', ['March', '2024-03-01', '2024-03-31', 'month']],
    ['The military took power in 2021.', '2025-11-15', ['2021', '2021-01-01', '2021-12-31', 'year']],
    ['Hun Sen visited in January 2022.', '2025-11-15', ['January 2022', '2022-01-01', '2022-01-31', 'month']],
  ];
  for (const [sentence, ref, want] of cases) {
    it(`"${sentence}" on ${ref} → ${want[1]}..${want[2]} (${want[3]})`, () => assert.deepEqual(one(sentence, ref), want));
  }

  it('"this year" and "last year" are scopes relative to the reference year', () => {
    const [d] = findDates('his second trip this year', '2023-12-03');
    assert.deepEqual([d.from, d.to, d.relative], ['2023-01-01', '2023-12-31', 'this-year']);
    const [l] = findDates('as he did last year', '2023-12-03');
    assert.deepEqual([l.from, l.to, l.relative], ['2022-01-01', '2022-12-31', 'last-year']);
  });

  it('"May" the verb is not a date; "late May" is', () => {
    assert.deepEqual(findDates('Lukashenko may travel to Beijing.', '2023-12-03'), []);
    assert.equal(findDates('In late May, they met in Sochi.', '2021-08-31')[0].from, '2021-05-21');
  });

  it('amounts are not years', () => {
    assert.deepEqual(findDates('deals worth $2023 million', '2023-12-03').map((d) => d.text), []);
  });

  it('offsets are the date words only', () => {
    const s = 'Lukashenko arrived in Tehran on March 12.';
    const [d] = findDates(s, '2023-03-13');
    assert.equal(s.slice(d.start, d.end), 'March 12');
  });
});

describe('dates: each form inside a claim', () => {
  const flagged = (md: string, ref: string) => engine.check(`---\ndate: ${ref}\n---\n\n${md}\n`).diagnostics.filter((d) => d.severity <= 2);
  const wrong: [string, string][] = [
    ['Lukashenko arrived in Tehran on 10 March.', '2023-03-13'],
    ['Lukashenko arrived in Tehran on March 10, 2023.', '2023-03-13'],
    ['Lukashenko arrived in Tehran on Friday.', '2023-03-13'],
    ['In late January, Lukashenko made a state visit to Beijing.', '2023-03-13'],
    ['The invasion of Ukraine began on Feb. 14.', '2022-12-16'],
    ['Putin last visited Belarus in 2016.', '2022-12-16'],
  ];
  for (const [s, ref] of wrong) it(`flags: ${s} (${ref})`, () => assert.equal(flagged(s, ref).length, 1));
  const right: [string, string][] = [
    ['Lukashenko arrived in Tehran on 12 March.', '2023-03-13'],
    ['Lukashenko arrived in Tehran on Sunday.', '2023-03-13'],
    ['In late February, Lukashenko made a state visit to Beijing.', '2023-03-13'],
    ['The invasion of Ukraine began on Feb. 24.', '2022-12-16'],
    ['Lukashenko and Putin will meet in early September, on Sept. 9, in Moscow.', '2021-08-31'],
    ['Lukashenko met Putin in Sochi in 2021.', '2021-08-31'],
  ];
  for (const [s, ref] of right) it(`does not flag: ${s} (${ref})`, () => assert.deepEqual(flagged(s, ref).map((d) => d.message), []));
});
