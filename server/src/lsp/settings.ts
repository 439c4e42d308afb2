// The `factcheck.*` settings as the server uses them, validated: a bad value falls back to the default.

import { DiagnosticSeverity } from 'vscode-languageserver/node';

export type RunMode = 'onType' | 'onSave' | 'manual';

export interface Settings {
  enable: boolean;
  /** YYYY-MM-DD or undefined. */
  referenceDate?: string;
  run: RunMode;
  severity: DiagnosticSeverity;
  maxFileSize: number;
}

import { DEFAULT_MAX_FILE_SIZE } from '../files';
export { DEFAULT_MAX_FILE_SIZE };

export const defaultSettings: Settings = Object.freeze({
  enable: true,
  referenceDate: undefined,
  run: 'onType',
  severity: DiagnosticSeverity.Warning,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
}) as Settings;

const SEVERITIES: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(value + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Validates raw settings (the `factcheck` section); unknown or invalid values become defaults. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const severity = typeof r.severity === 'string' ? SEVERITIES[r.severity.toLowerCase()] : undefined;
  const run = r.run === 'onType' || r.run === 'onSave' || r.run === 'manual' ? r.run : defaultSettings.run;
  const max = typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize >= 0 ? r.maxFileSize : defaultSettings.maxFileSize;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : defaultSettings.enable,
    referenceDate: isIsoDate(r.referenceDate) ? r.referenceDate : undefined,
    run,
    severity: severity ?? defaultSettings.severity,
    maxFileSize: max,
  };
}
