// `factcheck`: the engine as a command for CI. Thin: arguments, files and output; the checking is the engine's.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs as parseArgv } from 'node:util';
import { createEngine, defaultDataDir, loadDataset, DatasetError } from './engine';
import type { Diagnostic } from './types';
import { isIsoDate } from './dates/iso';
import { oneLine } from './controls';
import { DEFAULT_MAX_FILE_SIZE, readRegularFileSync } from './files';
import { expandGlob } from './globs';

const USAGE = `usage: factcheck [--format text|json] [--reference-date YYYY-MM-DD] [--data DIR] [--max-file-size BYTES] FILE|DIR|GLOB...

Checks Markdown drafts against the fact dataset. Directories and globs expand to their .md files;
.txt files are read as Markdown.

  --format text|json        compiler-style lines (default) or one JSON object on stdout
  --reference-date DATE     resolves "this year", "on Monday" when a draft has no front matter date
  --data DIR                a dataset folder holding facts.json (default: the bundled data/; seeds/ beside it)
  --max-file-size BYTES     larger files are not checked (default ${DEFAULT_MAX_FILE_SIZE}, as in the editor)

Only regular files are read: a FIFO, a device or a file over the size limit is reported on stderr and
skipped, and the other files are still checked.

Exit status: 0 no warnings, 1 a file has an Error or Warning, 2 bad usage, a file not checked
(unreadable, not a regular file, too large) or a broken dataset.`;

class UsageError extends Error {}

interface Args { format: 'text' | 'json'; referenceDate?: string; dataDir?: string; maxFileSize: number; inputs: string[] }

function parseArgs(argv: string[]): Args | 'help' {
  let parsed: ReturnType<typeof parseArgv<{ args: string[]; allowPositionals: true; strict: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgv({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (e) {
    // node:util's messages ("Unknown option '--x'. To specify a positional argument starting with a '-', place
    // it at the end of the command after '--', as in '-- \"--x\"") are long: the first sentence is enough.
    throw new UsageError(oneLine(String((e as Error).message).split('. ')[0]));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const args: Args = { format: 'text', maxFileSize: DEFAULT_MAX_FILE_SIZE, inputs: positionals };
  if (values.format !== undefined) {
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${oneLine(values.format)}"`);
    args.format = values.format;
  }
  if (values['reference-date'] !== undefined) {
    const d = values['reference-date'];
    if (!isIsoDate(d)) throw new UsageError(`--reference-date must be a date as YYYY-MM-DD, not "${oneLine(d)}"`);
    args.referenceDate = d;
  }
  if (values.data !== undefined) args.dataDir = values.data;
  if (values['max-file-size'] !== undefined) {
    const v = values['max-file-size'];
    if (!/^\d{1,15}$/.test(v)) throw new UsageError(`--max-file-size must be a number of bytes, not "${oneLine(v)}"`);
    args.maxFileSize = Number(v);
  }
  if (args.inputs.length === 0) throw new UsageError('no files given');
  return args;
}

const OPTIONS = {
  format: { type: 'string' },
  'reference-date': { type: 'string' },
  data: { type: 'string' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isDynamicPattern } = require('tinyglobby') as typeof import('tinyglobby');

const DRAFT_FILE = /\.(md|markdown)$/i;
const GLOB_FILE = /\.(md|markdown|txt)$/i;

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    // Anything named like a draft; what is not a regular file is refused when read, with a message.
    else if (DRAFT_FILE.test(entry.name)) out.push(p);
  }
}

/**
 * Files to check, in order: files as given, directories and globs expanded to Markdown files. Globs are
 * tinyglobby's (./globs.ts): a hand-made translation to one regular expression backtracked for seconds on
 * `a*a*a*…zz.md` or `**\/**\/**…`.
 */
function expand(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input) && !fs.existsSync(input)) {
      const found = expandGlob(input)
        .filter((p) => GLOB_FILE.test(p))
        .sort();
      if (found.length === 0) throw new UsageError(`no Markdown files match ${oneLine(input)}`);
      out.push(...found);
    } else if (fs.existsSync(input) && fs.statSync(input).isDirectory()) walk(input, out);
    else out.push(input);
  }
  return out;
}

function main(argv: string[]): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`factcheck: ${oneLine((e as Error).message)}\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  let engine;
  try {
    const dataDir = args.dataDir ? path.resolve(args.dataDir) : defaultDataDir();
    const seedsDir = path.join(dataDir, '..', 'seeds');
    engine = createEngine(loadDataset(dataDir, seedsDir), { seedsDir });
  } catch (e) {
    const msg = e instanceof DatasetError ? `broken dataset: ${e.message}` : `cannot load the dataset: ${oneLine((e as Error).message)}`;
    process.stderr.write(`factcheck: ${msg}\n`);
    return 2;
  }
  let files: string[];
  try {
    files = expand(args.inputs);
  } catch (e) {
    process.stderr.write(`factcheck: ${oneLine((e as Error).message)}\n`);
    return 2;
  }
  const results: { path: string; diagnostics: Diagnostic[] }[] = [];
  let unreadable = false;
  for (const file of files) {
    const read = readRegularFileSync(file, args.maxFileSize);
    if (!read.ok) {
      const why = read.reason === 'too-large' ? `${read.message} (--max-file-size)` : read.message;
      process.stderr.write(`factcheck: not checked: ${oneLine(file)}: ${why}\n`);
      unreadable = true;
      continue;
    }
    const text = read.text;
    // A seed is dated by the dataset: its dateline, or the year its content places it in.
    const seed = engine.dataset.seeds.find((s) => s.file === path.basename(file));
    const r = engine.check(text, { referenceDate: args.referenceDate ?? seed?.referenceDate });
    results.push({ path: file, diagnostics: r.diagnostics.map(({ data: _data, ...d }) => d) });
  }
  const problems = results.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity <= 2).length, 0);
  if (args.format === 'json') process.stdout.write(JSON.stringify({ files: results }) + '\n');
  else {
    const names = ['', 'error', 'warning', 'info', 'hint'];
    // One write: a long draft has thousands of lines, and a write a line is a system call a line.
    const out: string[] = [];
    // Every string from outside (a file name, a message quoting the draft or the data) has its control
    // characters escaped: a name with a newline cannot forge a line, nor an escape sequence reach the terminal.
    for (const f of results) {
      const name = oneLine(f.path);
      for (const d of f.diagnostics) {
        out.push(`${name}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${names[d.severity]}: ${oneLine(d.message)} [${oneLine(d.code)}]`);
        for (const fix of d.fixes ?? []) out.push(`  fix: ${oneLine(fix.title)}`);
        const src = d.relatedInformation?.[0];
        if (src) out.push(`  source: ${oneLine(src.message)}`);
      }
    }
    out.push(`${problems} problem${problems === 1 ? '' : 's'} in ${results.filter((f) => f.diagnostics.some((d) => d.severity <= 2)).length} of ${results.length} file${results.length === 1 ? '' : 's'} checked`);
    process.stdout.write(out.join('\n') + '\n');
  }
  if (unreadable) return 2;
  return problems > 0 ? 1 : 0;
}

// Exit once the report is out rather than when the event loop runs dry: a natural exit first tears down the heap,
// which a 1 MB draft leaves at about 100 MB, for nothing. An empty write's callback comes when what was written
// before it is flushed, so no output is cut short where pipes are asynchronous (Windows, macOS).
const code = main(process.argv.slice(2));
process.stderr.write('', () => process.stdout.write('', () => process.exit(code)));
