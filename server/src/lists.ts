// Small list helpers for the checker's hot paths: the lists are a handful of ids, and a loop beats building a Set and
// spreading it back into an array (an iterator object a step).

/** The items in first-seen order, each once. */
export function unique<T>(xs: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < xs.length; i++) if (out.indexOf(xs[i]) < 0) out.push(xs[i]);
  return out;
}
