/**
 * The rule categoriser: a title names its product in its head noun phrase,
 * mostly the last one ("... T-LIGHT HOLDER"), sometimes the first when the
 * range follows ("JUMBO BAG OWLS", "DOORMAT NEW ENGLAND"). Rules:
 *   1. a Christmas word makes it Christmas;
 *   2. packaging at the start ("SET OF 3", "BAG OF") is skipped, and
 *      phrases starting after WITH / IN / ON / FOR or a spaced "+" count
 *      only when nothing before names a product ("CANDLE IN GLASS" is a
 *      candle, "PARTY BAG + STICKER SET" a party bag);
 *   3. strong product phrases beat weak ones (motif nouns such as HEART);
 *      then the rightmost wins, then the longest ("CAKE STAND T-LIGHT
 *      HOLDER" is a holder, "CUSHION COVER" beats "COVER");
 *   4. a noun right before DESIGN / PATTERN / PRINT is a motif, not the
 *      product ("DOORSTOP RACING CAR DESIGN").
 */
import {
  CHRISTMAS_WORDS,
  HEAD_BOUNDARIES,
  KEYWORD_RULES,
  MOTIF_MARKERS,
  PACKAGING_WORDS,
} from './category-keywords.ts';
import { COLOUR_WORD_SET } from './colours.ts';
import { normaliseClauses, singular } from './normalise.ts';
import type { CategoryId } from './taxonomy.ts';

interface Pattern {
  category: CategoryId;
  strong: boolean;
  /** Each word: the singular to match, or the exact surface form. */
  words: { text: string; exact: boolean }[];
  phrase: string;
}

interface Token {
  surface: string;
  singular: string;
}

interface Match {
  pattern: Pattern;
  start: number;
  end: number;
}

/** Why a title got its category (for the eval's error lines and tests). */
export interface CategoryDecision {
  category: CategoryId;
  /** The phrase that decided, or null when no rule matched. */
  matched: string | null;
}

const PATTERNS_BY_FIRST_WORD = indexPatterns();
const CHRISTMAS = CHRISTMAS_WORDS.map((phrase) =>
  phrase.split(' ').map(singular),
);

function indexPatterns(): Map<string, Pattern[]> {
  const index = new Map<string, Pattern[]>();
  const add = (category: CategoryId, phrase: string, strong: boolean) => {
    const words = phrase
      .split(' ')
      .map((word) =>
        word.startsWith('=')
          ? { text: word.slice(1), exact: true }
          : { text: singular(word), exact: false },
      );
    const list = index.get(words[0].text) ?? [];
    list.push({ category, strong, words, phrase });
    index.set(words[0].text, list);
  };
  for (const rules of KEYWORD_RULES) {
    for (const phrase of rules.strong) add(rules.category, phrase, true);
    for (const phrase of rules.weak ?? []) add(rules.category, phrase, false);
  }
  return index;
}

function toTokens(words: string[]): Token[] {
  return words.map((surface) => ({ surface, singular: singular(surface) }));
}

function wordMatches(token: Token | undefined, word: Pattern['words'][number]) {
  if (!token) return false;
  return word.exact
    ? token.surface === word.text
    : token.singular === word.text;
}

function findMatches(tokens: Token[]): Match[] {
  const matches: Match[] = [];
  tokens.forEach((token, start) => {
    const candidates = [
      ...(PATTERNS_BY_FIRST_WORD.get(token.singular) ?? []),
      ...(token.surface !== token.singular
        ? (PATTERNS_BY_FIRST_WORD.get(token.surface) ?? [])
        : []),
    ];
    for (const pattern of candidates) {
      const fits = pattern.words.every((word, offset) =>
        wordMatches(tokens[start + offset], word),
      );
      const end = start + pattern.words.length - 1;
      const motif = MOTIF_MARKERS.has(tokens[end + 1]?.singular ?? '');
      if (fits && !motif) matches.push({ pattern, start, end });
    }
  });
  return matches;
}

function bestMatch(matches: Match[]): Match | undefined {
  return matches.reduce<Match | undefined>((best, match) => {
    if (!best) return match;
    if (match.pattern.strong !== best.pattern.strong)
      return match.pattern.strong ? match : best;
    if (match.end !== best.end) return match.end > best.end ? match : best;
    return match.pattern.words.length > best.pattern.words.length
      ? match
      : best;
  }, undefined);
}

/** Drops "SET OF 3", "PACK 20", "BAG OF" at the start of a title. */
function stripPackaging(words: string[]): string[] {
  let start = 0;
  while (/^\d/.test(words[start] ?? '')) start++;
  if (PACKAGING_WORDS.has(words[start] ?? '')) {
    let next = start + 1;
    if (words[next] === 'of') next++;
    while (/^\d/.test(words[next] ?? '')) next++;
    if (next > start + 1 && next < words.length) start = next;
  }
  return words.slice(start);
}

/** "LIGHT PINK" is a colour, not a light. */
function dropShadeWords(words: string[]): string[] {
  return words.filter(
    (word, i) =>
      !(
        ['light', 'dark', 'pale'].includes(word) &&
        COLOUR_WORD_SET.has(words[i + 1] ?? '')
      ),
  );
}

/** Index of the first WITH / IN / ON / FOR after the first word. */
function headBoundary(words: string[]): number {
  const at = words.findIndex((word, i) => i > 0 && HEAD_BOUNDARIES.has(word));
  return at < 0 ? words.length : at;
}

function isChristmas(words: string[]): boolean {
  const tokens = words.map(singular);
  return tokens.some((_, i) =>
    CHRISTMAS.some((phrase) =>
      phrase.every((word, offset) => tokens[i + offset] === word),
    ),
  );
}

/** The rule category of a title, with the phrase that decided it. */
export function categoriseTitle(title: string): CategoryDecision {
  const clauses = normaliseClauses(title).map(dropShadeWords);
  const words = clauses.flat();
  if (isChristmas(words))
    return { category: 'christmas', matched: 'christmas' };

  const [first = [], ...rest] = clauses;
  const product = stripPackaging(first);
  const boundary = headBoundary(product);
  // A phrase may run across the boundary ("TEA FOR ONE") but must start
  // before it to name the product.
  const inClause = findMatches(toTokens(product));
  const best =
    bestMatch(inClause.filter((match) => match.start < boundary)) ??
    bestMatch(inClause) ??
    bestMatch(rest.flatMap((clause) => findMatches(toTokens(clause))));
  if (best)
    return { category: best.pattern.category, matched: best.pattern.phrase };
  return { category: 'other', matched: null };
}
