// `factcheck`: the engine as a command for CI. Thin: arguments, files and output; the checking is the engine's.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEngine, defaultDataDir, loadDataset, DatasetError } from './engine';
import type { Diagnostic } from './types';
import { isIsoDate } from './dates/iso';
import { oneLine } from './controls';

const USAGE = `usage: factcheck [--format text|json] [--reference-date YYYY-MM-DD] [--data DIR] FILE|DIR|GLOB...

Checks Markdown drafts against the fact dataset. Directories and globs expand to their .md files;
.txt files are read as Markdown.

  --format text|json        compiler-style lines (default) or one JSON object on stdout
  --reference-date DATE     resolves "this year", "on Monday" when a draft has no front matter date
  --data DIR                a dataset folder holding facts.json (default: the bundled data/; seeds/ beside it)

Exit status: 0 no warnings, 1 a file has an Error or Warning, 2 bad usage, unreadable file or broken dataset.`;

class UsageError extends Error {}

interface Args { format: 'text' | 'json'; referenceDate?: string; dataDir?: string; inputs: string[] }

function parseArgs(argv: string[]): Args | 'help' {
  const args: Args = { format: 'text', inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value`);
      return argv[++i];
    };
    if (a === '-h' || a === '--help') return 'help';
    else if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
      args.format = f;
    } else if (a === '--reference-date' || a.startsWith('--reference-date=')) {
      const d = value('--reference-date');
      if (!isIsoDate(d)) throw new UsageError(`--reference-date must be a date as YYYY-MM-DD, not "${d}"`);
      args.referenceDate = d;
    } else if (a === '--data' || a.startsWith('--data=')) args.dataDir = value('--data');
    else if (a === '--') args.inputs.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else args.inputs.push(a);
  }
  if (args.inputs.length === 0) throw new UsageError('no files given');
  return args;
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (/\.(md|markdown)$/i.test(entry.name)) out.push(p);
  }
}

/** Files to check, in order: files as given, directories and globs expanded to Markdown files. */
function expand(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input) && !fs.existsSync(input)) {
      const firstWild = input.search(/[*?]/);
      const base = input.slice(0, input.lastIndexOf('/', firstWild) + 1) || '.';
      const re = globToRegExp(input.replace(/^\.\//, ''));
      const found: string[] = [];
      const all: string[] = [];
      const visit = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
          const p = path.join(dir, e.name);
          if (e.isDirectory()) visit(p);
          else all.push(p);
        }
      };
      if (fs.existsSync(base)) visit(base);
      for (const p of all.sort()) if (re.test(p.replace(/^\.\//, '')) && /\.(md|markdown|txt)$/i.test(p)) found.push(p);
      if (found.length === 0) throw new UsageError(`no Markdown files match ${input}`);
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
    process.stderr.write(`factcheck: ${(e as Error).message}\n${USAGE}\n`);
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
    process.stderr.write(`factcheck: ${(e as Error).message}\n`);
    return 2;
  }
  const results: { path: string; diagnostics: Diagnostic[] }[] = [];
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`factcheck: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      unreadable = true;
      continue;
    }
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
    for (const f of results) {
      for (const d of f.diagnostics) {
        out.push(`${f.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${names[d.severity]}: ${d.message} [${d.code}]`);
        for (const fix of d.fixes ?? []) out.push(`  fix: ${fix.title}`);
        const src = d.relatedInformation?.[0];
        if (src) out.push(`  source: ${src.message}`);
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
