// The dataset: loaded at startup and on the reload command, and again when facts.json changes on disk.

import * as fs from 'fs';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { refreshAll, sendStatus } from './diagnostics';

export function loadData(ctx: ServerContext, reason: string): { ok: boolean; message?: string } {
  if (!ctx.holder) return { ok: false, message: 'not initialized' };
  const outcome = ctx.holder.load();
  if (outcome.ok) {
    const stats = ctx.holder.stats();
    ctx.log(`Dataset loaded (${reason}) from ${ctx.holder.location.dataDir}: ${stats?.facts ?? 0} facts, ${stats?.sources ?? 0} sources.`);
  } else {
    const kept = ctx.holder.engine ? ' Keeping the last good dataset.' : ' No dataset is loaded: nothing will be checked.';
    const message = `${outcome.message}.${kept}`.replace(/\.\./g, '.');
    ctx.logError(message);
    void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }).catch(() => undefined);
    outcome.message = message;
  }
  sendStatus(ctx);
  return outcome;
}

export function watchData(ctx: ServerContext): void {
  if (!ctx.holder || ctx.options.watchData === false) return;
  const dir = ctx.holder.location.dataDir;
  try {
    ctx.dataWatcher = fs.watch(dir, { persistent: false }, (_event, file) => {
      if (file && String(file) !== 'facts.json') return;
      if (ctx.reloadTimer) clearTimeout(ctx.reloadTimer);
      ctx.reloadTimer = setTimeout(() => {
        ctx.reloadTimer = undefined;
        const outcome = loadData(ctx, 'facts.json changed');
        if (outcome.ok) void refreshAll(ctx);
      }, 300);
    });
    ctx.dataWatcher.on('error', (err) => ctx.log(`Stopped watching ${dir}: ${err.message}`));
  } catch (err) {
    ctx.log(`Not watching ${dir} for changes: ${err instanceof Error ? err.message : String(err)}`);
  }
}
