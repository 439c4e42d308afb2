// The reporting-tie reader ("said on", "a statement on the leader's website on") against the pattern it stands for,
// on random text made of the pieces that matter: the reporting words in every case, ſ and the Kelvin sign (which
// fold into ASCII), letters beyond ASCII and the BMP, U+0345 (which folds to a letter), spaces of every kind.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { REPORTING_WORDS, endsWithReportingTie } from '../../server/src/claims/reporting';

/** The pattern the reader replaces, as the engine used it. */
const PATTERN = new RegExp(`\\b(?:${REPORTING_WORDS.join('|')})\\s+(?:[\\p{L}'’]+\\s+){0,2}(?:on|in|late on|early on)\\s+$`, 'iu');

const PIECES = [
  ...REPORTING_WORDS, 'SAID', 'Said', 'ſaid', 'ſays', 'Statement', 'PRESS RELEASE', 'press  release', 'told  reporters', 'unsaid', 'x’said', '_said', '1said', 'ſ', 'K', 'k',
  'on', 'ON', 'in', 'In', 'late on', 'early on', 'LATE ON', 'late', 'early', 'upon', 'Friday', 'the', 'leader’s', "o'clock", 'Łódź', '𝐀𝐛', 'ͅ', 'İ', 'ı', 'x', '1', '2023', '.', ',', '-', '’', "'",
  ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', '\u200b', '\u0085', '\ud800', '\udc00',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
const phrase = fc
  .tuple(
    fc.constantFrom('', 'x', '(', 'un', 'Lukashenko '),
    fc.constantFrom(...REPORTING_WORDS, 'SAID', 'ſaid', 'Posted'),
    fc.array(fc.tuple(fc.constantFrom(' ', '  ', '\u00a0', '\t', ''), fc.constantFrom('the', 'leader’s', 'website', 'Łódź', '𝐀𝐛', '2023', 'on', 'late', 'ͅ', 'x.')), { maxLength: 4 }),
    fc.constantFrom(' ', '  ', '\u2003', ''),
    fc.constantFrom('on', 'ON', 'in', 'late on', 'early on', 'late  on', 'at'),
    fc.constantFrom(' ', '  ', '\n', '', ' x'),
  )
  .map(([pre, word, between, s1, tie, end]) => pre + word + between.map(([sp, w]) => sp + w).join('') + s1 + tie + end);

describe('reporting tie reader', () => {
  it('answers as the pattern does on random text (5,000)', () => {
    fc.assert(fc.property(text, (s) => assert.equal(endsWithReportingTie(s), PATTERN.test(s), JSON.stringify(s))), { seed: 20231205, numRuns: 5000 });
  });

  it('answers as the pattern does on phrases built like reports (5,000), many of which it matches', () => {
    let matched = 0;
    fc.assert(
      fc.property(phrase, (s) => {
        const expected = PATTERN.test(s);
        if (expected) matched++;
        assert.equal(endsWithReportingTie(s), expected, JSON.stringify(s));
      }),
      { seed: 20231206, numRuns: 5000 },
    );
    assert.ok(matched > 500, `only ${matched} matched`);
  });

  it('a reporting word ties the date that follows to the report', () => {
    assert.equal(endsWithReportingTie('Lukashenko said on '), true);
    assert.equal(endsWithReportingTie("a statement on the leader's website on "), true);
    assert.equal(endsWithReportingTie('the press service said late on '), true);
    assert.equal(endsWithReportingTie('Lukashenko arrived in Beijing on '), false);
    assert.equal(endsWithReportingTie('said on'), false);
  });
});
