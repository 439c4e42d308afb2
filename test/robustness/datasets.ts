// Temporary data folders for the robustness tests: copies of the real dataset, broken or hostile on purpose.
// Layout as in the repository: ROOT/data/facts.json beside ROOT/seeds/.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Dataset } from '../../server/src/facts/types';
import type { Source } from '../../server/src/types';
import { ROOT } from './harness';

export function realDataset(): Dataset {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'facts.json'), 'utf8')) as Dataset;
}

/** Writes a data folder; `facts` may be a Dataset or raw file text. Returns { root, dataDir, seedsDir, file }. */
export function writeData(facts: Dataset | string, extraSeeds: Record<string, string> = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-robust-'));
  const dataDir = path.join(root, 'data');
  const seedsDir = path.join(root, 'seeds');
  fs.mkdirSync(dataDir);
  fs.mkdirSync(seedsDir);
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(seedsDir, f));
  for (const [name, text] of Object.entries(extraSeeds)) fs.writeFileSync(path.join(seedsDir, name), text);
  const file = path.join(dataDir, 'facts.json');
  fs.writeFileSync(file, typeof facts === 'string' ? facts : JSON.stringify(facts, null, 2));
  return { root, dataDir, seedsDir, file };
}

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(2)>',
  link: '[click me](command:workbench.action.terminal.new)',
  encodedLink: '[run](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D)',
  autolink: '<command:workbench.action.reloadWindow>',
  tick: '`tick`',
  fence: '```',
  esc: '\u001b[31mRED\u001b[0m',
};
const HOSTILE_TEXT = `${HOSTILE.script} ${HOSTILE.img} ${HOSTILE.link} ${HOSTILE.encodedLink} ${HOSTILE.autolink} ${HOSTILE.tick} ${HOSTILE.fence}`;
export const HOSTILE_SEED = '005_hostile.txt';
/** A seed line that is itself hostile, so a verbatim quote of it is too. */
export const HOSTILE_QUOTE = `He said ${HOSTILE.tick} and ${HOSTILE.script} then ${HOSTILE.link} and ${HOSTILE.encodedLink} ${HOSTILE.autolink} ${HOSTILE.fence} done.`;

/**
 * The real dataset with hostile strings in every place a hover or message may show: names, roles, aliases,
 * event labels, coverage statements, and a verbatim hostile quote added as the first source of every fact.
 */
export function hostileData() {
  const d = realDataset();
  const quote: Source = { seed: HOSTILE_SEED, line: 1, quote: HOSTILE_QUOTE };
  d.seeds.push({ file: HOSTILE_SEED, title: `Hostile ${HOSTILE_TEXT}`, referenceDate: '2023-12-03', referenceDateBasis: 'inferred', reasoning: `Because ${HOSTILE_TEXT}` });
  for (const p of d.people) {
    p.name = `${p.name} ${HOSTILE.img}`;
    p.role = `${p.role} ${HOSTILE_TEXT} ${HOSTILE.esc}`;
    p.aliases = [...p.aliases, `${p.aliases[0]}${HOSTILE.link}`];
    p.sources = [quote, ...p.sources];
  }
  for (const p of d.places) {
    p.name = `${p.name} ${HOSTILE.script}`;
    p.sources = [quote, ...p.sources];
  }
  for (const e of d.events) {
    e.label = `${e.label} ${HOSTILE_TEXT} ${HOSTILE.esc}`;
    e.sources = [quote, ...e.sources];
  }
  for (const c of d.coverage) {
    c.statement = `${c.statement} ${HOSTILE_TEXT} ${HOSTILE.esc}`;
    c.sources = [quote, ...c.sources];
  }
  return writeData(d, { [HOSTILE_SEED]: `${HOSTILE_QUOTE}\nSecond line.\n` });
}
