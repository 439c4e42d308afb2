// The state of one running server, shared by the modules that handle its messages: what the client can do (read at
// initialize), where the LSP lifecycle stands, the dataset, and the caches of settings and analyses per document.

import type * as fs from 'fs';
import type { Connection } from 'vscode-languageserver/node';
import type { DatasetHolder } from './dataset';
import { DocumentStore } from './documents';
import type { Settings } from './settings';
import type { Analysis } from './analysis';
import type { InitializationOptions } from './protocol';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: DocumentStore;
  holder: DatasetHolder | undefined;
  options: InitializationOptions;
  pull: boolean;
  refreshSupport: boolean;
  configurationSupport: boolean;
  dynamicConfiguration: boolean;
  documentChanges: boolean;
  resolveEdits: boolean;
  showDocumentSupport: boolean;
  serverProgressSupport: boolean;
  workspaceFolders: string[];
  workspaceFoldersSupport: boolean;
  globalSettings: unknown;
  analysisIds: number;
  /** LSP lifecycle: `initialize` answered once; `initialized` taken once; after `shutdown`, only `exit`. */
  initializeAnswered: boolean;
  initializedSeen: boolean;
  shuttingDown: boolean;

  readonly settingsCache: Map<string, Promise<Settings>>;
  /** Problems already logged, so that each bad configuration is reported once, not on every document. */
  readonly reportedSettings: Set<string>;
  /** The latest analysis of each open document (any version), reused while version, dataset and settings match. */
  readonly latest: Map<string, Analysis>;
  /** For run = onSave or manual: the analysis that is shown until the next save or manual check. */
  readonly snapshots: Map<string, Analysis>;
  readonly timers: Map<string, NodeJS.Timeout>;
  /** Unopened files that got pushed diagnostics from checkWorkspace. */
  readonly pushedUnopened: Set<string>;
  dataWatcher: fs.FSWatcher | undefined;
  reloadTimer: NodeJS.Timeout | undefined;

  readonly log: (message: string) => void;
  readonly logError: (message: string) => void;
}

export function createContext(connection: Connection): ServerContext {
  return {
    connection,
    documents: new DocumentStore(),
    holder: undefined,
    options: {},
    pull: false,
    refreshSupport: false,
    configurationSupport: false,
    dynamicConfiguration: false,
    documentChanges: false,
    resolveEdits: false,
    showDocumentSupport: false,
    serverProgressSupport: false,
    workspaceFolders: [],
    workspaceFoldersSupport: false,
    globalSettings: undefined,
    analysisIds: 0,
    initializeAnswered: false,
    initializedSeen: false,
    shuttingDown: false,

    settingsCache: new Map<string, Promise<Settings>>(),
    reportedSettings: new Set<string>(),
    latest: new Map<string, Analysis>(),
    snapshots: new Map<string, Analysis>(),
    timers: new Map<string, NodeJS.Timeout>(),
    pushedUnopened: new Set<string>(),
    dataWatcher: undefined,
    reloadTimer: undefined,

    log: (message: string) => connection.console.log(message),
    logError: (message: string) => connection.console.error(message),
  };
}
