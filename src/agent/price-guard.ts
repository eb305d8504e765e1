/**
 * Keeps invented prices out of a streamed reply: text is released a sentence
 * at a time, and a sentence quoting an amount no tool returned is replaced.
 * The offline model never trips it; a configured LLM that was talked into
 * "£0.01" does.
 */
import { priceWithheldReply } from '../prompts/index.ts';

// Grouped thousands ("£1,132.55") need at least one comma group; otherwise
// the plain run of digits is read whole, so "£1132.55" is not cut to "£113".
const AMOUNT = /£\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?)/g;
const SENTENCE_END = /[.!?](?=\s)|\n/g;

/** The money amounts (prices, totals, bounds) anywhere in a tool result. */
export function collectAmounts(value: unknown, into = new Set<string>()) {
  if (Array.isArray(value))
    for (const item of value) collectAmounts(item, into);
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'number' && /price|total|amount/i.test(key))
        into.add(item.toFixed(2));
      else collectAmounts(item, into);
    }
  return into;
}

/** Amounts quoted in a sentence that are not in the allowed set. */
export function unknownAmounts(sentence: string, allowed: ReadonlySet<string>) {
  return [...sentence.matchAll(AMOUNT)]
    .map((match) => Number(match[1].replace(/,/g, '')).toFixed(2))
    .filter((amount) => !allowed.has(amount));
}

export interface PriceGuard {
  /** The amounts a sentence may quote; grows as tool results arrive. */
  readonly allowed: Set<string>;
  /** Takes streamed text; releases whole sentences through `emit`. */
  push(text: string): void;
  /** Releases what is left at the end of the reply. */
  flush(): void;
  /** Everything released so far. */
  readonly text: string;
  /** How many sentences were replaced. */
  readonly replaced: number;
}

export function createPriceGuard(
  allowed: Set<string>,
  emit: (text: string) => void,
): PriceGuard {
  let pending = '';
  let released = '';
  let replaced = 0;

  const release = (sentence: string) => {
    let out = sentence;
    if (unknownAmounts(sentence, allowed).length > 0) {
      replaced++;
      const trailing = /\s*$/.exec(sentence)?.[0] ?? '';
      out = `${priceWithheldReply()}${trailing}`;
    }
    if (out.length === 0) return;
    released += out;
    emit(out);
  };

  return {
    allowed,
    push(text) {
      pending += text;
      let cut = -1;
      for (const match of pending.matchAll(SENTENCE_END))
        cut = match.index + match[0].length;
      if (cut <= 0) return;
      // Include the whitespace after the boundary with the finished sentence.
      const spaces = /^[ \t]*/.exec(pending.slice(cut))?.[0].length ?? 0;
      const done = pending.slice(0, cut + spaces);
      pending = pending.slice(cut + spaces);
      // A decimal point is not a sentence end: "£1.65" stays whole.
      for (const sentence of done.match(/.*?(?:[.!?]+(?:\s+|$)|\n+)|.+$/gs) ?? [
        done,
      ])
        release(sentence);
    },
    flush() {
      if (pending) release(pending);
      pending = '';
    },
    get text() {
      return released;
    },
    get replaced() {
      return replaced;
    },
  };
}
