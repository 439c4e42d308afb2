// Bundles the client, the language server, the CLI and the data builder into dist/.
// `--production` minifies; `--only=NAME[,NAME]` builds a subset; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const only = (args.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length).split(',').filter(Boolean);

/** @type {Record<string, import('esbuild').BuildOptions>} */
const targets = {
  client: { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  server: { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  cli: { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  data: { entryPoints: ['scripts/build-data.ts'], outfile: 'dist/build-data.js' },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
};

const chosen = Object.entries(targets).filter(([name]) => only.length === 0 || only.includes(name));
if (watch) {
  for (const [, options] of chosen) (await esbuild.context({ ...common, ...options })).watch();
} else {
  await Promise.all(chosen.map(([, options]) => esbuild.build({ ...common, ...options })));
  // The CLI is the package's `bin`: npx runs it directly, so it must be executable.
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
}
