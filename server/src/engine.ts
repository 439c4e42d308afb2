// The fact engine's public face. The language server, the CLI, the benchmark and the tests all go through here.
// Pure TypeScript: no vscode, no LSP library.

import type { CheckOptions, CheckResult, Position } from './types';
import type { Dataset } from './facts/types';

export interface EngineOptions {
  /** Absolute path of the seeds folder, for the file URIs that diagnostics cite. */
  seedsDir: string;
}

export interface Engine {
  readonly dataset: Dataset;
  /** Checks one Markdown draft. Never throws on any input text. */
  check(text: string, options?: CheckOptions): CheckResult;
  /** A Markdown hover card for the position, or null: a person, a place, a flagged claim or a date. */
  hover(result: CheckResult, position: Position): string | null;
  /** Drops what the engine keeps for a document (its parse state), when the editor closes it. */
  forget(document: string): void;
  /** Loads the language model now, rather than during the first check (the server does so once it is idle). */
  warmUp(): void;
}

export { loadDataset, DatasetError, defaultDataDir, defaultSeedsDir } from './facts/load';
export { createEngine } from './check/engine';
export { parseMarkdown } from './markdown/index';
