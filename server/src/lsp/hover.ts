// Hover: the card for what is under the cursor (rendered by ../hover), from the analysis of the current text.

import { Hover, HoverParams } from 'vscode-languageserver/node';
import { renderHover } from '../hover';
import type { ServerContext } from './context';
import { current } from './analysis';
import { getSettings } from './configuration';
import { cancelled, checkPosition, documentAt, request } from './handlers';

export function registerHover(ctx: ServerContext): void {
  ctx.connection.onHover(
    request(ctx, 'textDocument/hover', async (params: HoverParams, token): Promise<Hover | null> => {
      const doc = documentAt(ctx, params.textDocument?.uri);
      const position = checkPosition(doc, params.position);
      const settings = await getSettings(ctx, doc.uri);
      cancelled(token);
      const now = ctx.documents.get(doc.uri);
      if (!now || !settings.enable || !ctx.holder?.engine) return null;
      const analysis = current(ctx, now, settings);
      if (!analysis.result) return null;
      const value = renderHover(ctx.holder.engine.dataset, analysis.result, position, ctx.holder.location.seedsDir);
      return value ? { contents: { kind: 'markdown', value } } : null;
    }),
  );
}
