// Realistic Markdown drafts built from the seed articles, for the benchmark and the robustness tests.
// Deterministic: the same size and seed give the same text, so numbers are comparable between runs.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');

/** The reference date the drafts' front matter sets: "this year" is 2023. */
export const DRAFT_DATE = '2023-12-05';

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedSentence { seed: string; line: number; text: string }

let cachedSentences: SeedSentence[] | undefined;

/** Every sentence of the seed articles (verbatim), with its seed file and 1-based line. */
export function seedSentences(seedsDir = SEEDS_DIR): SeedSentence[] {
  if (cachedSentences && seedsDir === SEEDS_DIR) return cachedSentences;
  const out: SeedSentence[] = [];
  const seen = new Set<string>();
  for (const file of fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort()) {
    const lines = fs.readFileSync(path.join(seedsDir, file), 'utf8').split(/\r?\n/);
    lines.forEach((lineText, i) => {
      // Split after . ! ? followed by a space; keep sentences that read as prose.
      for (const s of lineText.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) {
        const t = s.trim();
        // A quote's line is where it first occurs in the seed (seeds repeat some lines).
        if (t.length >= 40 && /[a-z]/.test(t) && t.split(/\s+/).length >= 7 && !seen.has(file + '\0' + t)) {
          seen.add(file + '\0' + t);
          out.push({ seed: file, line: i + 1, text: t });
        }
      }
    });
  }
  if (seedsDir === SEEDS_DIR) cachedSentences = out;
  return out;
}

/** Claims the drafts carry: some right, some wrong (by the seeds, with "this year" = 2023). */
export const CLAIMS = {
  wrong: [
    'Lukashenko is in Beijing for the fourth time this year.',
    'Lukashenko arrived in Tehran on March 14, 2023.',
    'Putin called Lukashenko on August 31 to congratulate him on his birthday.',
    'Hun Sen visited Myanmar in January 2023.',
    'Putin travelled to Belarus in December 2022, his first visit since June 2017.',
  ],
  right: [
    'Alexander Lukashenko is undertaking his second trip to Beijing in 2023.',
    'Lukashenko arrived in Tehran on March 12, 2023.',
    'Lukashenko met Putin in Sochi in late May 2021.',
    'Hun Sen visited Myanmar in January 2022.',
  ],
} as const;

/** The wrong claim the benchmark hovers and the tests look for. */
export const HEADLINE_CLAIM = CLAIMS.wrong[0];

export interface Draft {
  text: string;
  words: number;
  bytes: number;
  /** 0-based line of a prose paragraph near the middle, and a column inside a word on it, for edits. */
  editLine: number;
  editCharacter: number;
  /** Position of a "Lukashenko" in prose (not in code), for hovers. */
  hoverLine: number;
  hoverCharacter: number;
}

export interface DraftSize { words?: number; bytes?: number }

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * A Markdown draft of at least `words` words or `bytes` UTF-8 bytes: front matter with a date, headings,
 * paragraphs of seed sentences with links and emphasis, a claim every few sentences (about a third wrong),
 * fenced code blocks, tables, block quotes and lists.
 */
export function buildDraft(size: DraftSize, seed = 1): Draft {
  const rnd = prng(seed);
  const sentences = seedSentences();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const allClaims = [...CLAIMS.wrong, ...CLAIMS.right];
  const lines: string[] = ['---', 'title: Lukashenko abroad', `date: ${DRAFT_DATE}`, 'tags: [belarus, diplomacy]', '---', ''];
  let wordCount = 0;
  let byteCount = lines.join('\n').length;
  const push = (line: string) => {
    lines.push(line);
    wordCount += words(line);
    byteCount += Buffer.byteLength(line) + 1;
  };
  const done = () => (size.words !== undefined ? wordCount >= size.words : byteCount >= (size.bytes ?? 0));

  let section = 0;
  let claimIndex = 0;
  const proseLines: number[] = [];
  push(`# Lukashenko's travels: a draft`);
  push('');
  // The headline claim first, so every draft has it near the top.
  push(`${HEADLINE_CLAIM} He is due to meet [Xi Jinping](https://example.com/xi) once again.`);
  proseLines.push(lines.length - 1);
  push('');
  while (!done()) {
    section++;
    push(`## Section ${section}: ${pick(['Beijing', 'Minsk', 'Tehran', 'Moscow', 'Myanmar', 'Sochi'])}`);
    push('');
    const kind = section % 6;
    // Two or three paragraphs of seed prose with a claim mixed in.
    const paragraphs = 2 + (section % 2);
    for (let p = 0; p < paragraphs && !done(); p++) {
      const parts: string[] = [];
      const n = 3 + Math.floor(rnd() * 3);
      for (let i = 0; i < n; i++) {
        let s = pick(sentences).text;
        if (i === 1 && rnd() < 0.3) s = s.replace(/\bLukashenko\b/, '**Lukashenko**');
        if (i === 2 && rnd() < 0.3) s = s.replace(/\bBelarus\b/, '[Belarus](https://en.wikipedia.org/wiki/Belarus)');
        parts.push(s);
      }
      parts.splice(Math.floor(rnd() * parts.length), 0, allClaims[claimIndex++ % allClaims.length]);
      push(parts.join(' '));
      proseLines.push(lines.length - 1);
      push('');
    }
    if (kind === 1) {
      push('```ts');
      push('// Code is not prose: this claim must not be checked.');
      push(`const claim = "Lukashenko is in Beijing for the fourth time this year.";`);
      push('```');
      push('');
    } else if (kind === 2) {
      push('| Leader | Place | When |');
      push('| --- | --- | --- |');
      push('| Lukashenko | Beijing | March 2023 |');
      push('| Putin | Minsk | December 2022 |');
      push('| Lukashenko | Tehran | March 12, 2023 |');
      push('');
    } else if (kind === 3) {
      push(`> ${pick(sentences).text}`);
      push(`> ${allClaims[claimIndex++ % allClaims.length]}`);
      push('');
    } else if (kind === 4) {
      push(`- ${pick(sentences).text}`);
      push(`- ${allClaims[claimIndex++ % allClaims.length]}`);
      push(`  - nested: ${pick(sentences).text}`);
      push('');
    } else if (kind === 5) {
      push(`See [the Kremlin statement](https://example.com/kremlin "statement") and <!-- note to editor --> \`inline code\`.`);
      push('');
    }
  }
  const text = lines.join('\n') + '\n';
  const editLine = proseLines[Math.floor(proseLines.length / 2)];
  const editLineText = lines[editLine];
  // Inside the first long word past the middle of the line.
  const mid = Math.floor(editLineText.length / 2);
  const m = /[A-Za-z]{4,}/.exec(editLineText.slice(mid));
  const editCharacter = m ? mid + m.index + 2 : mid;
  const hoverLine = proseLines[0];
  const hoverCharacter = lines[hoverLine].indexOf('Lukashenko') + 3;
  return { text, words: words(text), bytes: Buffer.byteLength(text), editLine, editCharacter, hoverLine, hoverCharacter };
}
