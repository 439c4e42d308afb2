// Escaping of untrusted text (names, quotes, labels from the dataset; text from the draft) for Markdown hovers.
//
// Every ASCII punctuation character that means something to CommonMark, GFM or an HTML-in-Markdown renderer is
// backslash-escaped, and all line breaks and control characters become spaces, so that a data string can never
// open a link (`[x](command:...)`), an autolink (`<https://...>`, `www.x.com`, `https://x`), raw HTML, a code span,
// emphasis, a heading, a list, a table or a block quote. CommonMark guarantees that a backslash before ASCII
// punctuation renders the punctuation literally, in every renderer that follows it (markdown-it, marked).

const SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:@$]/g;
// C0/C1 controls, line and paragraph separators, BOM: all become a space (or vanish for zero-width ones).
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// Zero-width characters and every bidirectional control (marks U+200E, U+200F, U+061C; embeddings and overrides
// U+202A-U+202E; isolates U+2066-U+2069) vanish: data must not reorder what a hover shows around it.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Escapes `text` so that it renders as exactly itself, inline, in any CommonMark renderer. */
export function escapeMarkdown(text: unknown): string {
  const s = typeof text === 'string' ? text : text === undefined || text === null ? '' : String(text);
  return s.replace(BREAKS, ' ').replace(INVISIBLE, '').replace(/ {2,}/g, ' ').replace(SPECIAL, '\\$&');
}

/** Shortens long text (quotes) to `max` characters at a word boundary, before escaping. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
