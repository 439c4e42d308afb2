// The results of checking one document, as the server keeps and shows them.

import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckResult, Diagnostic } from '../types';
import { toLspDiagnostic } from './convert';
import type { Settings } from './settings';
import type { ServerContext } from './context';
import type { CheckSummary } from './protocol';

export interface Analysis {
  id: number;
  uri: string;
  version: number;
  generation: number;
  settingsKey: string;
  result?: CheckResult;
  engineDiagnostics: Diagnostic[];
  diagnostics: LspDiagnostic[];
  skipped?: 'disabled' | 'too-large' | 'no-dataset' | 'engine-error';
}

export function tooLarge(base: Omit<Analysis, 'diagnostics'>, bytes: number, settings: Settings): Analysis {
  return {
    ...base,
    skipped: 'too-large',
    diagnostics: [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        code: 'file-too-large',
        source: 'factcheck',
        message: `Not fact-checked: the file is ${bytes} bytes, larger than factcheck.maxFileSize (${settings.maxFileSize} bytes).`,
      },
    ],
  };
}

export function analyzeText(ctx: ServerContext, uri: string, version: number, text: string, settings: Settings): Analysis {
  const settingsKey = JSON.stringify(settings);
  const base = { id: ++ctx.analysisIds, uri, version, generation: ctx.holder?.generation ?? 0, settingsKey, engineDiagnostics: [] as Diagnostic[] };
  if (!settings.enable) return { ...base, diagnostics: [], skipped: 'disabled' };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > settings.maxFileSize) return tooLarge(base, bytes, settings);
  const engine = ctx.holder?.engine;
  if (!engine) return { ...base, diagnostics: [], skipped: 'no-dataset' };
  let result: CheckResult;
  try {
    result = engine.check(text, settings.referenceDate ? { referenceDate: settings.referenceDate, document: uri } : { document: uri });
  } catch (err) {
    ctx.logError(`The fact engine failed on ${uri}: ${err instanceof Error ? err.stack || err.message : String(err)}`);
    return { ...base, diagnostics: [], skipped: 'engine-error' };
  }
  const engineDiagnostics = Array.isArray(result?.diagnostics) ? result.diagnostics : [];
  return {
    ...base,
    result,
    engineDiagnostics,
    diagnostics: engineDiagnostics.map((d) => toLspDiagnostic(d, settings.severity)),
  };
}

export function unopenedBase(ctx: ServerContext, uri: string): Omit<Analysis, 'diagnostics'> {
  return { id: ++ctx.analysisIds, uri, version: 0, generation: ctx.holder?.generation ?? 0, settingsKey: '', engineDiagnostics: [] };
}

/** The analysis of the document's current text, from cache when nothing changed. */
export function current(ctx: ServerContext, doc: TextDocument, settings: Settings): Analysis {
  const key = JSON.stringify(settings);
  const cached = ctx.latest.get(doc.uri);
  if (cached && cached.version === doc.version && cached.generation === (ctx.holder?.generation ?? 0) && cached.settingsKey === key) {
    return cached;
  }
  const analysis = analyzeText(ctx, doc.uri, doc.version, doc.getText(), settings);
  ctx.latest.set(doc.uri, analysis);
  return analysis;
}

export function snapshot(ctx: ServerContext, doc: TextDocument, settings: Settings): Analysis {
  const analysis = current(ctx, doc, settings);
  ctx.snapshots.set(doc.uri, analysis);
  return analysis;
}

/** What the editor should show for the document now, given the run mode. */
export function visible(ctx: ServerContext, doc: TextDocument, settings: Settings): Analysis {
  if (settings.run === 'onType' || !settings.enable) return current(ctx, doc, settings);
  let shown = ctx.snapshots.get(doc.uri);
  if (!shown && settings.run === 'onSave') shown = snapshot(ctx, doc, settings); // onSave also checks on open
  if (!shown) {
    return { id: 0, uri: doc.uri, version: doc.version, generation: 0, settingsKey: '', engineDiagnostics: [], diagnostics: [] };
  }
  return shown;
}

export function summary(analysis: Analysis): CheckSummary {
  const stats = analysis.result?.stats;
  return {
    uri: analysis.uri,
    claims: stats?.claims ?? 0,
    contradicted: stats?.contradicted ?? 0,
    undecidable: stats?.undecidable ?? 0,
    diagnostics: analysis.diagnostics.length,
    ...(analysis.skipped ? { skipped: analysis.skipped } : {}),
  };
}
