import { extractColours, extractPriceBounds } from '../intent/index.ts';
import type { SearchQuery } from '../retrieval/index.ts';

/**
 * What a typed query says about price and colour ("red lunch bag under £2"),
 * read with the intent module's entity extractors. A category named in the
 * text is left to the ranking rather than made a hard filter: the shopper's
 * word and the product's category do not always agree.
 */
export function readQueryConstraints(text: string): Partial<SearchQuery> {
  const price = extractPriceBounds(text);
  const colours = extractColours(text);
  return {
    minPrice: price?.min,
    maxPrice: price?.max,
    colours: colours.colours.length ? colours.colours : undefined,
    excludeColours: colours.excludeColours.length
      ? colours.excludeColours
      : undefined,
  };
}
