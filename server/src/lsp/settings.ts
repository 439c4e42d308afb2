// The `factcheck.*` settings as the server uses them, validated: a bad value falls back to the default, and the
// problems are reported (the server logs them once).

import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { DEFAULT_MAX_FILE_SIZE } from '../files';
import { oneLine } from '../controls';

export { DEFAULT_MAX_FILE_SIZE };

export type RunMode = 'onType' | 'onSave' | 'manual';

export interface Settings {
  enable: boolean;
  /** YYYY-MM-DD or undefined. */
  referenceDate?: string;
  run: RunMode;
  severity: DiagnosticSeverity;
  maxFileSize: number;
}

/**
 * The largest factcheck.maxFileSize accepted (package.json says the same): a check holds about a hundred times a
 * draft's size at its peak, so a workspace setting of gigabytes would take the server down.
 */
export const MAX_MAX_FILE_SIZE = 16 * 1024 * 1024;

export const defaultSettings: Settings = Object.freeze({
  enable: true,
  referenceDate: undefined,
  run: 'onType',
  severity: DiagnosticSeverity.Warning,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
}) as Settings;

// A Map, not an object: `SEVERITIES["__proto__"]` on an object literal is Object.prototype.
const SEVERITIES = new Map<string, DiagnosticSeverity>([
  ['error', DiagnosticSeverity.Error],
  ['warning', DiagnosticSeverity.Warning],
  ['information', DiagnosticSeverity.Information],
  ['info', DiagnosticSeverity.Information],
  ['hint', DiagnosticSeverity.Hint],
]);
const RUN_MODES: readonly RunMode[] = ['onType', 'onSave', 'manual'];

function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(value + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const show = (v: unknown): string => oneLine(typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' && v !== null ? (Array.isArray(v) ? 'an array' : 'an object') : String(v)).slice(0, 80);

/** Validates raw settings (the `factcheck` section); unknown or invalid values become defaults, each with a problem. */
export function checkSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const r = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  if (raw !== null && raw !== undefined && r !== raw) problems.push(`factcheck is ${show(raw)}, not an object of settings`);
  const own = (key: string): unknown => (Object.prototype.hasOwnProperty.call(r, key) ? r[key] : undefined);

  let enable = defaultSettings.enable;
  const e = own('enable');
  if (typeof e === 'boolean') enable = e;
  else if (e !== undefined && e !== null) problems.push(`factcheck.enable is ${show(e)}, not true or false`);

  let referenceDate: string | undefined;
  const d = own('referenceDate');
  if (isIsoDate(d)) referenceDate = d;
  else if (d !== undefined && d !== null && d !== '') problems.push(`factcheck.referenceDate is ${show(d)}, not a YYYY-MM-DD date`);

  let run = defaultSettings.run;
  const m = own('run');
  if (typeof m === 'string' && (RUN_MODES as readonly string[]).includes(m)) run = m as RunMode;
  else if (m !== undefined && m !== null) problems.push(`factcheck.run is ${show(m)}, not one of ${RUN_MODES.join(', ')}`);

  let severity = defaultSettings.severity;
  const s = own('severity');
  const known = typeof s === 'string' ? SEVERITIES.get(s.toLowerCase()) : undefined;
  if (known !== undefined) severity = known;
  else if (s !== undefined && s !== null) problems.push(`factcheck.severity is ${show(s)}, not one of error, warning, information, hint`);

  let maxFileSize = defaultSettings.maxFileSize;
  const x = own('maxFileSize');
  if (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MAX_MAX_FILE_SIZE) maxFileSize = x;
  else if (x !== undefined && x !== null) problems.push(`factcheck.maxFileSize is ${show(x)}, not a number of bytes from 0 to ${MAX_MAX_FILE_SIZE}`);

  return { settings: { enable, referenceDate, run, severity, maxFileSize }, problems };
}

/** Validates raw settings; unknown or invalid values become defaults. */
export function normalizeSettings(raw: unknown): Settings {
  return checkSettings(raw).settings;
}
