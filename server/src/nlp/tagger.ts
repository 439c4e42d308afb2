// Tokens, parts of speech and lemmas for one sentence, from wink-nlp's English model (see the README for why this
// library). The model is large: it is loaded on first use, once per process, and only sentences that name something
// the dataset knows, or lean on what the draft named, are ever tagged. Only the tagger runs: names, dates, numbers
// and negation are read by the claim reader itself, which knows the dataset's names and the writers' date forms.

import winkNLP, { type ItemToken } from 'wink-nlp';
import type WinkModel from 'wink-eng-lite-web-model';

/** Universal POS tags, as wink's model gives them. */
export type Pos = 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

export interface Token {
  /** The token as written. */
  text: string;
  lower: string;
  lemma: string;
  pos: Pos;
  /** Offsets in the sentence. */
  start: number;
  end: number;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function instance(): Nlp {
  // Required here, not imported: loading the model's 3.6 MB of code is most of its cost. The bundles find it in
  // dist/wink-model.js (esbuild.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp ??= winkNLP(require('wink-eng-lite-web-model') as typeof WinkModel, ['sbd', 'pos']);
  return nlp;
}

/** Loads the model now rather than at the first sentence (the server does so after `initialize`). */
export function warmUp(): void {
  instance();
}

/** The tokens of one sentence. Tabs and line breaks are whitespace, not tokens. Never throws. */
export function tag(sentence: string): Token[] {
  const n = instance();
  const its = n.its;
  const tokens: Token[] = [];
  let at = 0;
  n.readDoc(sentence)
    .tokens()
    .each((t: ItemToken) => {
      const text = t.out(its.value) as string;
      at += (t.out(its.precedingSpaces) as string).length;
      // wink keeps the text's characters, so the offsets can be counted; a mismatch (never seen) falls back to search.
      let start = at;
      if (!sentence.startsWith(text, at)) {
        const found = sentence.indexOf(text, at);
        start = found >= 0 ? found : at;
      }
      at = start + text.length;
      if (t.out(its.type) === 'tabCRLF' || text.trim() === '') return;
      tokens.push({ text, lower: text.toLowerCase(), lemma: String(t.out(its.lemma as never)).toLowerCase(), pos: t.out(its.pos) as Pos, start, end: at });
    });
  return tokens;
}
