// Preloaded into the language server by the soak test (node --expose-gc -r heap-probe.cjs dist/server.js): on
// SIGUSR2 it collects garbage and writes the live heap, in bytes, to $FACTCHECK_HEAP_FILE. Test-only; the server
// itself knows nothing of it.
const fs = require('node:fs');

process.on('SIGUSR2', () => {
  global.gc();
  global.gc();
  fs.writeFileSync(process.env.FACTCHECK_HEAP_FILE, String(process.memoryUsage().heapUsed));
});
