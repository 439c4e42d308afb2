// The dataset: data/facts.json is the build of data/annotations.yaml + seeds/, valid against its schema, every
// quote verbatim on its line; a broken copy fails to load with a DatasetError naming the file and the field.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { buildDataset } from '../../server/src/facts/build';
import { datasetJson } from '../../server/src/facts/json';
import { loadDataset, DatasetError } from '../../server/src/engine';
import { referenceProblems } from '../../server/src/facts/references';
import { FactIndex } from '../../server/src/facts/index';

const ROOT = path.resolve(__dirname, '..', '..');
const facts = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'facts.json'), 'utf8'));

function allSources(d: any): { seed: string; line: number; quote: string }[] {
  return [
    ...d.people.flatMap((p: any) => [...p.sources, ...(p.roles ?? []).flatMap((r: any) => r.sources)]),
    ...d.places.flatMap((p: any) => p.sources),
    ...d.events.flatMap((e: any) => e.sources),
    ...d.coverage.flatMap((c: any) => c.sources),
    ...d.seeds.filter((s: any) => s.source).map((s: any) => s.source),
  ];
}

describe('dataset', () => {
  it('the committed data/facts.json equals a fresh build from annotations and seeds', () => {
    const fresh = buildDataset(fs.readFileSync(path.join(ROOT, 'data', 'annotations.yaml'), 'utf8'), path.join(ROOT, 'seeds'));
    assert.deepEqual(JSON.parse(JSON.stringify(fresh)), facts, 'data/facts.json is stale: run npm run data');
  });
  it('is written as ASCII JSON, byte for byte what npm run data writes, and reads back to the same values', () => {
    const text = fs.readFileSync(path.join(ROOT, 'data', 'facts.json'), 'utf8');
    assert.match(text, /^[\x00-\x7f]*$/, 'data/facts.json has a non-ASCII character');
    assert.ok(text.includes('\\u201c'), 'the curly quotes of the seeds are escaped');
    const fresh = buildDataset(fs.readFileSync(path.join(ROOT, 'data', 'annotations.yaml'), 'utf8'), path.join(ROOT, 'seeds'));
    assert.equal(datasetJson(fresh, 2), text);
    const hostile = { ...fresh, seeds: fresh.seeds.map((s) => ({ ...s, title: `“${s.title}” — 😀 \u0000 \ud800 é` })) };
    assert.deepEqual(JSON.parse(datasetJson(hostile)), JSON.parse(JSON.stringify(hostile)));
  });
  it('validates against data/facts.schema.json', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'facts.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    assert.ok(validate(facts), JSON.stringify(validate.errors));
  });
  it('every quote is verbatim in its seed, on the stated line', () => {
    const sources = allSources(facts);
    assert.ok(sources.length > 30);
    for (const s of sources) {
      const text = fs.readFileSync(path.join(ROOT, 'seeds', s.seed), 'utf8').split(/\r\n|\r|\n/);
      assert.ok(text[s.line - 1]?.includes(s.quote.split('\n')[0]), `${s.seed}:${s.line} does not hold "${s.quote}"`);
    }
  });

  describe('loadDataset on a broken copy', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-dataset-'));
      fs.mkdirSync(path.join(dir, 'data'));
      fs.cpSync(path.join(ROOT, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const write = (text: string) => fs.writeFileSync(path.join(dir, 'data', 'facts.json'), text);
    const expectError = (field: RegExp | string) => {
      assert.throws(() => loadDataset(path.join(dir, 'data'), path.join(dir, 'seeds')), (e: unknown) => {
        assert.ok(e instanceof DatasetError, String(e));
        assert.equal(e.file, path.join(dir, 'data', 'facts.json'));
        assert.ok(e.message.includes('facts.json'));
        if (typeof field === 'string') assert.equal(e.field, field);
        else assert.match(e.field, field);
        return true;
      });
    };
    it('the unchanged copy loads', () => {
      write(JSON.stringify(facts));
      assert.equal(loadDataset(path.join(dir, 'data'), path.join(dir, 'seeds')).events.length, facts.events.length);
    });
    it('bad JSON', () => {
      write(JSON.stringify(facts).slice(0, 200));
      expectError('');
    });
    it('a schema violation names the field', () => {
      const d = structuredClone(facts);
      d.events[0].when.start = 42;
      write(JSON.stringify(d));
      expectError('/events/0/when/start');
    });
    it('a changed quote names the field', () => {
      const d = structuredClone(facts);
      d.events[0].sources[0].quote += ' (edited)';
      write(JSON.stringify(d));
      expectError('/events/0/sources/0/quote');
    });
  });

  describe('references', () => {
    it('an id defined twice is a duplicate, within events and across kinds, in list order', () => {
      const d = structuredClone(facts);
      d.events[1].id = d.events[0].id;
      d.events[2].id = d.people[0].id;
      d.coverage[0].id = d.events[3].id;
      const problems = referenceProblems(d);
      // The renamed events' old ids are now unknown to the coverage that lists them; duplicates come last.
      assert.deepEqual(problems.filter((p) => p.startsWith('duplicate')), [`duplicate id "${facts.events[0].id}"`, `duplicate id "${facts.people[0].id}"`, `duplicate id "${facts.events[3].id}"`]);
      assert.ok(problems.slice(0, problems.length - 3).every((p) => /unknown event/.test(p)), problems.join('\n'));
    });
    it('unknown ids are reported in list order: places, people, events, coverage', () => {
      const d = structuredClone(facts);
      d.coverage[0].subject = 'nobody-c';
      d.events[1].actors = ['nobody-e'];
      d.events[2].place = 'nowhere-e';
      d.people[0].country = 'nowhere-p';
      d.places[0].within = 'nowhere-l';
      assert.deepEqual(referenceProblems(d), [
        `place ${facts.places[0].id}: unknown place "nowhere-l"`,
        `person ${facts.people[0].id}: unknown country "nowhere-p"`,
        `event ${facts.events[1].id}: unknown person "nobody-e"`,
        `event ${facts.events[2].id}: unknown place "nowhere-e"`,
        `coverage ${facts.coverage[0].id}: unknown subject "nobody-c"`,
      ]);
    });
    it('a coverage member that is no event is unknown, even when it is a person', () => {
      const d = structuredClone(facts);
      d.coverage[0].members[0] = d.people[0].id;
      assert.deepEqual(referenceProblems(d), [`coverage ${facts.coverage[0].id}: unknown event "${facts.people[0].id}"`]);
    });
    it('the index of a loaded dataset knows every event by id, and so does the index of one built in memory', () => {
      const loaded = loadDataset(path.join(ROOT, 'data'), path.join(ROOT, 'seeds'));
      const inMemory = structuredClone(facts);
      for (const d of [loaded, inMemory]) {
        const index = new FactIndex(d);
        assert.equal(index.events.size, facts.events.length);
        for (const e of d.events) assert.equal(index.events.get(e.id), e);
      }
    });
  });
});
