// Runs the engine (and the Markdown layer) in a worker thread so that a test can time out a check that hangs
// instead of hanging the whole run. Loaded by harness.ts; TypeScript sources are compiled by tsx.
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
require('tsx/cjs/api').register();

const path = require('node:path');
const root = path.resolve(__dirname, '..', '..');
let engine;
let markdown;

function getEngine(dataDir) {
  if (!engine) {
    const api = require(path.join(root, 'server/src/engine.ts'));
    // Run from source, the loader's default folder (beside dist/) does not exist: name the repository's data.
    const dir = dataDir || path.join(root, 'data');
    const seedsDir = path.join(dir, '..', 'seeds');
    engine = api.createEngine(api.loadDataset(dir, seedsDir), { seedsDir });
  }
  return engine;
}

function getParser() {
  if (!markdown) {
    const md = require(path.join(root, 'server/src/markdown/index.ts'));
    markdown = md.parseMarkdown || md.parseDocument || md.parse || md.parseDraft;
    if (typeof markdown !== 'function') throw new Error('server/src/markdown exports no parse function (tried parseMarkdown, parseDocument, parse, parseDraft)');
  }
  return markdown;
}

parentPort.on('message', (msg) => {
  const { id, op } = msg;
  try {
    if (op === 'init') {
      getEngine(workerData && workerData.dataDir);
      parentPort.postMessage({ id, ok: true });
    } else if (op === 'check') {
      const e = getEngine(workerData && workerData.dataDir);
      const t = performance.now();
      const result = e.check(msg.text, msg.options);
      const ms = performance.now() - t;
      const hovers = (msg.hovers || []).map((p) => e.hover(result, p));
      parentPort.postMessage({ id, ok: true, result, ms, hovers });
    } else if (op === 'markdown') {
      const parse = getParser();
      const t = performance.now();
      const doc = parse(msg.text);
      const ms = performance.now() - t;
      // Functions do not cross threads: send the segments and the answers to the questions the test asks.
      const segments = doc.segments.map((s) => ({ kind: s.kind, text: s.text, offsets: Array.from(s.offsets), startLine: s.startLine, endLine: s.endLine }));
      const positions = (msg.offsets || []).map((o) => doc.positionAt(o));
      const suppressed = (msg.lines || []).map((l) => doc.isSuppressed(l));
      parentPort.postMessage({ id, ok: true, ms, segments, frontMatter: doc.frontMatter, positions, suppressed });
    }
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: String((err && err.stack) || err) });
  }
});
