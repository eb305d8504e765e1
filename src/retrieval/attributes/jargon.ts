/**
 * Jargon expansion, both ways, so that a shopper's words meet the shop's:
 * `expandTitle` writes a product title out in plain English plus its
 * synonyms (the text indexed and embedded for the product), `expandQuery`
 * adds the shop's jargon and synonyms to a shopper's text. Neither bridge
 * ("tea light holder" ↔ T-LIGHT HOLDER, "polka dot" ↔ RETROSPOT) is crossed
 * by plain lexical or embedding search alone.
 */
import { z } from 'zod';
import {
  BROADER_TERMS,
  NEED_WORDS,
  STOPWORDS,
  SYNONYM_GROUPS,
} from './jargon-dictionary.ts';
import { normaliseTokens, singular } from './normalise.ts';

interface Entry {
  /** The phrase to find, as singular words. */
  words: string[];
  /** What to add when it is found. */
  adds: readonly string[];
}

const SYNONYM_INDEX = indexEntries(
  SYNONYM_GROUPS.flatMap((group) =>
    group.map((member) => ({ phrase: member, adds: group })),
  ),
);
const BROADER_INDEX = indexEntries(
  BROADER_TERMS.map(([phrase, broader]) => ({ phrase, adds: [broader] })),
);

function indexEntries(
  entries: { phrase: string; adds: readonly string[] }[],
): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const { phrase, adds } of entries) {
    const words = phrase.split(' ').map(singular);
    const list = index.get(words[0]) ?? [];
    list.push({ words, adds });
    index.set(words[0], list);
  }
  return index;
}

/** Every `adds` of an entry whose phrase occurs in `tokens` (singular). */
function lookUp(tokens: string[], index: Map<string, Entry[]>): string[] {
  const found: string[] = [];
  tokens.forEach((token, i) => {
    for (const entry of index.get(token) ?? [])
      if (entry.words.every((word, offset) => tokens[i + offset] === word))
        found.push(...entry.adds);
  });
  return found;
}

/** Appends phrases not already in `text`, once each. */
function appendNew(text: string, phrases: string[]): string {
  const seen = ` ${text} `;
  const added = [...new Set(phrases)].filter(
    (phrase) => !seen.includes(` ${phrase} `),
  );
  return [text, ...added].filter(Boolean).join(' ');
}

/**
 * A product title in plain English with its synonyms and broader terms, in
 * lower case: "WHITE HANGING HEART T-LIGHT HOLDER" → "white hanging heart
 * t-light holder hang tea light tealight ... candle holder candle". Used as
 * the product's lexical text and as the text embedded for it. Never throws.
 */
export function expandTitle(title: string): string {
  const tokens = normaliseTokens(title);
  const singulars = tokens.map(singular);
  const text = tokens.join(' ');
  return appendNew(text, [
    ...lookUp(singulars, SYNONYM_INDEX),
    ...lookUp(singulars, BROADER_INDEX),
    ...(tokens.at(-1) === 'lights' ? ['string light', 'fairy light'] : []),
  ]);
}

export const ExpandedQuerySchema = z.object({
  /** The query in plain lower case with variants appended (to embed). */
  text: z.string(),
  /** Distinct content words of the query and of its variants (lexical). */
  tokens: z.array(z.string()),
  /** The variant phrases that were added. */
  added: z.array(z.string()),
});

export type ExpandedQuery = z.infer<typeof ExpandedQuerySchema>;

const CONTAINER_VERBS = new Set(['hang', 'put', 'keep', 'store', 'hold']);
const VERB_LEADS = new Set(['to', 'for', 'can', 'could', 'will', 'i', 'we']);

/** Product words implied by what the shopper wants to do with it. */
function needWords(tokens: string[]): string[] {
  const words: string[] = [];
  let container = -1;
  tokens.forEach((token, i) => {
    const base = token === 'hung' ? 'hang' : token;
    const hints = NEED_WORDS[base];
    if (!hints) return;
    // "keep calm" is a design, "to keep" a need; hanging always counts.
    if (base !== 'hang' && !VERB_LEADS.has(tokens[i - 1] ?? '')) return;
    words.push(...hints);
    if (CONTAINER_VERBS.has(base)) container = i;
  });
  // "something to hang tea lights in": the thing sought holds them.
  if (container >= 0 && tokens.slice(container).some(isContainerWord))
    words.push('holder');
  return words;
}

function isContainerWord(token: string): boolean {
  return token === 'in' || token === 'on' || token === 'inside';
}

/**
 * A shopper's text analysed: its words, the shop's jargon and synonyms they
 * imply ("tea light holder" gains t-light, tealight, candle holder; "polka
 * dot" gains retrospot, spotty; "something to hang tea lights in" gains
 * t-light, hanging, holder), and the distinct content tokens of both.
 * Never throws; empty text gives empty results.
 */
export function expandQueryTerms(text: string): ExpandedQuery {
  const tokens = normaliseTokens(text);
  const singulars = tokens.map(singular);
  const added = [
    ...new Set([...lookUp(singulars, SYNONYM_INDEX), ...needWords(tokens)]),
  ].filter((phrase) => !` ${tokens.join(' ')} `.includes(` ${phrase} `));

  const words = [
    ...tokens,
    ...singulars,
    ...added.flatMap((phrase) => phrase.split(' ')),
  ].filter((word) => !STOPWORDS.has(word));
  const variants = words.flatMap((word) =>
    word.includes('-') ? [word, word.replace(/-/g, '')] : [word],
  );
  return {
    text: appendNew(tokens.join(' '), added),
    tokens: [...new Set(variants)],
    added,
  };
}

/**
 * A shopper's text in lower case with the shop's jargon and synonyms
 * appended, for the lexical side of search: "polka dot bag" → "polka dot
 * bag retrospot retro spot polkadot spotty ...". Never throws.
 */
export function expandQuery(text: string): string {
  return expandQueryTerms(text).text;
}
