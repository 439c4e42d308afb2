// What the server offers clients beyond the LSP itself: its commands, its status notification and its
// initialization options.

import { NotificationType } from 'vscode-languageserver/node';
import type { CheckResult } from '../types';
import { OPEN_SOURCE_COMMAND } from './convert';
import type { Analysis } from './analysis';

export const COMMANDS = {
  checkDocument: 'factcheck.checkDocument',
  checkWorkspace: 'factcheck.checkWorkspace',
  openSource: OPEN_SOURCE_COMMAND,
  reloadData: 'factcheck.reloadData',
} as const;

/** Sent after each check of an open document and after each dataset load, when the client asks for it. */
export interface StatusParams {
  dataset?: { facts: number; sources: number };
  datasetError?: string;
  uri?: string;
  stats?: CheckResult['stats'];
  skipped?: Analysis['skipped'];
}
export const StatusNotification = new NotificationType<StatusParams>('factcheck/status');

export interface InitializationOptions {
  dataDir?: string;
  seedsDir?: string;
  /** Commands the client implements itself; the server handles them too but does not advertise them. */
  clientCommands?: string[];
  /** Send factcheck/status notifications. */
  statusNotifications?: boolean;
  /** Debounce of pushed diagnostics after an edit, in milliseconds (default 200). */
  debounceMs?: number;
  /** Watch facts.json and reload it on change (default true). */
  watchData?: boolean;
}

export interface CheckSummary {
  uri: string;
  claims: number;
  contradicted: number;
  undecidable: number;
  diagnostics: number;
  skipped?: Analysis['skipped'];
}
