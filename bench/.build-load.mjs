import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
const schemaValidator = {
  name: 'sv',
  setup(build) {
    build.onResolve({ filter: /^factcheck:schema-validator$/ }, () => ({ path: 'schema-validator', namespace: 'factcheck' }));
    build.onLoad({ filter: /.*/, namespace: 'factcheck' }, async () => {
      const { default: Ajv } = await import('ajv');
      const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
      const schema = JSON.parse(readFileSync('data/facts.schema.json', 'utf8'));
      const ajv = new Ajv({ strict: false, code: { source: true } });
      return { contents: standaloneCode(ajv, ajv.compile(schema)), loader: 'js', resolveDir: process.cwd() };
    });
  },
};
writeFileSync('bench/.load-entry.ts', `
import { loadDataset, createEngine } from '../server/src/engine';
const dir = process.argv[2];
const n = Number(process.argv[3] ?? 1);
const times: number[] = [];
for (let i = 0; i < n; i++) {
  const t0 = performance.now();
  const d = loadDataset(dir, dir + '/../seeds');
  const t1 = performance.now();
  createEngine(d, { seedsDir: dir + '/../seeds' });
  const t2 = performance.now();
  times.push(t2 - t0);
  console.log('load', (t1 - t0).toFixed(0), 'create', (t2 - t1).toFixed(0), 'total', (t2 - t0).toFixed(0));
}
`);
await esbuild.build({ entryPoints: ['bench/.load-entry.ts'], outfile: 'bench/.load.js', bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: true, plugins: [schemaValidator], logLevel: 'warning' });
