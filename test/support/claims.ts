// What the claim shapes' tests share: one engine over the bundled dataset, and a draft sentence in, its
// diagnostics out. Each shape's tests (server/src/claims/shapes/<shape>.test.ts) read like the behaviour they pin.

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { createEngine, loadDataset } from '../../server/src/engine';
import type { Diagnostic } from '../../server/src/types';

const ROOT = path.resolve(__dirname, '..', '..');
export const engine = createEngine(loadDataset(path.join(ROOT, 'data'), path.join(ROOT, 'seeds')), { seedsDir: path.join(ROOT, 'seeds') });

/** The Warning/Error diagnostics of a draft dated `ref` whose one paragraph is `text` (line 4). */
export function flags(text: string, ref: string): Diagnostic[] {
  return engine.check(`---\ndate: ${ref}\n---\n\n${text}\n`).diagnostics.filter((d) => d.severity <= 2);
}

/** The text with a diagnostic's first fix applied. */
export function fixed(text: string, d: Diagnostic): string {
  const fix = d.fixes?.[0];
  assert.ok(fix, `no fix on: ${d.message}`);
  const { start, end } = fix.edit.range;
  assert.equal(start.line, 4);
  assert.equal(end.line, 4);
  return text.slice(0, start.character) + fix.edit.newText + text.slice(end.character);
}

export interface Flagged {
  ref: string;
  text: string;
  code: string;
  /** The words the diagnostic covers. */
  wrong: string;
  /** The text once the fix is applied. */
  fixedTo?: string;
  /** What the message must say (the right value). */
  says?: RegExp;
}

/** Exactly one diagnostic, of this code, on these words, with this fix. */
export function expectFlag(c: Flagged): Diagnostic {
  const ds = flags(c.text, c.ref);
  assert.equal(ds.length, 1, `want one ${c.code} on "${c.text}", got ${JSON.stringify(ds.map((d) => [d.code, d.message]))}`);
  const d = ds[0];
  assert.equal(d.code, c.code, d.message);
  assert.equal(c.text.slice(d.range.start.character, d.range.end.character), c.wrong, 'the range covers the wrong words');
  if (c.fixedTo !== undefined) assert.equal(fixed(c.text, d), c.fixedTo);
  if (c.says) assert.match(d.message, c.says);
  return d;
}

/** No Warning or Error: the sources bear the text out, or cannot decide it. */
export function expectNone(text: string, ref: string): void {
  assert.deepEqual(
    flags(text, ref).map((d) => `${d.code}: ${d.message}`),
    [],
    `false alarm on: ${text}`,
  );
}
