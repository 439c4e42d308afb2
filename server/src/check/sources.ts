// Where a source's quote is in its seed file, for a diagnostic's related information: the seed's lines, read once.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range, Source } from '../types';

export class SourceCites {
  private readonly lines = new Map<string, string[] | null>();
  private readonly locations = new WeakMap<Source, { uri: string; range: Range }>();
  constructor(private readonly seedsDir: string) {}

  location(s: Source): { uri: string; range: Range } {
    let location = this.locations.get(s);
    if (!location) this.locations.set(s, (location = this.locate(s)));
    return location;
  }

  message(s: Source): string {
    return `seeds/${s.seed}:${s.line}: “${s.quote}”`;
  }

  private locate(s: Source): { uri: string; range: Range } {
    const file = path.join(this.seedsDir, s.seed);
    if (!this.lines.has(s.seed)) {
      try {
        this.lines.set(s.seed, fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/));
      } catch {
        this.lines.set(s.seed, null);
      }
    }
    const line = this.lines.get(s.seed)?.[s.line - 1] ?? '';
    const col = Math.max(0, line.indexOf(s.quote.split('\n')[0]));
    const len = Math.min(s.quote.length, Math.max(0, line.length - col));
    return { uri: pathToFileURL(file).toString(), range: { start: { line: s.line - 1, character: col }, end: { line: s.line - 1, character: col + len } } };
  }
}
