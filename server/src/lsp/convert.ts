// Engine results → LSP objects, and the code actions built from them.

import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  CodeAction,
  CodeActionKind,
  Command,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Source } from '../types';
import { ignoreEdit } from './ignore';

export { DISABLE_LINE, DISABLE_NEXT_LINE as DISABLE_COMMENT } from './ignore';

export const OPEN_SOURCE_COMMAND = 'factcheck.openSource';

/** Arguments of factcheck.openSource: the seed file and the range of the quote. */
export interface OpenSourceArgs {
  uri: string;
  range: Range;
}

/** Contradictions (engine severities Error and Warning) take the configured severity; notes keep theirs. */
export function toLspDiagnostic(d: Diagnostic, severity: DiagnosticSeverity): LspDiagnostic {
  const contradiction = d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning;
  const out: LspDiagnostic = {
    range: d.range,
    severity: contradiction ? severity : (d.severity as DiagnosticSeverity),
    code: d.code,
    source: d.source ?? 'factcheck',
    message: d.message,
  };
  if (d.relatedInformation?.length) out.relatedInformation = d.relatedInformation;
  if (d.data) out.data = d.data;
  return out;
}

export function seedUri(seedsDir: string, seed: string): string {
  return pathToFileURL(path.join(seedsDir, path.basename(seed))).href;
}

/** Where to open the source of a diagnostic: its first related location, else its first source's line. */
export function openSourceArgs(d: Diagnostic, seedsDir: string): OpenSourceArgs | undefined {
  const related = d.relatedInformation?.[0]?.location;
  if (related?.uri) return { uri: related.uri, range: related.range };
  const source: Source | undefined = d.data?.sources?.[0];
  if (!source?.seed) return undefined;
  const line = Math.max(0, (Number(source.line) || 1) - 1);
  return { uri: seedUri(seedsDir, source.seed), range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

/** Same diagnostic, as far as a client can tell: code and message, ranges overlapping or equal. */
export function sameDiagnostic(a: Pick<LspDiagnostic, 'code' | 'message'>, b: Pick<LspDiagnostic, 'code' | 'message'>): boolean {
  return String(a.code ?? '') === String(b.code ?? '') && a.message === b.message;
}

export function rangesIntersect(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function workspaceEdit(doc: TextDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  if (documentChanges) {
    return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  }
  return { changes: { [doc.uri]: edits } };
}

/** What an "Ignore this claim" action left for codeAction/resolve carries instead of its edit. */
export interface IgnoreData {
  factcheckIgnore: { uri: string; version: number; range: Range };
}

export function isIgnoreData(data: unknown): data is IgnoreData {
  const d = (data as IgnoreData | undefined)?.factcheckIgnore;
  return !!d && typeof d.uri === 'string' && typeof d.version === 'number' && !!d.range?.start && !!d.range?.end;
}

export interface ActionOptions {
  documentChanges: boolean;
  /** The client resolves an action's edit (codeAction/resolve): leave the Ignore action's edit to then. */
  resolveEdits?: boolean;
  seedsDir: string;
  /** Command id for "Open source"; undefined to leave the action out. */
  openSourceCommand?: string;
}

export function codeActionsFor(doc: TextDocument, d: Diagnostic, lsp: LspDiagnostic, options: ActionOptions): CodeAction[] {
  const actions: CodeAction[] = [];
  let first = true;
  for (const fix of d.fixes ?? []) {
    if (!fix?.edit?.range || typeof fix.edit.newText !== 'string') continue;
    actions.push({
      title: fix.title || `Change to “${fix.edit.newText}”`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      isPreferred: first,
      edit: workspaceEdit(doc, [{ range: fix.edit.range, newText: fix.edit.newText }], options.documentChanges),
    });
    first = false;
  }
  const open = openSourceArgs(d, options.seedsDir);
  if (open && options.openSourceCommand) {
    const file = path.basename(decodeURIComponent(open.uri));
    actions.push({
      title: `Open source (${file})`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      command: Command.create(`Open source (${file})`, options.openSourceCommand, open),
    });
  }
  // Where a comment line of its own would change the Markdown (a table row, a paragraph's second line, a lazy
  // block-quote line), the comment goes on the claim's line; where no place keeps the structure, no action. A client
  // that resolves actions gets the edit only when the action is chosen (finding the place renders the blocks).
  if (options.resolveEdits) {
    const data: IgnoreData = { factcheckIgnore: { uri: doc.uri, version: doc.version, range: d.range } };
    actions.push({ title: 'Ignore this claim', kind: CodeActionKind.QuickFix, diagnostics: [lsp], data });
    return actions;
  }
  const ignore = ignoreEdit(doc, d.range);
  if (ignore) {
    actions.push({
      title: 'Ignore this claim',
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      edit: workspaceEdit(doc, [ignore], options.documentChanges),
    });
  }
  return actions;
}
