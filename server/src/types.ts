// Public types of the fact engine. LSP-shaped on purpose, so the server passes them through unchanged,
// but declared here so the engine has no dependency on vscode or vscode-languageserver.

/** 0-based line, UTF-16 code-unit column: exactly LSP's Position. */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export const enum Severity { Error = 1, Warning = 2, Information = 3, Hint = 4 }

/** Where a fact comes from: a seed file, the line of the quote (1-based, as editors show it) and the verbatim quote. */
export interface Source { seed: string; line: number; quote: string }

export interface TextEdit { range: Range; newText: string }
export interface Fix { title: string; edit: TextEdit }

export interface RelatedInformation { location: { uri: string; range: Range }; message: string }

/** An LSP Diagnostic plus the fixes that correct it. */
export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  source: 'factcheck';
  message: string;
  relatedInformation?: RelatedInformation[];
  fixes?: Fix[];
  /** Engine-side detail for hovers and code actions; clients may ignore it. */
  data?: DiagnosticData;
}

export interface DiagnosticData {
  /** The claim as understood, in words: "Lukashenko's 4th visit to Beijing in 2023". */
  claim: string;
  /** The right value, in words: "second". */
  expected: string;
  sources: Source[];
}

/** A span of the draft that names a known person or place, for hover cards. */
export interface Mention { range: Range; kind: 'person' | 'place'; id: string; text: string }

/** A date expression inside a claim, as resolved against the reference date. */
export interface DateMention { range: Range; text: string; resolved: string }

export type Verdict = 'consistent' | 'contradicted' | 'undecidable';

/** One claim found in the draft and what the dataset says of it. */
export interface ClaimReport {
  range: Range;
  text: string;
  /** The claim as understood, in words. */
  summary: string;
  verdict: Verdict;
}

export interface CheckOptions {
  /** YYYY-MM-DD; used when the draft has no front matter `date:`. Defaults to today. */
  referenceDate?: string;
  /**
   * The document's identity (its URI). Checks of one document reuse its earlier parse, so an edit re-parses only
   * the blocks it touched. Without it the engine keeps one shared parse state.
   */
  document?: string;
}

export interface CheckResult {
  /** The date that resolved "this year", "on Monday" etc., and where it came from. */
  referenceDate: string;
  referenceDateSource: 'front-matter' | 'option' | 'today';
  diagnostics: Diagnostic[];
  claims: ClaimReport[];
  mentions: Mention[];
  dates: DateMention[];
  stats: { claims: number; contradicted: number; undecidable: number };
  /** The claims, mentions and dates of the blocks on one line, without building those of the whole draft. */
  around?(line: number): Pick<CheckResult, 'claims' | 'mentions' | 'dates'>;
}
