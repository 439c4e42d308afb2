// Text from files, datasets and file names on its way to a terminal or a log: every line break and control
// character written as an escape, so that one message stays one line and no escape sequence reaches a terminal.

// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional controls (which reorder
// what a terminal shows: a file name "x\u202eGOD.md" reads as "xdm.DOG").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

/** `text` on one line, with line breaks and other control characters written as escapes (\n, \u001b). */
export function oneLine(text: unknown): string {
  return String(text).replace(CONTROL, escape);
}
