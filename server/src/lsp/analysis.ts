// The results of checking one document, as the server keeps and shows them.

import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { CheckResult, Diagnostic } from '../types';

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
