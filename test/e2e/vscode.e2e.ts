// The packaged extension in a real VS Code (code-server), driven through chromium as a person would:
// every assertion reads what the page shows. Screenshots of each step go to test-results/e2e-*.png.
// The tests run in order and share one VS Code window.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS, start, type Session } from './harness';
import { RIGHT_DRAFT, WRONG_DRAFT } from './drafts';

const WRONG = WRONG_DRAFT;
const RIGHT = RIGHT_DRAFT;

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, `e2e-${name}.png`) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const norm = (s: string) => s.replace(/\u00a0/g, ' ');

/** The visible lines of the active editor, top to bottom. */
async function editorLines(page: Page): Promise<string[]> {
  const lines: string[] = await page.evaluate(`(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor') ?? document.querySelector('.monaco-editor');
    if (!editor) return [];
    const rows = [...editor.querySelectorAll('.view-line')];
    rows.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return rows.map((r) => r.textContent ?? '');
  })()`);
  return lines.map(norm);
}

/** The screen box of `word` in the first editor line that contains `lineHas`. */
async function wordBox(page: Page, word: string, lineHas: string) {
  // a plain script, not a function: tsx would add helpers to a function that the page does not have
  const box: { x: number; y: number; width: number; height: number } | null = await page.evaluate(`(() => {
    const word = ${JSON.stringify(word)}, lineHas = ${JSON.stringify(lineHas)};
    const editor = document.querySelector('.editor-group-container.active .monaco-editor') ?? document.querySelector('.monaco-editor');
    for (const line of editor.querySelectorAll('.view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: text.length });
        text += n.data;
      }
      text = text.replace(/\u00a0/g, ' ');
      if (!text.includes(lineHas)) continue;
      const at = text.indexOf(word);
      if (at < 0) continue;
      const locate = (offset) => {
        for (let i = nodes.length - 1; i >= 0; i--) if (nodes[i].start <= offset) return { node: nodes[i].node, offset: offset - nodes[i].start };
        return { node: nodes[0].node, offset };
      };
      const a = locate(at);
      const b = locate(at + word.length);
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }
    return null;
  })()`);
  assert.ok(box, `"${word}" not found on a visible editor line containing "${lineHas}"; lines: ${JSON.stringify(await editorLines(page))}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function openFile(page: Page, name: string, expectLine: string): Promise<void> {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  const deadline = Date.now() + 15_000;
  while (!(await editorLines(page)).some((l) => l.includes(expectLine))) {
    if (Date.now() > deadline) assert.fail(`${name} did not show "${expectLine}"`);
    await sleep(100);
  }
}

async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  // The palette can close again as it opens (focus still moving after a click: its input goes inert, then hidden):
  // it is opened afresh, up to three times, until it takes the text.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
      await sleep(300);
    }
  }
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  try {
    await row.waitFor({ timeout: 10_000 });
  } catch (err) {
    await page.keyboard.press('Escape');
    throw new Error(`command "${title}" is not in the command palette`);
  }
  await row.click();
}

async function problemsText(page: Page): Promise<string> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible().catch(() => false))) {
    await runCommand(page, 'View: Focus Problems');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
  }
  return norm((await panel.textContent()) ?? '');
}

/** Pids of the language servers run for the extension installed in `extensionsDir`: live processes whose command line
 * names `<extensionsDir>/<extension>/dist/server.js`, so never another VS Code's. A killed, not yet reaped server has an
 * empty command line and is not counted. */
function serverPids(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    const server = args.some((a) => a.startsWith(extensionsDir + path.sep) && a.endsWith(`${path.sep}dist${path.sep}server.js`));
    if (server) pids.push(Number(entry));
  }
  return pids;
}

/** The process group of `pid` (field 5 of /proc/PID/stat, after the parenthesised command name). */
function processGroup(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

// Records, from now on, the text of every notification toast the page shows (toasts can be hidden again, so counting
// the visible ones later could miss one) and each change in the number of warning squiggles drawn, with its time
// (a squiggle that goes and comes back between two polls would be missed too). A plain script, as in wordBox.
const RECORD_PAGE = `(() => {
  if (window.__factcheckToasts) return;
  const texts = (window.__factcheckToasts = []);
  const squiggles = (window.__factcheckSquiggles = []);
  const seen = new WeakSet();
  const scan = () => {
    for (const toast of document.querySelectorAll('.notifications-toasts .notification-toast')) {
      const message = toast.querySelector('.notification-list-item-message') ?? toast;
      const text = (message.innerText ?? '').trim();
      if (!text || seen.has(toast)) continue;
      seen.add(toast);
      texts.push(text);
    }
    const n = document.querySelectorAll('.monaco-editor .squiggly-warning').length;
    if (!squiggles.length || squiggles[squiggles.length - 1].n !== n) squiggles.push({ t: Date.now(), n });
  };
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, characterData: true });
  scan();
})()`;
const recordedToasts = async (page: Page): Promise<string[]> => ((await page.evaluate('window.__factcheckToasts ?? []')) as string[]).map(norm);
const squiggleCounts = async (page: Page): Promise<{ t: number; n: number }[]> => (await page.evaluate('window.__factcheckSquiggles ?? []')) as { t: number; n: number }[];

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

describe('VS Code (code-server) with the packaged extension', function () {
  this.timeout(60_000);
  let session: Session | undefined;
  let failed = false;
  let page: Page;

  before(async function () {
    this.timeout(15 * 60_000); // a fresh install of code-server takes minutes; cached, seconds
    session = await start({ 'wrong.md': WRONG, 'right.md': RIGHT });
    page = session.page;
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      failed = true;
      const name = (this.currentTest.title.match(/^\d+/)?.[0] ?? 'x') + '-failure';
      if (page) await shot(page, name).catch(() => undefined);
    }
  });

  after(async function () {
    this.timeout(30_000);
    await session?.close(failed || !page);
  });

  it('1. a wrong visit count is underlined and listed in Problems with the right value', async () => {
    await openFile(page, 'wrong.md', 'fourth time');
    // the language server starts, checks the document and the editor draws a squiggle
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 45_000 });
    await shot(page, '1-warning');
    const text = await waitFor('the warning in the Problems panel', async () => {
      const t = await problemsText(page);
      return /second/.test(t) && t;
    }, 15_000);
    assert.match(text, /wrong\.md/);
    assert.match(text, /second/i);
    await shot(page, '1-problems');
  });

  it('2. hovering "Lukashenko" shows his role and known visits', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'wrong.md' }).first().click();
    await page.mouse.move(5, 5);
    const at = await wordBox(page, 'Lukashenko', 'fourth time');
    await page.mouse.move(at.x - 3, at.y);
    await page.mouse.move(at.x, at.y);
    const hover = page.locator('.monaco-hover-content', { hasText: 'President of Belarus' }).first();
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    const text = norm((await hover.textContent()) ?? '');
    assert.match(text, /President of Belarus/);
    assert.match(text, /known visits/i);
    for (const place of ['Beijing', 'Tehran', 'Moscow', 'Myanmar']) assert.match(text, new RegExp(place), `hover card lacks ${place}: ${text}`);
    await shot(page, '2-hover');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  });

  it('3. "Fact Check: Check Document" shows the summary and reveals the Problems panel', async () => {
    if (await page.locator('.markers-panel').isVisible()) await runCommand(page, 'View: Toggle Panel Visibility');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.tabs-container .tab', { hasText: 'wrong.md' }).first().click();
    await runCommand(page, 'Fact Check: Check Document');
    // "N claims checked, M contradicted, K undecidable" (the client words it "N claims, M contradicted by the sources, K undecidable")
    const SUMMARY = /(\d+) claims?(?: checked)?, (\d+) contradicted[^,]*, (\d+) undecidable/;
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: SUMMARY }).first();
    try {
      await toast.waitFor({ state: 'visible', timeout: 15_000 });
    } catch {
      const seen = await page.locator('.notifications-toasts .notification-toast').allInnerTexts();
      assert.fail(`no "N claims checked, M contradicted, K undecidable" notification; notifications shown: ${JSON.stringify(seen)}`);
    }
    const [, claims, contradicted] = norm(await toast.innerText()).match(SUMMARY)!;
    assert.ok(Number(claims) >= 1, `${claims} claims checked`);
    assert.ok(Number(contradicted) >= 1, `${contradicted} contradicted`);
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
    await shot(page, '3-command');
  });

  it('4. the quick fix rewrites the count to "second" and the warning goes away', async () => {
    await page.locator('.tabs-container .tab', { hasText: 'wrong.md' }).first().click();
    const at = await wordBox(page, 'fourth', 'fourth time');
    await page.mouse.click(at.x, at.y);
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'second' }).first();
    // Ctrl+. as a person would, again if the first press came before the editor had focus
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ state: 'visible', timeout: 4_000 });
        break;
      } catch (err) {
        if (attempt === 3) throw err;
        await page.keyboard.press('Escape');
        await page.mouse.click(at.x, at.y);
      }
    }
    await shot(page, '4-quickfix-menu');
    await fix.click();
    await waitFor('the sentence to read "second time"', async () => (await editorLines(page)).some((l) => l.includes('for the second time this year')), 5_000);
    await waitFor('the squiggle to go away', async () => (await page.locator('.monaco-editor .squiggly-warning').count()) === 0, 5_000);
    await waitFor('the Problems panel to empty', async () => !/second/.test(await problemsText(page)), 5_000);
    await shot(page, '4-fixed');
  });

  it('5. editing a correct sentence into a wrong one makes a new warning within 2 seconds', async () => {
    await openFile(page, 'right.md', 'his second trip');
    await sleep(1500); // give the server time to check the file: a correct sentence must stay clean
    assert.equal(await page.locator('.monaco-editor .squiggly-warning').count(), 0, 'the correct sentence is flagged');
    const at = await wordBox(page, 'second', 'his second trip');
    await page.mouse.dblclick(at.x, at.y);
    await page.keyboard.type('third');
    const typed = Date.now();
    await waitFor('the edit', async () => (await editorLines(page)).some((l) => l.includes('his third trip')), 2_000);
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 2_000 });
    const elapsed = Date.now() - typed;
    await shot(page, '5-new-warning');
    assert.ok(elapsed <= 2_000, `warning took ${elapsed} ms`);
    const text = await waitFor('the new warning in Problems', async () => {
      const t = await problemsText(page);
      return /right\.md/.test(t) && /second/.test(t) && t;
    }, 5_000);
    assert.match(text, /second/);
    await shot(page, '5-problems');
    process.stderr.write(`      [e2e] new warning after ${elapsed} ms\n`);
  });

  it('6. a killed language server is restarted by the client and the warnings come back', async () => {
    const extensionsDir = session!.extensionsDir;
    const CRASHED = /Fact Check server crashed/i;
    await page.locator('.tabs-container .tab', { hasText: 'right.md' }).first().click();
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 5_000 });
    await page.evaluate(RECORD_PAGE);
    const shownBefore = (await recordedToasts(page)).filter((t) => CRASHED.test(t)).length;
    assert.equal(shownBefore, 0, 'a crash notification before anything crashed');

    /** Waits until the squiggle count drawn since the kill went to 0 and then up again; returns the ms since the kill. */
    const goneAndBack = async (countsBefore: number, killedAt: number): Promise<number> => {
      try {
        await waitFor('the squiggle to go and come back', async () => {
          const after = (await squiggleCounts(page)).slice(countsBefore);
          const gone = after.findIndex((c) => c.n === 0);
          return gone >= 0 && after.slice(gone).some((c) => c.n > 0);
        }, 10_000);
      } catch (err) {
        const counts = await squiggleCounts(page);
        const t0 = counts[countsBefore]?.t ?? 0;
        const seen = counts.slice(countsBefore).map((c) => `${c.n} at +${c.t - t0} ms`);
        throw new Error(`${(err as Error).message}; squiggle counts drawn since the kill: ${JSON.stringify(seen)}`);
      }
      return Date.now() - killedAt;
    };

    /** SIGKILLs the one server of this code-server and waits for the client to start another; returns its pid. */
    const killAndWaitForNew = async (): Promise<{ pid: number; ms: number }> => {
      const running = serverPids(extensionsDir);
      assert.equal(running.length, 1, `expected one language server under ${extensionsDir}, found pids ${JSON.stringify(running)}`);
      const [old] = running;
      assert.equal(processGroup(old), session!.pgid, `server ${old} is not in this code-server's process group`);
      process.kill(old, 'SIGKILL');
      const killed = Date.now();
      const pid = await waitFor(`a new language server after killing pid ${old}`, async () => {
        const now = serverPids(extensionsDir).filter((p) => p !== old);
        return now.length === 1 && now[0];
      }, 10_000);
      return { pid, ms: Date.now() - killed };
    };

    // 1. kill it; the client starts a new one, says so, and the open draft's warning goes (the client drops the dead
    //    server's diagnostics) and comes back on its own
    const countsBefore = (await squiggleCounts(page)).length;
    const first = await killAndWaitForNew();
    const killedAt = Date.now() - first.ms;
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: CRASHED }).first();
    try {
      await toast.waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      assert.fail(`no "server crashed" notification; notifications shown: ${JSON.stringify(await recordedToasts(page))}`);
    }
    const notification = norm(await toast.innerText()).replace(/\s+/g, ' ').trim();
    const squiggleMs = await goneAndBack(countsBefore, killedAt);
    await waitFor('the right.md warning in Problems after the restart', async () => {
      const t = await problemsText(page);
      return /right\.md/.test(t) && /second/.test(t) && t;
    }, 10_000);
    const backMs = Date.now() - killedAt;

    // 2. the new server checks edits: make wrong.md (fixed in step 4) wrong again
    await openFile(page, 'wrong.md', 'for the second time');
    assert.equal(await page.locator('.monaco-editor .squiggly-warning').count(), 0, 'wrong.md is flagged before the edit');
    const at = await wordBox(page, 'second', 'for the second time');
    await page.mouse.dblclick(at.x, at.y);
    await page.keyboard.type('fifth');
    const typed = Date.now();
    await waitFor('the edit', async () => (await editorLines(page)).some((l) => l.includes('for the fifth time')), 2_000);
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 10_000 });
    const editMs = Date.now() - typed;
    await waitFor('the wrong.md warning in Problems', async () => {
      const t = await problemsText(page);
      return /wrong\.md/.test(t) && /right\.md/.test(t) && t;
    }, 10_000);
    await shot(page, '6-restarted');

    // 3. a second crash is recovered from too, but the user is not told again
    const countsBeforeSecond = (await squiggleCounts(page)).length;
    const second = await killAndWaitForNew();
    const killedAgain = Date.now() - second.ms;
    assert.notEqual(second.pid, first.pid);
    const secondSquiggleMs = await goneAndBack(countsBeforeSecond, killedAgain);
    await waitFor('both warnings in Problems after the second restart', async () => {
      const t = await problemsText(page);
      return /wrong\.md/.test(t) && /right\.md/.test(t) && t;
    }, 10_000);
    const secondBackMs = Date.now() - killedAgain;
    await sleep(1000); // a second notification, if any, would come with the restart
    const toasts = await recordedToasts(page);
    const crashed = toasts.filter((t) => CRASHED.test(t));
    assert.equal(crashed.length, 1, `the crash notification should be shown once, was shown ${crashed.length} times: ${JSON.stringify(toasts)}`);
    process.stderr.write(
      `      [e2e] server restarted in ${first.ms} ms (pid ${first.pid}), squiggle back ${squiggleMs} ms and Problems entry ${backMs} ms after the kill, ` +
        `new warning ${editMs} ms after an edit; second kill: restarted in ${second.ms} ms (pid ${second.pid}), squiggle back after ${secondSquiggleMs} ms, Problems after ${secondBackMs} ms; ` +
        `notification: "${notification}"; other notifications: ${JSON.stringify(toasts.filter((t) => !CRASHED.test(t)))}\n`,
    );
  });

  it('7. one server runs after the restarts: the installed extension\'s dist/server.js', () => {
    const running = serverPids(session!.extensionsDir);
    assert.equal(running.length, 1, `expected one language server, found pids ${JSON.stringify(running)}`);
    const args = fs.readFileSync(`/proc/${running[0]}/cmdline`, 'utf8').split('\0');
    assert.ok(args.some((a) => a.startsWith(session!.extensionsDir) && a.endsWith('dist/server.js')), JSON.stringify(args));
  });
});
