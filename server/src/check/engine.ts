// The engine: a Markdown draft in; diagnostics, claims, mentions and dates out. Each prose segment (paragraph,
// heading, list item, table row) is split into sentences and each sentence read into frames once per text
// (claims/read.ts): an edit re-reads only the segments it changed. The draft's context (who "he" is) and the judging
// (claims/shapes) run on every check; they are cheap.

import type { CheckOptions, CheckResult, ClaimReport, DateMention, Diagnostic, Mention, Position, Range } from '../types';
import type { Dataset } from '../facts/types';
import type { Engine, EngineOptions } from '../engine';
import { FactIndex } from '../facts/index';
import { createMarkdownParser, type MarkdownParser, type ProseSegment } from '../markdown/index';
import { isIsoDate, today } from '../dates/iso';
import { renderHover } from '../hover/index';
import { Facts } from '../claims/facts';
import { judgeDraft, newJudgeMemo, type JudgedSentence } from './judge';
import { MAX_SENTENCES, SegmentReader, type SegmentReading } from './segments';
import { SourceCites } from './sources';
import { warmUp } from '../nlp/tagger';

const MAX_DOCUMENTS = 64;

/** Data strings end up in messages: no control characters, no line breaks. */
function plain(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

// The lookups over a dataset are built once per dataset object, however many engines use it.
const indexes = new WeakMap<Dataset, Facts>();

export function createEngine(dataset: Dataset, options: EngineOptions): Engine {
  let facts = indexes.get(dataset);
  if (!facts) indexes.set(dataset, (facts = new Facts(new FactIndex(dataset))));
  const reader = new SegmentReader(facts.index);
  const judgeMemo = newJudgeMemo();
  const cites = new SourceCites(options.seedsDir);
  // Per open document, the least recently used dropped past a bound: its incremental Markdown parser, and the
  // readings of its segments at its last check (what an edit leaves alone is not read again).
  const documents = new Map<string, { parser: MarkdownParser; readings: Map<string, SegmentReading> }>();
  const documentState = (document: string) => {
    let state = documents.get(document);
    if (state) documents.delete(document);
    else state = { parser: createMarkdownParser(), readings: new Map() };
    documents.set(document, state);
    if (documents.size > MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
    return state;
  };

  function check(text: string, opts: CheckOptions = {}): CheckResult {
    const state = documentState(opts.document ?? '');
    const doc = state.parser.parse(typeof text === 'string' ? text : String(text ?? ''));
    const fm = doc.frontMatter;
    let referenceDate: string;
    let referenceDateSource: CheckResult['referenceDateSource'];
    if (fm?.date && isIsoDate(fm.date)) [referenceDate, referenceDateSource] = [fm.date, 'front-matter'];
    else if (opts.referenceDate && isIsoDate(opts.referenceDate)) [referenceDate, referenceDateSource] = [opts.referenceDate, 'option'];
    else [referenceDate, referenceDateSource] = [today(), 'today'];

    const diagnostics: Diagnostic[] = [];
    if (fm?.error || fm?.dateError) {
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
        severity: 3,
        code: 'front-matter',
        source: 'factcheck',
        message: `${(fm.error ?? fm.dateError ?? '').replace(/\.?\s*$/, '.')} Dates resolve against ${referenceDate} (${referenceDateSource === 'option' ? 'the configured reference date' : 'today'}).`,
      });
    }
    const at = (seg: ProseSegment, i: number): Position => doc.positionAt(seg.offsets[Math.min(i, seg.text.length)]);
    const rangeOf = (seg: ProseSegment, start: number, end: number): Range => ({ start: at(seg, start), end: end > start ? doc.positionAt(seg.offsets[end - 1] + 1) : at(seg, start) });

    const readings = new Map<string, SegmentReading>();
    const segments = doc.segments.map((seg) => ({ seg, reading: reader.read(seg, referenceDate, state.readings, readings) }));
    state.readings = readings;
    for (const { seg, reading } of segments) {
      if (!reading.tooLong) continue;
      const start = at(seg, 0);
      diagnostics.push({
        range: { start, end: { line: start.line, character: start.character + 1 } },
        severity: 3,
        code: 'not-checked',
        source: 'factcheck',
        message: `This paragraph has ${reading.tooLong.toLocaleString('en-US')} sentences (${Math.round(seg.text.length / 1000)} KB); claims in paragraphs of more than ${MAX_SENTENCES.toLocaleString('en-US')} sentences are not checked. Break it into paragraphs to check it.`,
      });
    }
    const judged = judgeDraft(segments, referenceDate, facts!, judgeMemo);
    let claims = 0;
    let contradicted = 0;
    let undecidable = 0;
    for (const j of judged) {
      if (!j.verdict) continue;
      claims++;
      if (j.verdict === 'undecidable') undecidable++;
      for (const f of j.findings) {
        const seg = j.segment;
        const range = rangeOf(seg, j.start + f.start, j.start + f.end);
        if (doc.isSuppressed(range.start.line)) continue;
        contradicted++;
        const wrong = seg.text.slice(j.start + f.start, j.start + f.end);
        diagnostics.push({
          range,
          severity: 2,
          code: f.code,
          source: 'factcheck',
          message: plain(f.message),
          relatedInformation: f.sources.map((src) => ({ location: cites.location(src), message: plain(cites.message(src)) })),
          ...(f.newText && f.newText !== wrong ? { fixes: [{ title: `Replace “${wrong}” with “${f.newText}”`, edit: { range, newText: f.newText } }] } : {}),
          data: { claim: j.summary, expected: f.expected, sources: f.sources },
        });
      }
    }

    type Details = { claims: ClaimReport[]; mentions: Mention[]; dates: DateMention[] };
    const collect = (wanted: (seg: ProseSegment) => boolean): Details => {
      const out: Details = { claims: [], mentions: [], dates: [] };
      for (const { seg, reading } of segments) {
        if (!wanted(seg)) continue;
        for (const s of reading.sentences) {
          for (const m of s.mentions) {
            if (m.kind === 'event') continue;
            out.mentions.push({ range: rangeOf(seg, s.start + m.start, s.start + m.end), kind: m.kind, id: m.id, text: seg.text.slice(s.start + m.start, s.start + m.end) });
          }
          for (const d of s.dates) out.dates.push({ range: rangeOf(seg, s.start + d.start, s.start + d.end), text: d.text, resolved: d.from === d.to ? d.from : `${d.from} to ${d.to}` });
        }
      }
      for (const j of judged) {
        if (!j.verdict || !wanted(j.segment)) continue;
        const suppressed = j.findings.length > 0 && j.findings.every((f) => doc.isSuppressed(rangeOf(j.segment, j.start + f.start, j.start + f.end).start.line));
        // A suppressed finding leaves a claim the writer vouches for.
        out.claims.push({ range: rangeOf(j.segment, j.start, j.end), text: j.segment.text.slice(j.start, j.end), summary: j.summary, verdict: suppressed ? 'consistent' : j.verdict });
      }
      return out;
    };
    let details: Details | undefined;
    const detail = () => (details ??= collect(() => true));
    const result: CheckResult = {
      referenceDate,
      referenceDateSource,
      diagnostics,
      get claims() {
        return detail().claims;
      },
      get mentions() {
        return detail().mentions;
      },
      get dates() {
        return detail().dates;
      },
      stats: { claims, contradicted, undecidable },
    };
    // Not enumerable: a result stays plain data to JSON.stringify and structured clone (workers, IPC).
    Object.defineProperty(result, 'around', { value: (line: number) => details ?? collect((seg) => seg.startLine <= line && line <= seg.endLine), enumerable: false });
    return result;
  }

  return {
    dataset,
    check(text, opts) {
      try {
        return check(text, opts);
      } catch (e) {
        if (process.env.FACTCHECK_DEBUG) console.error(e);
        // The engine must never take the editor down: report the failure as one Information diagnostic.
        return {
          referenceDate: opts?.referenceDate ?? today(),
          referenceDateSource: 'option',
          diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: 'internal-error', source: 'factcheck', message: `factcheck could not check this draft: ${(e as Error).message}` }],
          claims: [],
          mentions: [],
          dates: [],
          stats: { claims: 0, contradicted: 0, undecidable: 0 },
        };
      }
    },
    hover(result, position) {
      return renderHover(dataset, result, position, options.seedsDir);
    },
    forget(document) {
      documents.delete(document);
    },
    warmUp,
  };
}

export type { JudgedSentence };
