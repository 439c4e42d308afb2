// Labelled drafts, scored the way /work/shared/eval/score.py scores the CLI, but in-process: every Warning or Error is
// matched to the labelled claim whose lines hold its start line. "F" (core) and "X" (extended) claims must be
// flagged, "O" claims must not, "A" claims are not scored; a flag on an unlabelled line is a false alarm.
//
// The fixtures are test/fixtures/labelled/*.src (fresh wording, not the dev set's); the shared dev set
// (../shared/eval/dev/claims.src from the repository root) is scored too when it is there.
//
// Per-claim tests name each claim; claims the engine gets wrong today are listed in KNOWN_ENGINE_BUGS and skipped
// (// ENGINE BUG), so that the aggregate thresholds stay the gate and the list says what is left to fix.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, loadDataset, type Engine } from '../../server/src/engine';
import type { Diagnostic } from '../../server/src/types';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'labelled');
const DEV_SET = path.resolve(ROOT, '..', 'shared', 'eval', 'dev', 'claims.src');

export interface LabelledClaim { kind: 'F' | 'X' | 'O' | 'A'; cat: string; hints: string[]; start: number; end: number; text: string }
export interface LabelledDraft { name: string; lines: string[]; claims: LabelledClaim[] }

const LIST_OR_ROW = /^(- |\| |# )/;
const CLAIM = /^([FXOA])((?: [^|]+?)?) \| (.*)$/;

/** A port of score.py's build(): the drafts of one .src file, with each labelled claim's 0-based line span. */
export function buildDrafts(src: string): LabelledDraft[] {
  const drafts: LabelledDraft[] = [];
  let cur: LabelledDraft | undefined;
  for (const raw of src.split('\n')) {
    if (raw.startsWith('=== ')) {
      cur = { name: raw.slice(4).trim(), lines: [], claims: [] };
      drafts.push(cur);
      continue;
    }
    if (!cur) continue;
    const m = CLAIM.exec(raw);
    if (m) {
      const [, kind, metaRaw, text] = m;
      const meta = metaRaw.split(/\s+/).filter(Boolean);
      if (!LIST_OR_ROW.test(text) && cur.lines.length && cur.lines[cur.lines.length - 1] !== '') cur.lines.push('');
      const start = cur.lines.length;
      cur.lines.push(text);
      cur.claims.push({ kind: kind as LabelledClaim['kind'], cat: meta[0] ?? '', hints: meta.length > 1 ? meta[1].split('/') : [], start, end: start, text });
      continue;
    }
    if (raw.startsWith('+ ')) {
      cur.lines.push(raw.slice(2));
      const last = cur.claims[cur.claims.length - 1];
      last.end = cur.lines.length - 1;
      last.text += ' ' + raw.slice(2);
      continue;
    }
    cur.lines.push(raw);
  }
  return drafts;
}

/** The file text score.py writes: the lines joined, trailing newlines trimmed to one. */
export function draftText(d: LabelledDraft): string {
  return d.lines.join('\n').replace(/\n+$/, '') + '\n';
}

export interface ClaimOutcome { draft: string; claim: LabelledClaim; flags: Diagnostic[]; named: boolean | undefined }
export interface Score {
  outcomes: ClaimOutcome[];
  strays: { draft: string; line: number; text: string; message: string }[];
  precision: number;
  coreRecall: number;
  extRecall: number;
  named: number;
  counts: { flagged: number; falseAlarms: number; core: [number, number]; ext: [number, number]; named: [number, number] };
}

export function scoreDrafts(engine: Engine, drafts: LabelledDraft[]): Score {
  const outcomes: ClaimOutcome[] = [];
  const strays: Score['strays'] = [];
  for (const d of drafts) {
    const diags = engine.check(draftText(d)).diagnostics.filter((x) => x.severity <= 2);
    const owner = new Map<number, number>();
    d.claims.forEach((c, i) => {
      for (let l = c.start; l <= c.end; l++) owner.set(l, i);
    });
    const hit = new Map<number, Diagnostic[]>();
    const strayLines = new Map<number, string>();
    for (const x of diags) {
      const line = x.range.start.line;
      const i = owner.get(line);
      if (i === undefined) strayLines.set(line, x.message);
      else hit.set(i, [...(hit.get(i) ?? []), x]);
    }
    for (const [line, message] of [...strayLines].sort((a, b) => a[0] - b[0])) strays.push({ draft: d.name, line: line + 1, text: d.lines[line], message });
    d.claims.forEach((c, i) => {
      const flags = hit.get(i) ?? [];
      let named: boolean | undefined;
      if ((c.kind === 'F' || c.kind === 'X') && flags.length && c.hints.length) {
        const said = flags.map((f) => `${f.message} ${(f.fixes ?? []).map((x) => x.edit.newText).join(' ')}`).join(' ').toLowerCase();
        named = c.hints.some((h) => said.includes(h.toLowerCase()));
      }
      outcomes.push({ draft: d.name, claim: c, flags, named });
    });
  }
  const flaggedOf = (k: string) => outcomes.filter((o) => o.claim.kind === k && o.flags.length).length;
  const totalOf = (k: string) => outcomes.filter((o) => o.claim.kind === k).length;
  const falseAlarms = strays.length + outcomes.filter((o) => o.claim.kind === 'O' && o.flags.length).length;
  const flagged = flaggedOf('F') + flaggedOf('X');
  const namedN = outcomes.filter((o) => o.named !== undefined).length;
  const namedOk = outcomes.filter((o) => o.named === true).length;
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return {
    outcomes,
    strays,
    precision: ratio(flagged, flagged + falseAlarms),
    coreRecall: ratio(flaggedOf('F'), totalOf('F')),
    extRecall: ratio(flaggedOf('X'), totalOf('X')),
    named: ratio(namedOk, namedN),
    counts: { flagged, falseAlarms, core: [flaggedOf('F'), totalOf('F')], ext: [flaggedOf('X'), totalOf('X')], named: [namedOk, namedN] },
  };
}

/** Every miss, false alarm and wrong value, one per line, for failure messages. */
export function report(s: Score): string {
  const out: string[] = [];
  for (const o of s.outcomes) {
    const at = `${o.draft}:${o.claim.start + 1}`;
    if ((o.claim.kind === 'F' || o.claim.kind === 'X') && !o.flags.length) out.push(`MISS ${at} [${o.claim.kind} ${o.claim.cat}] ${o.claim.text}`);
    if (o.claim.kind === 'O' && o.flags.length) out.push(`FALSE ALARM ${at}: ${o.claim.text} -> ${o.flags[0].message}`);
    if (o.named === false) out.push(`WRONG VALUE ${at} (want ${o.claim.hints.join('/')}): ${o.claim.text} -> ${o.flags.map((f) => f.message).join(' | ')}`);
  }
  for (const x of s.strays) out.push(`FALSE ALARM ${x.draft}:${x.line} (unlabelled line): ${x.text} -> ${x.message}`);
  const c = s.counts;
  out.push(
    `precision ${s.precision.toFixed(2)} (${c.flagged} right flags, ${c.falseAlarms} false alarms); core recall ${s.coreRecall.toFixed(2)} (${c.core[0]}/${c.core[1]}); ` +
      `extended recall ${s.extRecall.toFixed(2)} (${c.ext[0]}/${c.ext[1]}); right value named ${s.named.toFixed(2)} (${c.named[0]}/${c.named[1]})`,
  );
  return out.join('\n');
}

const MIN_PRECISION = 0.95;
const MIN_CORE_RECALL = 0.9;
const MIN_NAMED = 0.9;

function assertThresholds(s: Score): void {
  const ok = s.precision >= MIN_PRECISION && s.coreRecall >= MIN_CORE_RECALL && s.named >= MIN_NAMED;
  assert.ok(ok, `thresholds: precision >= ${MIN_PRECISION}, core recall >= ${MIN_CORE_RECALL}, right value >= ${MIN_NAMED}\n${report(s)}`);
}

/**
 * Labelled claims the engine gets wrong today, by "draft.md:line" (1-based, in the built draft). Each is a real
 * engine bug under the product rules; the per-claim test is skipped with the reason, the aggregate still counts it.
 */
const KNOWN_ENGINE_BUGS: Record<string, string> = {
  'tehran-roles.md:15': 'the February 16 remark has no keywords in the dataset, so a sentence about it ("said on Feb. 18 that he would send troops") is not tied to it, and "said on" dates the saying',
  'wrong-myanmar.md:7': 'as myanmar-wire.md:25: "Hun Sen\'s visit in March 2022 was the first by a foreign leader after the coup" names no place',
  'myanmar-wire.md:25': 'a visit with no place named ("the first visit by a foreign leader after the coup") is not placed where the coup was, so the list of such visits is not found',
};

function loadFixtures(): LabelledDraft[] {
  const files = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.src')).sort() : [];
  return files.flatMap((f) => buildDrafts(fs.readFileSync(path.join(FIXTURES, f), 'utf8')));
}

describe('labelled drafts', () => {
  const engine = createEngine(loadDataset(path.join(ROOT, 'data'), path.join(ROOT, 'seeds')), { seedsDir: path.join(ROOT, 'seeds') });

  describe('build() port of score.py', () => {
    it('separates claims by blank lines, except list items, table rows and headings; "+ " continues a claim', () => {
      const [d] = buildDrafts(['=== a.md', '---', 'date: 2023-12-03', '---', '', 'O | One.', 'F date 12/13 | Two.', '+ Still two.', 'O | - item', 'O | | a | b |', 'plain', 'O | # Head'].join('\n'));
      assert.equal(d.name, 'a.md');
      assert.deepEqual(d.lines, ['---', 'date: 2023-12-03', '---', '', 'O | One.'.slice(4), '', 'Two.', 'Still two.', '- item', '| a | b |', 'plain', '# Head']);
      assert.deepEqual(
        d.claims.map((c) => [c.kind, c.cat, c.hints, c.start, c.end]),
        [['O', '', [], 4, 4], ['F', 'date', ['12', '13'], 6, 7], ['O', '', [], 8, 8], ['O', '', [], 9, 9], ['O', '', [], 11, 11]],
      );
      assert.equal(d.claims[1].text, 'Two. Still two.');
      assert.equal(draftText({ ...d, lines: [...d.lines, '', ''] }).endsWith('# Head\n'), true);
    });
  });

  const drafts = loadFixtures();
  describe('test/fixtures/labelled', () => {
    it('has labelled drafts with reference dates and a healthy mix of labels', () => {
      assert.ok(drafts.length >= 6, `only ${drafts.length} drafts`);
      for (const d of drafts) assert.match(d.lines.slice(0, 4).join('\n'), /^---\n(?:.*\n)*?date: \d{4}-\d{2}-\d{2}/, `${d.name} has no front matter date`);
      const all = drafts.flatMap((d) => d.claims);
      const f = all.filter((c) => c.kind === 'F').length;
      assert.ok(all.length >= 60, `${all.length} labelled lines`);
      assert.ok(f / all.length >= 0.3, `${f} of ${all.length} are F`);
      for (const c of all) if (c.kind === 'F' || c.kind === 'X') assert.ok(c.hints.length, `no hints: ${c.text}`);
    });

    it(`scores precision >= ${MIN_PRECISION}, core recall >= ${MIN_CORE_RECALL}, right value named >= ${MIN_NAMED} over every claim`, () => {
      assertThresholds(scoreDrafts(engine, drafts));
    });

    it(`scores precision >= ${MIN_PRECISION}, core recall >= ${MIN_CORE_RECALL}, right value named >= ${MIN_NAMED} without the known engine bugs`, () => {
      const known = (draft: string, c: LabelledClaim) => !!KNOWN_ENGINE_BUGS[`${draft}:${c.start + 1}`];
      const s = scoreDrafts(engine, drafts);
      const kept = s.outcomes.filter((o) => !known(o.draft, o.claim));
      // Recompute over the claims that are not known bugs (known ones are reported, not counted).
      const flagged = kept.filter((o) => 'FX'.includes(o.claim.kind) && o.flags.length).length;
      const fa = s.strays.length + kept.filter((o) => o.claim.kind === 'O' && o.flags.length).length;
      const core = kept.filter((o) => o.claim.kind === 'F');
      const named = kept.filter((o) => o.named !== undefined);
      const trimmed: Score = {
        ...s,
        outcomes: kept,
        precision: flagged + fa ? flagged / (flagged + fa) : 1,
        coreRecall: core.length ? core.filter((o) => o.flags.length).length / core.length : 1,
        named: named.length ? named.filter((o) => o.named).length / named.length : 1,
        counts: { ...s.counts, flagged, falseAlarms: fa, core: [core.filter((o) => o.flags.length).length, core.length], named: [named.filter((o) => o.named).length, named.length] },
      };
      assertThresholds(trimmed);
    });

    describe('each claim', () => {
      for (const d of drafts) {
        for (const c of d.claims) {
          if (c.kind === 'A') continue;
          const key = `${d.name}:${c.start + 1}`;
          const title = `${key} ${c.kind}${c.cat ? ' ' + c.cat : ''}: ${c.text}`;
          const body = () => {
            const s = scoreDrafts(engine, [d]);
            const o = s.outcomes.find((x) => x.claim === c)!;
            if (c.kind === 'O') assert.equal(o.flags.length, 0, `false alarm: ${o.flags.map((x) => x.message).join(' | ')}`);
            else {
              assert.ok(o.flags.length > 0, 'not flagged');
              if (c.hints.length) assert.ok(o.named, `the flag does not name ${c.hints.join('/')}: ${o.flags.map((x) => `${x.message} ${(x.fixes ?? []).map((f) => f.edit.newText).join(' ')}`).join(' | ')}`);
            }
          };
          if (KNOWN_ENGINE_BUGS[key]) it.skip(`${title} — ENGINE BUG: ${KNOWN_ENGINE_BUGS[key]}`, body);
          else it(title, body);
        }
      }
    });
  });

  describe('shared dev set', () => {
    it(`scores precision >= ${MIN_PRECISION}, core recall >= ${MIN_CORE_RECALL}, right value named >= ${MIN_NAMED}`, function () {
      if (!fs.existsSync(DEV_SET)) {
        console.log(`    (skipped: no shared dev set at ${DEV_SET})`);
        this.skip();
      }
      assertThresholds(scoreDrafts(engine, buildDrafts(fs.readFileSync(DEV_SET, 'utf8'))));
    });
  });
});
