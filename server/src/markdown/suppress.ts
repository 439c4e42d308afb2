// Suppression comments, markdownlint style. Semantics (per 0-based document line):
//
// - `<!-- factcheck-disable -->` suppresses from its own line on, up to the line before the next
//   `<!-- factcheck-enable -->` (or to the end of the document). When both sit on the same line
//   ("<!-- factcheck-disable --> claim <!-- factcheck-enable -->") that line is suppressed.
//   A disable while already disabled, or an enable while enabled, changes nothing.
// - `<!-- factcheck-disable-line -->` suppresses the line it is on.
// - `<!-- factcheck-disable-next-line -->` suppresses the next line that is not blank after the line the
//   comment ends on. markdownlint uses the very next line; skipping blank lines makes the comment work
//   as its own HTML block, which Markdown requires to be followed by a blank line in many styles.
//
// Comments may be inline in a paragraph or their own HTML block; comments inside code blocks, fenced code
// and front matter do not count. Whitespace inside the comment is free: `<!--factcheck-disable-->` works.

import type { LineIndex } from './lines';

const DIRECTIVE = /<!--[ \t\r\n]*factcheck-(disable-next-line|disable-line|disable|enable)[ \t\r\n]*-->/g;

/**
 * Per-line suppression flags. `ignored[line]` is 1 for lines whose comments do not count (code, front
 * matter). Returns null when the document has no directive at all.
 */
export function computeSuppression(lines: LineIndex, ignored: Uint8Array | null): Uint8Array | null {
  const text = lines.text;
  if (text.indexOf('factcheck-') < 0) return null;
  const flags = new Uint8Array(lines.lineCount);
  let any = false;
  let disabledFrom = -1;
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text)) !== null) {
    const line = lines.lineAt(m.index);
    if (ignored && ignored[line]) continue;
    any = true;
    switch (m[1]) {
      case 'disable':
        if (disabledFrom < 0) disabledFrom = line;
        break;
      case 'enable':
        if (disabledFrom >= 0) {
          const last = line > disabledFrom ? line - 1 : line;
          flags.fill(1, disabledFrom, last + 1);
          disabledFrom = -1;
        }
        break;
      case 'disable-line':
        flags[line] = 1;
        break;
      case 'disable-next-line': {
        let next = lines.lineAt(m.index + m[0].length - 1) + 1;
        while (next < lines.lineCount && lines.isBlank(next)) next++;
        if (next < lines.lineCount) flags[next] = 1;
        break;
      }
    }
  }
  if (disabledFrom >= 0) flags.fill(1, disabledFrom);
  return any ? flags : null;
}
