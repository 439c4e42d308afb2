// Code actions: the quick fixes of the diagnostics the client asks about, and the edit of "ignore this claim",
// resolved only when it is chosen.

import { CodeAction, CodeActionKind, CodeActionParams, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { codeActionsFor, isIgnoreData, rangesIntersect, sameDiagnostic, workspaceEdit } from './convert';
import { ignoreEdit } from './ignore';
import type { ServerContext } from './context';
import { current } from './analysis';
import { getSettings } from './configuration';
import { cancelled, documentAt, invalidParams, isPosition, request } from './handlers';
import { COMMANDS } from './protocol';

export function registerCodeActions(ctx: ServerContext): void {
  const connection = ctx.connection;

  connection.onCodeAction(
    request(ctx, 'textDocument/codeAction', async (params: CodeActionParams, token): Promise<CodeAction[]> => {
      const doc = documentAt(ctx, params.textDocument?.uri);
      const range = params.range;
      if (!range || !isPosition(range.start) || !isPosition(range.end)) throw invalidParams(`Bad range ${JSON.stringify(range)}`);
      const only = params.context?.only;
      if (only && !only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.') || k === CodeActionKind.Empty)) {
        return [];
      }
      const settings = await getSettings(ctx, doc.uri);
      cancelled(token);
      const now = ctx.documents.get(doc.uri);
      if (!now || !settings.enable || !ctx.holder) return [];
      // Fixes are computed against the current text, so their ranges fit the document as it is now.
      const analysis = current(ctx, now, settings);
      const asked = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
      const actions: CodeAction[] = [];
      analysis.engineDiagnostics.forEach((d, i) => {
        const lsp = analysis.diagnostics[i];
        if (!lsp || !rangesIntersect(d.range, range)) return;
        if (!asked.some((a) => a && sameDiagnostic(a, lsp))) return;
        actions.push(
          ...codeActionsFor(now, d, lsp, {
            documentChanges: ctx.documentChanges,
            resolveEdits: ctx.resolveEdits,
            seedsDir: ctx.holder!.location.seedsDir,
            openSourceCommand: COMMANDS.openSource,
          }),
        );
      });
      return actions;
    }),
  );

  connection.onCodeActionResolve(
    request(ctx, 'codeAction/resolve', (action: CodeAction): CodeAction => {
      if (!action || !isIgnoreData(action.data)) return action;
      const { uri, version, range } = action.data.factcheckIgnore;
      const doc = ctx.documents.get(uri);
      // Only for the text the action was made for: a range from another version may point anywhere.
      if (!doc || doc.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed since the action was listed');
      const edit = ignoreEdit(doc, range);
      if (!edit) throw invalidParams('No place for the comment keeps the Markdown as it is');
      return { ...action, edit: workspaceEdit(doc, [edit], ctx.documentChanges) };
    }),
  );
}
