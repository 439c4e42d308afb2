// The engine: a Markdown draft in, diagnostics, claims, mentions and dates out. Work is per prose segment and
// cached by the segment's text, its reference date and what earlier sentences established, so an edit re-parses
// only the blocks it touched. A sentence's words and names are read once per text (drafts repeat sentences), and
// sentences that name nothing the dataset knows are never parsed for dates.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckOptions, CheckResult, ClaimReport, DateMention, Diagnostic, Mention, Position, Range, Source } from '../types';
import type { Dataset } from '../facts/types';
import type { Engine, EngineOptions } from '../engine';
import { FactIndex, WordSet, wordBuffer, wordsOf, type EntityHit, type Words } from '../facts/index';
import { createMarkdownParser, type ProseSegment, type SegmentKind } from '../markdown/index';

type MarkdownParser = ReturnType<typeof createMarkdownParser>;
import { sentenceSpans } from '../claims/sentences';
import { SentenceReading, advanceContext, advanceContextByNames, claimCues, contextKey, copyContext, mayHoldClaim, newContext, parseClaim, contextReads, readingKey, type Context } from '../claims/parse';
import { Judge, type Finding } from './judge';
import { SentenceTable, textHash, type SentenceEntry } from './sentences';
import type { Claim } from '../claims/types';
import { isIsoDate, today } from '../dates/iso';
import { renderHover } from '../hover/index';

/** What one sentence yielded, in segment-text offsets. */
interface SentenceResult {
  start: number;
  end: number;
  /** The judgement the verdict comes from, for its summary (worked out when first read). */
  judged?: SentenceJudgement;
  verdict?: ClaimReport['verdict'];
  finding?: Finding;
  /** The sentence's names, in sentence offsets (shared by every occurrence of its text). */
  hits: EntityHit[];
  dates: { start: number; end: number; text: string; resolved: string }[];
}

interface SegmentResult { sentences: SentenceResult[]; ctxOut: Context }

/** A segment text's results: in the context it came in first, and in any other (a text is mostly in one). */
interface SegmentEntry {
  text: string;
  /** The context it came in first (contexts handed on are never changed). */
  ctx: Context;
  result: SegmentResult;
  others: Map<string, SegmentResult> | undefined;
  /** The next entry of the same hash. */
  next: SegmentEntry | undefined;
}

/** A sentence's claim and verdict, in sentence offsets: the same words in the same context read alike. */
interface SentenceJudgement {
  claim: Claim;
  ref: string;
  summary?: string;
  verdict?: ClaimReport['verdict'];
  finding?: Finding;
  dates: SentenceResult['dates'];
}

/**
 * Words that make a sentence worth parsing even when it names no one: the words by which it can lean on the context
 * (every word of parse.ts's PAIR, PRONOUN, THE_VISIT and THE_MEETING patterns, "there") and titles.
 */
const WORTH_PARSING = new WordSet(['he', 'his', 'him', 'himself', 'they', 'their', 'them', 'leaders', 'presidents', 'men', 'heads', 'pair', 'both', 'president', 'minister', 'there', 'visit', 'trip', 'talks', 'meeting', 'summit', 'counterpart']);
const CACHE_LIMIT = 20_000;
const NO_DATES: SentenceResult['dates'] = [];
const NO_HITS: EntityHit[] = [];
const NO_SENTENCES: SentenceResult[] = [];
const MAX_PARSERS = 64;
/** Longer "sentences" are run-ons, tables of data or garbage; parsing them could only produce false alarms. */
const MAX_SENTENCE = 1_500;

/** The map under `key`, made when missing. */
function level<K, V extends Map<unknown, unknown>>(map: Map<K, V>, key: K): V {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map() as V));
  return inner;
}

/** Whether any of the words is in WORTH_PARSING. */
function worthParsing(words: Words): boolean {
  for (let i = 0; i < words.length; i++) if (WORTH_PARSING.hasWord(words, i)) return true;
  return false;
}

/** Whether a block's working copy of its incoming context still holds what the context held. */
function sameContext(ctx: Context, ctxIn: Context): boolean {
  if (ctx.seen !== ctxIn.seen || ctx.subject !== ctxIn.subject || ctx.country !== ctxIn.country || ctx.place !== ctxIn.place) return false;
  if (ctx.people.length !== ctxIn.people.length) return false;
  for (let i = 0; i < ctx.people.length; i++) if (ctx.people[i] !== ctxIn.people[i]) return false;
  return true;
}

/** Data strings end up in messages: no control characters, no line breaks. */
function plain(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** Where sources' quotes are in their seed files, for diagnostics' related information: the seeds' lines, read once. */
interface SourceCites {
  seedTexts: Map<string, string[] | null>;
  locations: WeakMap<Source, { uri: string; range: Range }>;
}

// The lookups over a dataset, built once per dataset object however many engines use it: immutable once built, and
// a dataset of 100,000 facts takes about 100 ms to index. So are its sources' places in the seeds (by seeds folder)
// and their messages: the same few back many diagnostics, check after check and engine after engine.
const indexes = new WeakMap<Dataset, { index: FactIndex; judge: Judge; cites: Map<string, SourceCites>; sourceMessages: WeakMap<Source, string> }>();

export function createEngine(dataset: Dataset, options: EngineOptions): Engine {
  let built = indexes.get(dataset);
  if (!built) {
    const index = new FactIndex(dataset);
    indexes.set(dataset, (built = { index, judge: new Judge(index), cites: new Map(), sourceMessages: new WeakMap() }));
  }
  const { index, judge, sourceMessages } = built;
  let cites = built.cites.get(options.seedsDir);
  if (!cites) built.cites.set(options.seedsDir, (cites = { seedTexts: new Map(), locations: new WeakMap() }));
  const { seedTexts, locations } = cites;
  const memo = options.memo !== false;
  // Segment results by reference date, kind, text and context key. Nested rather than one key string built per
  // lookup: a joined key is a new string to flatten and hash, as long as the text, every time. Texts go by their
  // sampled hash (textHash), not by a hash of every character, and are told apart by their text. Bounded by the
  // number of entries held.
  const cache = new Map<string, Map<SegmentKind, Map<number, SegmentEntry>>>();
  let cachedSegments = 0;
  // Each sentence text's reading and judgements (by reference date, subject mode and context), bounded by the number
  // of judgements held.
  const sentenceTable = new SentenceTable<SentenceReading, SentenceJudgement>(CACHE_LIMIT);
  let judgements = 0;
  // One word buffer for every block: the words of a block are used up before the next block is scanned.
  const scratchWords = wordBuffer();
  // The sentence spans of the block being checked, as start, end pairs.
  const spans: number[] = [];
  const seedLocation = (s: Source): { uri: string; range: Range } => {
    let location = locations.get(s);
    if (!location) locations.set(s, (location = locate(s)));
    return location;
  };
  const locate = (s: Source): { uri: string; range: Range } => {
    const file = path.join(options.seedsDir, s.seed);
    if (!seedTexts.has(s.seed)) {
      try {
        seedTexts.set(s.seed, fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/));
      } catch {
        seedTexts.set(s.seed, null);
      }
    }
    const line = seedTexts.get(s.seed)?.[s.line - 1] ?? '';
    const col = Math.max(0, line.indexOf(s.quote.split('\n')[0]));
    const len = Math.min(s.quote.length, Math.max(0, line.length - col));
    return { uri: pathToFileURL(file).toString(), range: { start: { line: s.line - 1, character: col }, end: { line: s.line - 1, character: col + len } } };
  };

  const sourceMessage = (src: Source): string => {
    let message = sourceMessages.get(src);
    if (message === undefined) sourceMessages.set(src, (message = plain(`seeds/${src.seed}:${src.line}: “${src.quote}”`)));
    return message;
  };

  const summaryOf = (j: SentenceJudgement): string => (j.summary ??= judge.summarize(j.claim, j.ref));

  // One incremental parser per open document, the least recently used dropped past a bound.
  const parsers = new Map<string, MarkdownParser>();
  const parserFor = (document: string): MarkdownParser => {
    let parser = parsers.get(document);
    if (parser) parsers.delete(document);
    else parser = createMarkdownParser();
    parsers.set(document, parser);
    if (parsers.size > MAX_PARSERS) parsers.delete(parsers.keys().next().value!);
    return parser;
  };

  /** A sentence's claim in its context, and the verdict on it. */
  function judgeSentence(reading: SentenceReading, ctx: Context, ref: string, implicitSubject: boolean): SentenceJudgement {
    const claim = parseClaim(reading, ctx, ref, implicitSubject);
    const judged: SentenceJudgement = { claim, ref, summary: undefined, verdict: undefined, finding: undefined, dates: [] };
    if (claim.action || claim.namedEvent || claim.role || claim.amount) {
      const j = judge.judge(claim, ref, ctx.seen);
      judged.verdict = j.verdict;
      judged.finding = j.finding;
      for (const d of [claim.date, claim.scope, claim.since?.date, claim.namedEvent?.date]) {
        if (d && !judged.dates.some((x) => x.start === d.start)) judged.dates.push({ start: d.start, end: d.end, text: d.text, resolved: d.from === d.to ? d.from : `${d.from} to ${d.to}` });
      }
    }
    return judged;
  }

  /** What the engine keeps about a sentence text, read the first time it is met. */
  function readSentence(text: string, hash: number): SentenceEntry<SentenceReading, SentenceJudgement> {
    const words = wordsOf(text, scratchWords);
    const hits = index.findEntities(text, words);
    const worth = hits.length > 0 || worthParsing(words);
    // No real sentence is this long: keep the names for hover cards, but do not parse it for claims.
    const tooLong = text.length > MAX_SENTENCE;
    const cues = worth && !tooLong ? claimCues(words, 0, words.length) : 0;
    const may = worth && !tooLong && mayHoldClaim(text, hits, cues);
    const sentence: SentenceEntry<SentenceReading, SentenceJudgement> = {
      text, hash, hits: hits.length ? hits : NO_HITS, worth, tooLong, mayHoldClaim: may, reads: may ? contextReads(text, hits) : 0, cues,
      ref: undefined, reading: undefined, plain: [undefined, undefined], byContext: [undefined, undefined],
    };
    sentenceTable.add(sentence);
    return sentence;
  }

  function checkSegment(seg: ProseSegment, ref: string, ctxIn: Context): SegmentResult {
    // Keyed by the segment's text: the incremental parser hands back the same string for an unchanged block, which
    // compares equal at once.
    if (cachedSegments >= CACHE_LIMIT) {
      cache.clear();
      cachedSegments = 0;
    }
    const byText = level(level(cache, ref), seg.kind);
    const hash = textHash(seg.text, 0, seg.text.length);
    const first = byText.get(hash);
    let entry = first;
    while (entry && entry.text !== seg.text) entry = entry.next;
    if (entry && memo) {
      // The context object itself, for a block after unchanged blocks: they hand on the very context they handed on
      // before. Keys are built only to tell two other contexts apart, so a first check builds none.
      const cached = entry.ctx === ctxIn || contextKey(entry.ctx) === contextKey(ctxIn) ? entry.result : entry.others?.get(contextKey(ctxIn));
      if (cached) return cached;
    }
    // Most sentences name no one and say "he" nowhere: they can neither hold a claim nor change the context, and a
    // block of only those leaves no result and the context as it came.
    let ctx: Context | undefined;
    let sentences: SentenceResult[] = NO_SENTENCES;
    const implicitSubject = seg.kind === 'tableRow' || seg.kind === 'listItem';
    const mode = implicitSubject ? 1 : 0;
    const count = sentenceSpans(seg.text, spans);
    for (let k = 0; k < count; k++) {
      const start = spans[2 * k];
      const end = spans[2 * k + 1];
      const sentenceHash = textHash(seg.text, start, end);
      const sentence = sentenceTable.get(sentenceHash, seg.text, start, end) ?? readSentence(seg.text.slice(start, end), sentenceHash);
      if (!sentence.worth) continue;
      if (!ctx) {
        ctx = copyContext(ctxIn, ctxIn.people.slice());
        sentences = [];
      }
      const { hits } = sentence;
      if (!sentence.mayHoldClaim) {
        sentences.push({ start, end, judged: undefined, verdict: undefined, finding: undefined, hits, dates: NO_DATES });
        // A run-on too long to read still names people and places for hover cards, but moves no context.
        if (!sentence.tooLong) advanceContextByNames(ctx, hits, index);
        continue;
      }
      // Repeated sentences in one context read alike: drafts quote and repeat themselves.
      // Rows and list items may leave the subject to the draft: "| Beijing (state visit) | late February 2023 |".
      if (sentence.ref !== ref) {
        // What the words say depends on the reference date ("last year"): read again for another one.
        sentence.ref = ref;
        sentence.reading = undefined;
        sentence.plain = [undefined, undefined];
        sentence.byContext = [undefined, undefined];
      }
      const ctxKey = sentence.reads !== 0 ? readingKey(ctx, sentence.reads) : undefined;
      let known = !memo ? undefined : ctxKey === undefined ? sentence.plain[mode] : sentence.byContext[mode]?.get(ctxKey);
      if (!known) {
        if (judgements >= CACHE_LIMIT) {
          sentenceTable.clear();
          judgements = 0;
        }
        sentence.reading ??= new SentenceReading(sentence.text, hits, ref, index, sentence.cues);
        known = judgeSentence(sentence.reading, ctx, ref, implicitSubject);
        if (ctxKey === undefined) sentence.plain[mode] = known;
        else (sentence.byContext[mode] ??= new Map()).set(ctxKey, known);
        judgements++;
      }
      sentences.push({ start, end, judged: known, verdict: known.verdict, finding: known.finding, hits, dates: known.dates });
      advanceContext(ctx, known.claim, hits, index);
    }
    // The incoming context when the block left it as it was, so its cached key is reused downstream.
    const out: SegmentResult = { sentences, ctxOut: !ctx || sameContext(ctx, ctxIn) ? ctxIn : copyContext(ctx, ctx.people) };
    if (!entry) {
      byText.set(hash, { text: seg.text, ctx: ctxIn, result: out, others: undefined, next: first });
      cachedSegments++;
    } else (entry.others ??= new Map()).set(contextKey(ctxIn), out);
    return out;
  }

  function check(text: string, opts: CheckOptions = {}): CheckResult {
    const doc = parserFor(opts.document ?? '').parse(typeof text === 'string' ? text : String(text ?? ''));
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
    // Diagnostics and counts now; claims, mentions and dates (hover material, thousands of ranges in a long draft)
    // when first asked for. Everything they are built from is immutable: the parsed document, its segments, the
    // cached segment results.
    const visited: ProseSegment[] = [];
    const results: SegmentResult[] = [];
    let claimCount = 0;
    let contradicted = 0;
    let undecidable = 0;
    let ctx = newContext();
    for (const seg of doc.segments) {
      const r = checkSegment(seg, referenceDate, ctx);
      ctx = r.ctxOut;
      visited.push(seg);
      results.push(r);
      for (const s of r.sentences) {
        if (!s.verdict) continue;
        claimCount++;
        if (s.verdict === 'undecidable') undecidable++;
        const f = s.finding;
        if (!f) continue;
        const range = rangeOf(seg, s.start + f.start, s.start + f.end);
        if (doc.isSuppressed(range.start.line)) continue;
        contradicted++;
        const wrong = seg.text.slice(s.start + f.start, s.start + f.end);
        diagnostics.push({
          range,
          severity: 2,
          code: f.code,
          source: 'factcheck',
          message: plain(f.message),
          relatedInformation: f.sources.map((src) => ({ location: seedLocation(src), message: sourceMessage(src) })),
          ...(f.newText && f.newText !== wrong ? { fixes: [{ title: `Replace “${wrong}” with “${f.newText}”`, edit: { range, newText: f.newText } }] } : {}),
          data: { claim: summaryOf(s.judged!), expected: f.expected, sources: f.sources },
        });
      }
    }

    type Details = { claims: ClaimReport[]; mentions: Mention[]; dates: DateMention[] };
    const collect = (wanted: (seg: ProseSegment) => boolean): Details => {
      const claims: ClaimReport[] = [];
      const mentions: Mention[] = [];
      const dates: DateMention[] = [];
      for (let i = 0; i < visited.length; i++) {
        const seg = visited[i];
        if (!wanted(seg)) continue;
        for (const s of results[i].sentences) {
          for (const h of s.hits) {
            if (h.kind === 'event') continue;
            mentions.push({ range: rangeOf(seg, s.start + h.start, s.start + h.end), kind: h.kind, id: h.id, text: seg.text.slice(s.start + h.start, s.start + h.end) });
          }
          if (!s.verdict) continue;
          for (const d of s.dates) dates.push({ range: rangeOf(seg, s.start + d.start, s.start + d.end), text: d.text, resolved: d.resolved });
          const f = s.finding;
          // A suppressed finding leaves a claim the writer vouches for.
          const verdict = f && doc.isSuppressed(rangeOf(seg, s.start + f.start, s.start + f.end).start.line) ? 'consistent' : s.verdict;
          claims.push({ range: rangeOf(seg, s.start, s.end), text: seg.text.slice(s.start, s.end), summary: summaryOf(s.judged!), verdict });
        }
      }
      return { claims, mentions, dates };
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
      stats: { claims: claimCount, contradicted, undecidable },
    };
    // Not enumerable: a result stays plain data to JSON.stringify and structured clone (workers, IPC).
    Object.defineProperty(result, 'around', {
      value: (line: number) => details ?? collect((seg) => seg.startLine <= line && line <= seg.endLine),
      enumerable: false,
    });
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
      parsers.delete(document);
    },
  };
}
