// Bundles the client, the language server, the CLI, the data builder and the bare engine into dist/.
// `--production` minifies; `--only=NAME[,NAME]` builds a subset; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const args = process.argv.slice(2);
const production = args.includes('--production');
const watch = args.includes('--watch');
const only = (args.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length).split(',').filter(Boolean);

/** @type {Record<string, import('esbuild').BuildOptions>} */
const targets = {
  client: { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The server's entry is a small loader too: it runs the server bundle with its code cache (server/src/bin/server.ts).
  server: { entryPoints: ['server/src/bin/server.ts'], outfile: 'dist/server.js' },
  serverMain: { entryPoints: ['server/src/server.ts'], outfile: 'dist/server-main.js' },
  serverCache: { entryPoints: ['scripts/write-server-cache.ts'], outfile: 'dist/write-server-cache.js' },
  // The bin is a small loader that runs the CLI bundle with its code cache (server/src/bin/factcheck.ts).
  cli: { entryPoints: ['server/src/bin/factcheck.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  cliMain: { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-main.js' },
  data: { entryPoints: ['scripts/build-data.ts'], outfile: 'dist/build-data.js' },
  // The engine alone, as the server and the CLI run it: what `npm run bench` times in-process. Not shipped.
  engine: { entryPoints: ['server/src/engine.ts'], outfile: 'dist/engine.js' },
};

// The dataset's JSON Schema compiled once, at build time, into plain validation code (ajv's standalone mode):
// a process that loads the dataset then pays neither for ajv's compiler nor for compiling the schema. Two modules:
// `factcheck:schema-validator` is ajv's code as generated, with its errors; `factcheck:schema-validator/accepts` is
// the same checks without the instance path that ajv builds for every item it descends into ("/events/" + i, one
// string and one object per call, used only in an error). The loader asks the second whether the dataset is valid
// and the first only to name what is wrong: 100,000 facts are validated about a quarter sooner.
// By the schema's text: each bundle imports both modules, and the schema is compiled once for all of them (again in
// watch mode only when it changed).
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

/**
 * ajv's code with every call's data-path argument (`{instancePath: instancePath + "/events/" + i0, parentData, ...}`)
 * replaced by one constant: the checks are the same, only the paths in its errors are wrong. Fails the build if
 * ajv's code no longer has that form, rather than ship a validator that is no faster, or not the same.
 */
function withoutInstancePaths(code) {
  const call = /\{instancePath:instancePath\+[^{}]*?,parentData:[^{}]*?,parentDataProperty:[^{}]*?,rootData\}/g;
  const calls = code.match(call)?.length ?? 0;
  const rest = code.replace(call, '').match(/parentData|rootData/g)?.length ?? 0;
  // What remains of parentData and rootData is each function's own parameter list: nothing else may read them.
  const functions = code.match(/function validate\d+\(/g)?.length ?? 0;
  if (calls === 0 || rest !== 3 * functions || !code.startsWith('"use strict";')) {
    throw new Error(`esbuild.mjs: ajv's standalone code changed shape (${calls} calls, ${rest} other uses of parentData/rootData in ${functions} functions): update withoutInstancePaths`);
  }
  return code.replace('"use strict";', '"use strict";const NO_PATH = { instancePath: "", parentData: undefined, parentDataProperty: undefined, rootData: undefined };').replace(call, 'NO_PATH');
}

const schemaValidator = {
  name: 'factcheck-schema-validator',
  setup(build) {
    build.onResolve({ filter: /^factcheck:schema-validator(\/accepts)?$/ }, (a) => ({ path: a.path.slice('factcheck:'.length), namespace: 'factcheck' }));
    build.onLoad({ filter: /.*/, namespace: 'factcheck' }, async (a) => {
      const code = await validatorCode();
      return { contents: a.path.endsWith('/accepts') ? withoutInstancePaths(code) : code, loader: 'js', resolveDir: process.cwd(), watchFiles: ['data/facts.schema.json'] };
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
  // Its code cache: V8's compiled form of the bundle after checking the seeds, which a run then need not compile again.
  if (chosen.some(([name]) => name === 'cliMain') && existsSync('dist/cli.js')) {
    const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f));
    const r = spawnSync(process.execPath, ['dist/cli.js', ...seeds], { env: { ...process.env, FACTCHECK_CODE_CACHE: 'write' }, encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) console.warn(`no code cache for the CLI (exit ${r.status}): ${r.stderr}`);
  }
  // The server's, after a session that checks the sample draft (scripts/write-server-cache.ts).
  if (chosen.some(([name]) => name === 'serverMain') && existsSync('dist/server.js') && existsSync('dist/write-server-cache.js')) {
    // It says why when it writes none; the server then compiles as usual.
    spawnSync(process.execPath, ['dist/write-server-cache.js'], { stdio: 'inherit' });
  }
}
