// Check Workspace: every Markdown file under the workspace folders, open ones from the editor's text, the others
// read from disk, with progress and cancellation.

import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { readRegularFile } from '../files';
import { oneLine } from '../controls';
import type { ServerContext } from './context';
import { analyzeText, snapshot, summary, tooLarge, unopenedBase, type Analysis } from './analysis';
import { getSettings } from './configuration';
import { tick } from './handlers';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);
const MAX_WORKSPACE_FILES = 10000;

async function findMarkdown(root: string, token: CancellationToken, out: string[]): Promise<void> {
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(root, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (token.isCancellationRequested || out.length >= MAX_WORKSPACE_FILES) return;
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      await findMarkdown(full, token, out);
    } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) {
      out.push(full);
    }
  }
}

export async function checkWorkspace(ctx: ServerContext, token: CancellationToken, progress: WorkDoneProgressReporter, hasClientProgress: boolean) {
  const connection = ctx.connection;
  let reporter = progress;
  let ownProgress = false;
  if (!hasClientProgress && ctx.serverProgressSupport) {
    try {
      reporter = await connection.window.createWorkDoneProgress();
      ownProgress = true;
    } catch {
      // keep the null reporter
    }
  }
  reporter.begin('Fact Check: checking the workspace', 0, 'Finding Markdown files…', true);
  const ownToken = ownProgress ? (reporter as unknown as { token?: CancellationToken }).token : undefined;
  const isCancelled = () => token.isCancellationRequested || !!ownToken?.isCancellationRequested;
  const files: string[] = [];
  const totals = { files: 0, claims: 0, contradicted: 0, undecidable: 0, diagnostics: 0, skipped: 0, cancelled: false };
  try {
    for (const folder of ctx.workspaceFolders) {
      let root: string;
      try {
        root = fileURLToPath(folder);
      } catch {
        continue;
      }
      await findMarkdown(root, token, files);
    }
    for (let i = 0; i < files.length; i++) {
      if (isCancelled()) {
        totals.cancelled = true;
        break;
      }
      const file = files[i];
      const uri = pathToFileURL(file).href;
      reporter.report(Math.round((i / Math.max(1, files.length)) * 100), `${i + 1}/${files.length} ${path.basename(file)}`);
      const open = ctx.documents.get(uri) ?? ctx.documents.all().find((d) => safePath(d.uri) === file);
      let analysis: Analysis;
      if (open) {
        const settings = await getSettings(ctx, open.uri);
        analysis = snapshot(ctx, open, settings);
        if (!ctx.pull) await connection.sendDiagnostics({ uri: open.uri, version: open.version, diagnostics: analysis.diagnostics });
      } else {
        const settings = await getSettings(ctx, uri);
        if (!settings.enable) analysis = analyzeText(ctx, uri, 0, '', settings);
        else {
          const read = await readRegularFile(file, settings.maxFileSize);
          if (read.ok) analysis = analyzeText(ctx, uri, 0, read.text, settings);
          else if (read.reason === 'too-large') analysis = tooLarge(unopenedBase(ctx, uri), read.size ?? 0, settings);
          else {
            ctx.log(oneLine(`checkWorkspace: not checked: ${file}: ${read.message}`));
            continue;
          }
        }
        await connection.sendDiagnostics({ uri, diagnostics: analysis.diagnostics });
        ctx.pushedUnopened.add(uri);
      }
      totals.files++;
      const s = summary(analysis);
      totals.claims += s.claims;
      totals.contradicted += s.contradicted;
      totals.undecidable += s.undecidable;
      totals.diagnostics += s.diagnostics;
      if (analysis.skipped) totals.skipped++;
      await tick();
    }
    if (ctx.pull && ctx.refreshSupport) await connection.languages.diagnostics.refresh().catch(() => undefined);
  } finally {
    reporter.done();
  }
  return totals;
}

function safePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
