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
  // wink-nlp's English model (3.6 MB): one file that the server, the CLI and the engine load, not a copy in each.
  winkModel: { entryPoints: ['wink-eng-lite-web-model'], outfile: 'dist/wink-model.js', plugins: [] },
};

/** The bundles in dist/ load wink's model from its own file beside them (the winkModel target). */
const sharedModel = {
  name: 'factcheck-shared-model',
  setup(build) {
    build.onResolve({ filter: /^wink-eng-lite-web-model$/ }, () => ({ path: './wink-model.js', external: true }));
  },
};

// The dataset's JSON Schema compiled once, at build time, into plain validation code (ajv's standalone mode), as
// the module `factcheck:schema-validator`: a process that loads the dataset then pays neither for ajv's compiler
// nor for compiling the schema. By the schema's text: compiled once for all bundles (again in watch mode only when
// it changed).
const validatorCodes = new Map();
function validatorCode() {
  const text = readFileSync('data/facts.schema.json', 'utf8');
  if (!validatorCodes.has(text)) validatorCodes.set(text, compileValidator(text));
  return validatorCodes.get(text);
}

async function compileValidator(schemaText) {
  const { default: Ajv } = await import('ajv');
  const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
  const schema = JSON.parse(schemaText);
  // unicode: false measures minLength in code units: the schema's only length bound is minLength 1, where code
  // units and code points agree, and counting code points walks every quote of a large dataset. The option is
  // deprecated in ajv 8 (it still works); its warning is dropped.
  const quiet = { log: console.log, warn: (...m) => String(m[0]).includes('option unicode') || console.warn(...m), error: console.error };
  // Each list's item schema becomes a definition that ajv compiles to a function of its own (inlineRefs limits
  // inlining to the small definitions): inlined, the whole dataset was one function of 60 KB, which V8 optimizes
  // only by on-stack replacement, late, and deoptimizes when the next list's items come. Fresh processes validate
  // 100,000 facts about 15 % sooner (alternating, 30 each). Same checks, same instance paths in errors.
  for (const list of ['seeds', 'people', 'places', 'events', 'coverage']) {
    schema.definitions[`${list}Item`] = schema.properties[list].items;
    schema.properties[list].items = { $ref: `#/definitions/${list}Item` };
  }
  const ajv = new Ajv({ strict: false, unicode: false, inlineRefs: 8, logger: quiet, code: { source: true } });
  return standaloneCode(ajv, ajv.compile(schema));
}

const schemaValidator = {
  name: 'factcheck-schema-validator',
  setup(build) {
    build.onResolve({ filter: /^factcheck:schema-validator$/ }, (a) => ({ path: a.path.slice('factcheck:'.length), namespace: 'factcheck' }));
    build.onLoad({ filter: /.*/, namespace: 'factcheck' }, async () => ({ contents: await validatorCode(), loader: 'js', resolveDir: process.cwd(), watchFiles: ['data/facts.schema.json'] }));
  },
};

const common = {
  plugins: [schemaValidator, sharedModel],
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
