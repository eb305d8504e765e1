/** Replies about catalogue searches and the products they found. */
import {
  categoryLabel,
  describeFilters,
  displayTitle,
  formatMoney,
  plural,
  type FilterWords,
} from './format.ts';

export type SearchReplyKind = 'new' | 'refine' | 'more' | 'similar';

export interface SearchReplyInput {
  kind: SearchReplyKind;
  /** What was searched for, in the shopper's words. */
  text: string;
  filters: FilterWords;
  /** The changes a refinement made ('cheaper', 'colour', …). */
  changes: readonly string[];
  /** Prices of the products shown, to quote the range. */
  prices: readonly number[];
  personalised: boolean;
  anchorTitle?: string;
  /** A later product request of the same message, answered after another. */
  also?: boolean;
}

/** Marks the answer to a message's second product request as such. */
function asOtherRequest(line: string, also: boolean | undefined): string {
  return also ? `And for your other request: ${line}` : line;
}

function priceRange(prices: readonly number[]): string {
  if (prices.length === 0) return '';
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  return low === high
    ? ` at ${formatMoney(low)}`
    : `, from ${formatMoney(low)} to ${formatMoney(high)}`;
}

function withFilters(filters: FilterWords): string {
  const words = describeFilters(filters);
  return words ? ` (${words})` : '';
}

/** The line above a list of search results. */
export function searchResultsReply(input: SearchReplyInput): string {
  const count = input.prices.length;
  const range = priceRange(input.prices);
  const filters = withFilters(input.filters);
  let line: string;
  if (input.kind === 'similar' && input.anchorTitle)
    line = `Here ${count === 1 ? 'is 1 item' : `are ${count} items`} similar to “${displayTitle(input.anchorTitle)}”${filters}${range}.`;
  else if (input.kind === 'more')
    line = `Here ${count === 1 ? 'is 1 more' : `are ${count} more`} for “${input.text}”${filters}${range}.`;
  else if (input.changes.includes('cheaper'))
    line = `Here are cheaper options for “${input.text}”${filters}${range}.`;
  else if (input.kind === 'refine')
    line = `Here ${count === 1 ? 'is what I found' : `are ${count} options`} for “${input.text}”${filters}${range}.`;
  else
    line = `I found ${plural(count, 'match', 'matches')} for “${input.text}”${filters}${range}.`;
  return asOtherRequest(
    input.personalised
      ? `${line} I've put the ones you're most likely to love first.`
      : line,
    input.also,
  );
}

export interface NoResultsInput {
  kind: SearchReplyKind;
  text: string;
  filters: FilterWords;
  changes: readonly string[];
  /** A later product request of the same message, answered after another. */
  also?: boolean;
}

/** Nothing in the catalogue satisfies the search. */
export function noResultsReply(input: NoResultsInput): string {
  return asOtherRequest(noResultsLine(input), input.also);
}

function noResultsLine(input: NoResultsInput): string {
  const filters = describeFilters(input.filters);
  if (input.kind === 'more')
    return `That's everything I have for “${input.text}”${filters ? ` (${filters})` : ''}. Want me to widen the search?`;
  if (input.changes.includes('cheaper'))
    return `Those were already the cheapest I have for “${input.text}” — nothing ${filters || 'cheaper'}. Shall I look for something similar instead?`;
  return `I couldn't find anything for “${input.text}”${filters ? ` ${filters}` : ''}. Try a different colour, a wider price range or other words.`;
}

/** A refinement arrived before there was anything to refine. */
export function refineProblemReply(
  problem: 'nothing_shown' | 'no_such_item' | 'no_search_yet',
): string {
  switch (problem) {
    case 'nothing_shown':
      return "I haven't shown you anything to compare with yet — tell me what you're looking for and I'll find some options.";
    case 'no_such_item':
      return "I'm not sure which one you mean — could you say “the first one”, or describe it?";
    case 'no_search_yet':
      return 'Happy to narrow things down — what are you looking for? For example “a red lunch bag under £2”.';
  }
}

export interface ProductDetailInput {
  title: string;
  price: number;
  category?: string;
  colours?: readonly string[];
}

/** About one product the shopper pointed at ("the second one"). */
export function productDetailReply(product?: ProductDetailInput): string {
  if (!product)
    return 'Which one do you mean? You can say “the first one”, “the second one” and so on.';
  const colours = product.colours?.length
    ? `, in ${product.colours.join(' and ')}`
    : '';
  const category = product.category
    ? ` from our ${categoryLabel(product.category)} range`
    : '';
  return `“${displayTitle(product.title)}” is ${formatMoney(product.price)}${colours}${category}. Want to see similar items?`;
}
