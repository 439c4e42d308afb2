// The role phrase reader ("Belarusian President Alexander Lukashenko") against the pattern it stands for, on
// random text made of the pieces that matter: capitals and lower case in and beyond ASCII, letters outside the
// BMP, every kind of space, apostrophes and hyphens, and the titles themselves.

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { rolePhraseAt } from '../../server/src/claims/role';

const TITLES = ['Supreme Leader', 'First Vice-President', 'Vice-President', 'Prime Minister', 'President'];

/** The pattern the reader replaces, as the engine used it (sticky at `at`). */
function byPattern(s: string, at: number, title: string) {
  const re = new RegExp(`(\\p{Lu}\\p{Ll}+)\\s+${title.replace('-', '[- ]')}\\s+((?:\\p{Lu}[\\p{L}'’-]+)(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})`, 'uy');
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? { word: m[1], nameStart: m.index + m[0].length - m[2].length, name: m[2] } : undefined;
}

const PIECES = [
  'Belarusian', 'Russian', 'Iranian', 'Łódzki', 'Émile', 'ÉMILE', 'über', 'Über', 'İzmir', 'ǅemal', 'ǈ', 'Ω', 'ω', '𝐀', '𝐚', '𐐀', '𐐨', '\ud800', '\udc00',
  'Alexander', 'Lukashenko', "O'Neil", 'Jean-Luc', 'D’Arcy', 'Xi', 'X', 'a', 'A', '1', '-', "'", '’', '.', ',',
  ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u200b', '\u0085', '\u2028',
  'President', 'Vice President', 'Vice-President', 'Vice–President', 'First Vice-President', 'Prime Minister', 'Supreme Leader', 'Prime', 'Leader',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((parts) => parts.join(''));

describe('role phrase reader', () => {
  it('reads what the pattern matches, word, name and all (3,000 random texts, every start and title)', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const title of TITLES) {
          for (let at = 0; at <= s.length; at++) assert.deepEqual(rolePhraseAt(s, at, title), byPattern(s, at, title), JSON.stringify({ s, at, title }));
        }
      }),
      { seed: 20231205, numRuns: 3000 },
    );
  });

  it('reads what the pattern matches on phrases built like role phrases, pieces swapped at random (3,000)', () => {
    const pick = (...xs: string[]) => fc.constantFrom(...xs, ...PIECES.slice(0, 12));
    const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000', '\ufeff', '\u200b', '\u0085', '', '-');
    const phrase = fc
      .tuple(pick('Belarusian', 'Russian', 'Łódzki', 'ÉMILE', 'Über'), space, fc.constantFrom(...TITLES, 'Vice President', 'President', 'Leader'), space, fc.array(fc.tuple(pick('Alexander', "O'Neil", 'Jean-Luc', 'D’Arcy', 'Émile', '𐐀𐐨', 'X', 'Xi', 'a'), space), { maxLength: 5 }))
      .map(([w, s1, t, s2, names]) => w + s1 + t + s2 + names.map(([n, sp]) => n + sp).join(''));
    let matched = 0;
    fc.assert(
      fc.property(phrase, (s) => {
        for (const title of TITLES) {
          const expected = byPattern(s, 0, title);
          if (expected) matched++;
          assert.deepEqual(rolePhraseAt(s, 0, title), expected, JSON.stringify({ s, title }));
        }
      }),
      { seed: 20231206, numRuns: 3000 },
    );
    assert.ok(matched > 200, `only ${matched} phrases matched`);
  });

  it('a demonym, a title and a name of up to three words', () => {
    const s = 'On Monday Belarusian President Alexander Grigoryevich Lukashenko Junior arrived.';
    assert.deepEqual(rolePhraseAt(s, s.indexOf('Belarusian'), 'President'), { word: 'Belarusian', nameStart: s.indexOf('Alexander'), name: 'Alexander Grigoryevich Lukashenko' });
    assert.equal(rolePhraseAt('Belarusian president Alexander', 0, 'President'), undefined);
    assert.deepEqual(rolePhraseAt('Russian Prime Minister Mikhail Mishustin', 0, 'Prime Minister')?.name, 'Mikhail Mishustin');
  });
});
