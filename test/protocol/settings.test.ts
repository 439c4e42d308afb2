// Settings over the wire: a value that fails validation falls back to its default, with one log line saying so,
// however many documents ask; `factcheck.severity: "__proto__"` sent `"severity": {}` to the client before. And the
// manifest: in Restricted Mode the workspace cannot raise factcheck.maxFileSize (VS Code's restrictedConfigurations),
// and the server refuses what the manifest's bounds refuse.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DRAFT, ROOT, startServer, uriOf, type Server } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, { type: string; enum?: string[]; minimum?: number; maximum?: number; default: unknown }>;

const invalidLogs = (server: Server) => server.logs.filter((l) => /Invalid settings/.test(l.message));

describe('protocol: settings that fail validation fall back to their defaults, with one log line', function () {
  this.timeout(30000);
  let server: Server | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  for (const [name, pull, configuration] of [
    ['pulled diagnostics, workspace/configuration', true, true],
    ['pushed diagnostics, didChangeConfiguration only', false, false],
  ] as const) {
    it(`hostile values (${name}): defaults apply, diagnostics carry a numeric severity, one log line`, async () => {
      const settings = {
        severity: '__proto__',
        run: 'constructor',
        enable: 'yes',
        referenceDate: '2023-02-30',
        maxFileSize: 1e12,
      };
      server = await startServer({ pull, configuration, settings });
      if (!configuration) server.configure(settings);
      for (const name of ['a.md', 'b.md', 'c.md']) {
        const uri = uriOf(`settings-${name}`);
        server.open(uri, DRAFT);
        const diags = await server.diagnostics(uri);
        assert.strictEqual(diags.length, 1, 'checked as with the defaults (enable, run onType)');
        assert.strictEqual(diags[0].severity, 2, `severity ${JSON.stringify(diags[0].severity)}`);
      }
      await server.waitFor(() => invalidLogs(server!).length > 0, 'the log line');
      const lines = invalidLogs(server);
      assert.strictEqual(lines.length, 1, JSON.stringify(lines.map((l) => l.message)));
      for (const key of Object.keys(settings)) assert.ok(lines[0].message.includes(`factcheck.${key}`), `${key} named in: ${lines[0].message}`);
      assert.ok(!/[\r\n]/.test(lines[0].message));
    });
  }

  it('other prototype keys and wrong types: each falls back alone, valid ones still apply', async () => {
    server = await startServer({ pull: true, settings: { severity: 'constructor', run: 'onType', maxFileSize: 'big' } });
    const uri = uriOf('settings-proto.md');
    server.open(uri, DRAFT);
    const diags = await server.diagnostics(uri);
    assert.strictEqual(diags[0].severity, 2);
    server.configure({ severity: 'error', maxFileSize: 100000 });
    await new Promise((r) => setTimeout(r, 100));
    const again = await server.diagnostics(uri);
    assert.strictEqual(again[0].severity, 1, 'a valid severity applies');
    server.configure({ maxFileSize: 10 });
    await new Promise((r) => setTimeout(r, 100));
    const small = await server.diagnostics(uri);
    assert.strictEqual(small[0].code, 'file-too-large', 'a valid maxFileSize applies');
  });

  it('valid settings log nothing', async () => {
    server = await startServer({ pull: true, settings: { severity: 'hint', run: 'onType', enable: true, referenceDate: '2023-12-03', maxFileSize: 4096 } });
    const uri = uriOf('settings-valid.md');
    server.open(uri, DRAFT);
    const diags = await server.diagnostics(uri);
    assert.strictEqual(diags[0].severity, 4);
    assert.deepStrictEqual(invalidLogs(server), []);
  });

  it('a maxFileSize over the manifest\'s maximum falls back to the default', async () => {
    const max = properties['factcheck.maxFileSize'].maximum!;
    assert.ok(Number.isInteger(max) && max >= (properties['factcheck.maxFileSize'].default as number), 'the manifest bounds maxFileSize');
    server = await startServer({ pull: true, settings: { maxFileSize: max + 1 } });
    const uri = uriOf('settings-max.md');
    server.open(uri, DRAFT);
    await server.diagnostics(uri);
    await server.waitFor(() => invalidLogs(server!).length > 0, 'the log line');
    assert.match(invalidLogs(server)[0].message, /factcheck\.maxFileSize/);
  });
});

describe('manifest: Restricted Mode', () => {
  it('a workspace cannot raise factcheck.maxFileSize in Restricted Mode (restrictedConfigurations)', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(trust.supported, 'limited');
    assert.ok(trust.restrictedConfigurations.includes('factcheck.maxFileSize'), JSON.stringify(trust));
    for (const key of trust.restrictedConfigurations) assert.ok(properties[key], `${key} is a contributed setting`);
    assert.ok(trust.description.length > 0);
  });

  it('every contributed setting has a bounded schema the server enforces', () => {
    assert.deepStrictEqual(properties['factcheck.severity'].enum, ['error', 'warning', 'information', 'hint']);
    assert.deepStrictEqual(properties['factcheck.run'].enum, ['onType', 'onSave', 'manual']);
    assert.strictEqual(properties['factcheck.maxFileSize'].minimum, 0);
  });
});
