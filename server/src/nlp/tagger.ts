// Tokens, parts of speech, lemmas, negation and number entities for one sentence, from wink-nlp's English model
// (see the README for why this library). The model is large: it is loaded on first use, once per process, and only
// sentences that name something the dataset knows are ever tagged.

import winkNLP, { type ItemEntity, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Universal POS tags, as wink's model gives them. */
export type Pos = 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X' | 'SPACE';

/** The entity kinds of wink's model that claims are made of. */
export type NumberEntity = 'DATE' | 'DURATION' | 'ORDINAL' | 'CARDINAL' | 'MONEY' | 'TIME' | 'PERCENT';

export interface Token {
  /** The token as written. */
  text: string;
  lower: string;
  lemma: string;
  pos: Pos;
  /** Offsets in the sentence. */
  start: number;
  end: number;
  /** Within the scope of a negation ("did not visit"), by wink's negation model. */
  negated: boolean;
  /** The kind of number entity the token belongs to, if any. */
  entity?: NumberEntity;
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function instance(): Nlp {
  return (nlp ??= winkNLP(model, ['sbd', 'pos', 'ner', 'negation']));
}

/** Loads the model now rather than at the first sentence (the server does so after `initialize`). */
export function warmUp(): void {
  instance();
}

const ENTITIES = new Set<string>(['DATE', 'DURATION', 'ORDINAL', 'CARDINAL', 'MONEY', 'TIME', 'PERCENT']);

/** The tokens of one sentence. Tabs and line breaks are whitespace, not tokens. Never throws. */
export function tag(sentence: string): Token[] {
  const n = instance();
  const its = n.its;
  const doc = n.readDoc(sentence);
  const tokens: Token[] = [];
  /** wink's token index → ours (-1 for whitespace tokens). */
  const index: number[] = [];
  let at = 0;
  doc.tokens().each((t: ItemToken) => {
    const text = t.out(its.value) as string;
    at += (t.out(its.precedingSpaces) as string).length;
    // wink keeps the text's characters, so the offsets can be counted; a mismatch (never seen) falls back to search.
    let start = at;
    if (sentence.startsWith(text, at) === false) {
      const found = sentence.indexOf(text, at);
      start = found >= 0 ? found : at;
    }
    at = start + text.length;
    if (t.out(its.type) === 'tabCRLF' || text.trim() === '') {
      index.push(-1);
      return;
    }
    index.push(tokens.length);
    tokens.push({ text, lower: text.toLowerCase(), lemma: String(t.out(its.lemma as never)).toLowerCase(), pos: t.out(its.pos) as Pos, start, end: at, negated: t.out(its.negationFlag) === true });
  });
  doc.entities().each((e: ItemEntity) => {
    const type = e.out(its.type) as string;
    if (!ENTITIES.has(type)) return;
    const [first, last] = e.out(its.span) as unknown as number[];
    for (let k = first; k <= last; k++) {
      const i = index[k];
      if (i !== undefined && i >= 0) tokens[i].entity = type as NumberEntity;
    }
  });
  return tokens;
}
