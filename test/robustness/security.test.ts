// Security: strings from the dataset (names, roles, labels, quotes) are escaped in hover cards and cannot
// open links (command: URIs), raw HTML or code spans; messages carry no terminal control sequences; and
// nothing in a workspace or a draft is executed.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import MarkdownIt from 'markdown-it';
import { EngineWorker, ROOT, lspLines } from './harness';
import { hostileData, HOSTILE } from './datasets';
import { HEADLINE_CLAIM } from '../../bench/drafts';

const md = new MarkdownIt({ html: true, linkify: true });
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** What a Markdown renderer with raw HTML and linkify enabled (stricter than VS Code) makes of a hover. */
function assertInert(hover: string, where: string) {
  const html = md.render(hover);
  assert.ok(!/<script/i.test(html), `${where}: <script> survives rendering:\n${hover}`);
  assert.ok(!/<img/i.test(html), `${where}: <img> survives rendering:\n${hover}`);
  assert.ok(!/href="command:/i.test(html), `${where}: a command: link survives rendering:\n${hover}`);
  assert.ok(!/<code>tick<\/code>/.test(html), `${where}: backticks from data open a code span:\n${hover}`);
  assert.ok(!/<code>[^<]*(alert|command:)/.test(html), `${where}: data inside a code element:\n${html}`);
  assert.ok(!CONTROL.test(hover), `${where}: control characters in the hover: ${JSON.stringify(hover)}`);
}

describe('robustness: hostile dataset strings are inert', function () {
  this.timeout(120_000);
  const data = hostileData();
  const engine = new EngineWorker(data.dataDir);
  after(async () => {
    await engine.dispose();
    fs.rmSync(data.root, { recursive: true, force: true });
  });

  it('the hostile dataset loads (it is valid: every quote is verbatim in its seed)', async () => {
    await engine.init();
  });

  it('hover cards on a name, a place, a date and a flagged claim escape every data string', async () => {
    const text = `---\ndate: 2023-12-05\n---\n${HEADLINE_CLAIM} Putin visited Minsk on December 19, 2022.\n`;
    const first = await engine.check(text);
    const positions = [
      ...first.result.mentions.map((m) => m.range.start),
      ...first.result.diagnostics.map((d) => d.range.start),
      ...first.result.dates.map((d) => d.range.start),
    ];
    assert.ok(first.result.mentions.length > 0, 'names are still recognised');
    assert.ok(first.result.diagnostics.length > 0, 'the wrong claim is still flagged');
    const { hovers } = await engine.check(text, 10_000, positions);
    const shown = hovers.filter((h): h is string => typeof h === 'string');
    assert.ok(shown.length > 0, 'some hover is shown');
    shown.forEach((h, i) => assertInert(h, `hover ${i} at ${JSON.stringify(positions[i])}`));
    // The hostile text is shown literally, not dropped: escaped, the script tag renders as text.
    assert.ok(shown.some((h) => md.render(h).includes('&lt;script&gt;')), 'hostile data is shown as text');
  });

  it('diagnostic messages and related information carry no control characters from data', async () => {
    const text = `${HEADLINE_CLAIM}\n`;
    const { result } = await engine.check(text);
    for (const d of result.diagnostics) {
      assert.ok(!CONTROL.test(d.message), `message: ${JSON.stringify(d.message)}`);
      for (const r of d.relatedInformation ?? []) assert.ok(!CONTROL.test(r.message), `related: ${JSON.stringify(r.message)}`);
      for (const f of d.fixes ?? []) assert.ok(!CONTROL.test(f.edit.newText) && !CONTROL.test(f.title), `fix: ${JSON.stringify(f)}`);
    }
  });

  it('hovers escape the draft too: a name inside link or HTML syntax in the draft gives an inert card', async () => {
    const text = `[Lukashenko](command:workbench.action.terminal.new) <b>Lukashenko</b> \`Lukashenko\` Lukashenko<script>x</script>\n`;
    const first = await engine.check(text);
    const positions = first.result.mentions.map((m) => m.range.start);
    const { hovers } = await engine.check(text, 10_000, positions);
    hovers.forEach((h, i) => h && assertInert(h, `draft hover ${i}`));
  });
});

describe('robustness: nothing in a workspace or a draft is executed', function () {
  this.timeout(120_000);
  const engine = new EngineWorker();
  after(async () => engine.dispose());

  it('YAML tags and hostile front matter are data, not code', async () => {
    const marker = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'factcheck-marker-')), 'EXECUTED');
    const payload = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
    const drafts = [
      `---\ndate: !!js/function 'function () { ${payload} }'\n---\n${HEADLINE_CLAIM}\n`,
      `---\ndate: !!js/eval '${payload}'\ntoString: !!js/function 'function () { ${payload} }'\n---\n${HEADLINE_CLAIM}\n`,
      `---\ndate: !<tag:yaml.org,2002:js/function> 'function () { ${payload} }'\nvalueOf: !!python/object/apply:os.system ['touch ${marker}']\n---\n${HEADLINE_CLAIM}\n`,
      `---\n__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\ndate: 2023-12-05\n---\n${HEADLINE_CLAIM}\n`,
      `<script>${payload}</script>\n\n<img src=x onerror="${payload}">\n\n${HEADLINE_CLAIM}\n`,
    ];
    for (const text of drafts) {
      const { result } = await engine.check(text, 10_000, [], { referenceDate: '2023-12-05' });
      assert.equal(fs.existsSync(marker), false, 'a payload ran');
      assert.ok(lspLines(text).length > 0 && Array.isArray(result.diagnostics));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'prototype pollution');
  });

  it('the CLI run inside a booby-trapped workspace executes none of its files', function () {
    const cli = path.join(ROOT, 'dist', 'cli.js');
    if (!fs.existsSync(cli)) this.skip();
    const ws = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'factcheck-ws-'));
    const marker = path.join(ws, 'EXECUTED');
    const trap = `require('fs').writeFileSync(${JSON.stringify(marker)}, __filename);`;
    for (const f of ['factcheck.config.js', '.factcheckrc.js', '.factcheckrc.cjs', 'factcheck.config.cjs', 'factcheck.config.mjs', 'index.js', '.vscode/factcheck.js']) {
      fs.mkdirSync(path.dirname(path.join(ws, f)), { recursive: true });
      fs.writeFileSync(path.join(ws, f), trap);
    }
    fs.mkdirSync(path.join(ws, 'node_modules', 'markdown-it'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'node_modules', 'markdown-it', 'index.js'), trap);
    fs.writeFileSync(path.join(ws, 'node_modules', 'markdown-it', 'package.json'), '{"name":"markdown-it","main":"index.js"}');
    fs.mkdirSync(path.join(ws, 'node_modules', 'yaml'), { recursive: true });
    fs.writeFileSync(path.join(ws, 'node_modules', 'yaml', 'index.js'), trap);
    fs.writeFileSync(path.join(ws, 'node_modules', 'yaml', 'package.json'), '{"name":"yaml","main":"index.js"}');
    fs.writeFileSync(path.join(ws, 'package.json'), JSON.stringify({ name: 'ws', scripts: { prefactcheck: trap, factcheck: trap }, factcheck: { plugins: ['./index.js'] } }));
    fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'factcheck.dataDir': '.', 'factcheck.plugins': ['./index.js'] }));
    const draft = path.join(ws, 'draft.md');
    fs.writeFileSync(draft, `---\ndate: !!js/function 'function () { ${trap} }'\n---\n<script>${trap}</script>\n\n${HEADLINE_CLAIM}\n`);
    const r = spawnSync(process.execPath, [cli, '--reference-date', '2023-12-05', 'draft.md'], { cwd: ws, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    assert.equal(fs.existsSync(marker), false, `a workspace file ran: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
    assert.ok(r.status === 0 || r.status === 1, `CLI exit ${r.status}: ${r.stderr}`);
    assert.ok(/fourth|second/i.test(r.stdout), `the claim is still checked: ${r.stdout}`);
    fs.rmSync(ws, { recursive: true, force: true });
  });
});

void HOSTILE;
