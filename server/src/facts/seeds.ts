// Seed files and the quotes taken from them.

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface SeedText { file: string; text: string }

export function readSeeds(seedsDir: string): SeedText[] {
  return fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => ({ file, text: fs.readFileSync(path.join(seedsDir, file), 'utf8') }));
}

/** The 1-based line on which a quote starts, or undefined when the quote is not verbatim in the text. */
export function quoteLine(text: string, quote: string): number | undefined {
  if (!quote) return undefined;
  const at = text.indexOf(quote);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
