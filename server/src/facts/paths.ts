// Where the bundled dataset lives: light on purpose, so the language server can name it before loading anything.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** The folder holding data/ and seeds/: the package root above dist/ (bundled) or above server/src/facts/ (sources). */
function packageRoot(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'data', 'facts.json'))) return dir;
  }
  return path.resolve(__dirname, '..');
}
export function defaultDataDir(): string {
  return path.join(packageRoot(), 'data');
}
export function defaultSeedsDir(): string {
  return path.join(packageRoot(), 'seeds');
}
