// The CLI as a process, on a broken dataset: bad JSON, schema violations, a quote not in its seed, a wrong
// line, an unknown id, a missing file. Each must exit 2 with one clear message naming the file and the field,
// and no stack trace.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './harness';
import { realDataset, writeData } from './datasets';
import type { Dataset } from '../../server/src/facts/types';
import { HEADLINE_CLAIM } from '../../bench/drafts';

const CLI = path.join(ROOT, 'dist', 'cli.js');

/** How the CLI takes a data folder: a flag if `--help` lists one, else the environment variable. */
function dataArgs(dataDir: string): { args: string[]; env: Record<string, string> } {
  const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  const text = `${help.stdout}\n${help.stderr}`;
  for (const flag of ['--data-dir', '--data', '--dataset']) {
    if (new RegExp(`${flag}(?![-\\w])`).test(text)) return { args: [flag, dataDir], env: {} };
  }
  return { args: [], env: { FACTCHECK_DATA_DIR: dataDir, FACTCHECK_DATA: dataDir } };
}

function runCli(dataDir: string, draft: string) {
  const { args, env } = dataArgs(dataDir);
  return spawnSync(process.execPath, [CLI, ...args, draft], { encoding: 'utf8', env: { ...process.env, ...env, NO_COLOR: '1' }, timeout: 30_000 });
}

type Mutate = (d: Dataset) => void;
const cases: { name: string; facts: (d: Dataset) => string; field: RegExp | string; extra?: RegExp }[] = [
  { name: 'bad JSON', facts: () => '{ "version": 1, "seeds": [', field: /JSON/i },
  { name: 'an empty file', facts: () => '', field: /JSON/i },
  { name: 'a wrong type (aliases is a string)', facts: mutate((d) => { (d.people[0] as unknown as { aliases: unknown }).aliases = 'Lukashenko'; }), field: '/people/0/aliases' },
  { name: 'an enum violation (precision "weekly")', facts: mutate((d) => { (d.events[2].when as { precision: string }).precision = 'weekly'; }), field: '/events/2/when/precision' },
  { name: 'a missing required field (event label)', facts: mutate((d) => { delete (d.events[1] as Partial<Dataset['events'][number]>).label; }), field: /\/events\/1|label/ },
  { name: 'a bad date ("2023-13-45x")', facts: mutate((d) => { d.events[0].when.start = '2023-13-45x'; }), field: '/events/0/when/start' },
  { name: 'a quote not in its seed', facts: mutate((d) => { d.events[1].sources[0].quote = 'This sentence is in no seed at all.'; }), field: '/events/1/sources/0/quote' },
  { name: 'a quote on another line than stated', facts: mutate((d) => { d.events[1].sources[0].line += 1; }), field: '/events/1/sources/0/line' },
  { name: 'a seed file that does not exist', facts: mutate((d) => { d.people[0].sources[0].seed = '999_missing.txt'; }), field: '/people/0/sources/0/seed' },
  { name: 'an unknown place id', facts: mutate((d) => { d.events[0].place = 'atlantis'; }), field: /atlantis/ },
  { name: 'a duplicate id', facts: mutate((d) => { d.places.push({ ...d.places[0] }); }), field: /duplicate/i },
  { name: 'bad JSON whose error quotes text across lines', facts: (d) => 'x' + JSON.stringify(d, null, 2), field: /JSON/i },
  { name: 'an impossible day (2023-12-32)', facts: mutate((d) => { d.events[1].when.end = '2023-12-32'; }), field: '/events/1/when/end' },
  { name: 'a month 13 (2023-13-03)', facts: mutate((d) => { d.events[1].when.start = '2023-13-03'; }), field: '/events/1/when/start' },
  { name: 'a day the month does not have (2023-02-30)', facts: mutate((d) => { d.events[1].when.start = '2023-02-30'; }), field: '/events/1/when/start' },
  { name: 'February 29 in a common year (a role\'s asOf 2023-02-29)', facts: mutate((d) => { d.people[0].roles![0].asOf = '2023-02-29'; }), field: '/people/0/roles/0/asOf' },
  { name: 'a seed reference date of 2021-04-31', facts: mutate((d) => { d.seeds[0].referenceDate = '2021-04-31'; }), field: '/seeds/0/referenceDate' },
  { name: 'every event\'s start and end swapped', facts: mutate((d) => { for (const e of d.events) [e.when.start, e.when.end] = [e.when.end, e.when.start]; }), field: /\/events\/\d+\/when\/end.*before/ },
  { name: 'an arrival outside its event\'s dates', facts: mutate((d) => { const e = d.events.find((x) => x.arrival)!; e.arrival = '1999-01-01'; }), field: /\/events\/\d+\/arrival/ },
  { name: 'a coverage window that ends before it starts', facts: mutate((d) => { const c = d.coverage.find((x) => x.from)!; [c.from, c.to] = ['2030-01-01', c.from!]; }), field: /\/coverage\/\d+\/to/ },
];

function mutate(f: Mutate): (d: Dataset) => string {
  return (d) => { f(d); return JSON.stringify(d, null, 2); };
}

describe('robustness: the CLI on a broken dataset exits 2 with one clear message', function () {
  this.timeout(60_000);
  const made: string[] = [];
  let draft: string;
  before(function () {
    if (!fs.existsSync(CLI)) this.skip();
    const w = writeData(realDataset());
    made.push(w.root);
    draft = path.join(w.root, 'draft.md');
    fs.writeFileSync(draft, `---\ndate: 2023-12-05\n---\n${HEADLINE_CLAIM}\n`);
  });
  after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('control: the intact copy of the dataset works through the same option (exit 1: a claim is wrong)', () => {
    const w = writeData(realDataset());
    made.push(w.root);
    const r = runCli(w.dataDir, draft);
    assert.equal(r.status, 1, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  });

  for (const c of cases) {
    it(`${c.name}: exit 2, names the file and ${c.field}`, () => {
      const w = writeData(c.facts(realDataset()));
      made.push(w.root);
      const r = runCli(w.dataDir, draft);
      const out = `${r.stderr}`.trim();
      assert.equal(r.status, 2, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
      assert.ok(out.includes(w.file) || out.includes(path.relative(process.cwd(), w.file)) || out.includes('facts.json'), `names the file: ${out}`);
      if (typeof c.field === 'string') assert.ok(out.includes(c.field), `names the field ${c.field}: ${out}`);
      else assert.match(out, c.field);
      assert.ok(!/^\s+at .+\(.*:\d+:\d+\)$/m.test(out) && !/^\s+at /m.test(out), `no stack trace: ${out}`);
      assert.equal(out.split('\n').length, 1, `one message on one line, not a dump: ${JSON.stringify(out)}`);
      assert.ok(!/fourth|second/i.test(r.stdout), `no check output on a broken dataset: ${r.stdout}`);
    });
  }

  it('a facts.json that starts with a UTF-8 byte-order mark loads (exit 1: the claim is checked)', () => {
    const w = writeData('\ufeff' + JSON.stringify(realDataset(), null, 2));
    made.push(w.root);
    const r = runCli(w.dataDir, draft);
    assert.equal(r.status, 1, `exit ${r.status}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    assert.match(r.stdout, /second/);
  });

  it('a missing data folder: exit 2, names the path', () => {
    const r = runCli(path.join(ROOT, 'no-such-dir-' + process.pid), draft);
    assert.equal(r.status, 2, `exit ${r.status}: ${r.stderr}`);
    assert.ok(r.stderr.includes('no-such-dir-'), r.stderr);
  });
});
