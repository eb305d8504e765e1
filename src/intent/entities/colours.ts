/**
 * Colours a shopper asks for or rules out ("not red", "anything but pink or
 * blue"). Canonical names match the product attributes of retrieval/
 * (src/retrieval/attributes/colours.ts) so they can be used as filters as is.
 */
import {
  COLOUR_WORDS as SHOP_COLOUR_WORDS,
  TITLE_ONLY_COLOUR_WORDS,
} from '../../colours.ts';

/** Shopper colour words → canonical colour (the shop's, less title-only words). */
export const COLOUR_WORDS: Readonly<Record<string, string>> =
  Object.fromEntries(
    Object.entries(SHOP_COLOUR_WORDS).filter(
      ([word]) => !TITLE_ONLY_COLOUR_WORDS.has(word),
    ),
  );

/** Words that put the colours after them out ("not", "no", "anything but"). */
const NEGATION =
  /(?:\bnot|\bno|\bnon|\bwithout|\bexcept|\bexcluding|\b(?:anything|everything|any colou?r|all) but|\bavoid|\bother than|\bhate|\bnothing|\bnever|\bdont want|\bdon't want|\bdont like|\bdon't like|\bnor)(?:\s+(?:in|the|a|any|anything|something|too|so|too much|that|this|of|with|more))*[\s-]*$/;

const COLOUR_WORD = new RegExp(
  `\\b(${Object.keys(COLOUR_WORDS).join('|')})s?\\b`,
  'g',
);

export interface ColourEntities {
  colours: string[];
  excludeColours: string[];
}

/** Wanted and unwanted colours; a colour both wanted and not is unwanted. */
export function extractColours(text: string): ColourEntities {
  const lower = text.toLowerCase();
  const colours: string[] = [];
  const excludeColours: string[] = [];
  let previousEnd = -1;
  let previousNegated = false;

  for (const match of lower.matchAll(COLOUR_WORD)) {
    const colour = COLOUR_WORDS[match[1]];
    const before = lower.slice(Math.max(0, match.index - 40), match.index);
    const between = lower.slice(previousEnd, match.index);
    // "not red or pink": a list continues the negation of its first colour.
    const continues: boolean =
      previousNegated &&
      previousEnd >= 0 &&
      /^\s*(?:,|or|and|nor|\/)\s*(?:or\s+)?$/.test(between);
    const negated: boolean = continues || NEGATION.test(before);
    (negated ? excludeColours : colours).push(colour);
    previousEnd = match.index + match[0].length;
    previousNegated = negated;
  }
  const excluded = new Set(excludeColours);
  return {
    colours: [...new Set(colours)].filter((colour) => !excluded.has(colour)),
    excludeColours: [...excluded],
  };
}
