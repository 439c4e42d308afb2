// Bundles the client, the language server, the CLI, the data builder and the bare engine into dist/.
// `--production` minifies; `--only=NAME[,NAME]` builds a subset; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';

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
  // The engine alone, as the server and the CLI run it: what `npm run bench` times in-process. Not shipped.
  engine: { entryPoints: ['server/src/engine.ts'], outfile: 'dist/engine.js' },
};

// The dataset's JSON Schema compiled once, at build time, into plain validation code (ajv's standalone mode):
// a process that loads the dataset then pays neither for ajv's compiler nor for compiling the schema.
const schemaValidator = {
  name: 'factcheck-schema-validator',
  setup(build) {
    build.onResolve({ filter: /^factcheck:schema-validator$/ }, () => ({ path: 'schema-validator', namespace: 'factcheck' }));
    build.onLoad({ filter: /.*/, namespace: 'factcheck' }, async () => {
      const { default: Ajv } = await import('ajv');
      const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
      const schema = JSON.parse(readFileSync('data/facts.schema.json', 'utf8'));
      // unicode: false measures minLength in code units: the schema's only length bound is minLength 1, where code
      // units and code points agree, and counting code points walks every quote of a large dataset. The option is
      // deprecated in ajv 8 (it still works); its warning is dropped.
      const quiet = { log: console.log, warn: (...m) => String(m[0]).includes('option unicode') || console.warn(...m), error: console.error };
      const ajv = new Ajv({ strict: false, unicode: false, logger: quiet, code: { source: true } });
      return { contents: standaloneCode(ajv, ajv.compile(schema)), loader: 'js', resolveDir: process.cwd(), watchFiles: ['data/facts.schema.json'] };
    });
  },
};

const common = {
  plugins: [schemaValidator],
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
