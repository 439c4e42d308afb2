// The only file mocha's spec glob picks up here: it runs the VS Code extension-host suite through run.ts and is
// marked pending, with the reason, when no VS Code can be had (offline and no VSCODE_EXECUTABLE).
// The in-host suite files are named *.suite.ts so that mocha outside VS Code never loads them.

import * as assert from 'assert';
import { runExtensionTests } from './run';

describe('extension: VS Code extension host (@vscode/test-electron)', function () {
  this.timeout(10 * 60 * 1000);

  it('runs the extension-host suite in VS Code', async function () {
    const outcome = await runExtensionTests();
    if (outcome.status === 'skipped') {
      console.log(`      skipped: ${outcome.reason}`);
      this.skip();
    }
    assert.strictEqual(outcome.status, 'passed', outcome.status === 'failed' ? outcome.reason : '');
  });
});
