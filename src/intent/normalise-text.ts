/**
 * Text normalisation shared by dedupe, features and entity extraction.
 */

/** Lower case, no accents, curly quotes straightened, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key two utterances share when they are "the same" for dedupe and for
 * the train/test split: folded, punctuation dropped, digits kept.
 */
export function dedupeKey(text: string): string {
  return foldText(text)
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Tokens the classifier sees. Numbers become shape tokens so that an order
 * number, a price and a quantity each look alike whatever their digits.
 */
export function classifierTokens(text: string): string[] {
  const folded = foldText(text)
    .replace(/&/g, ' and ')
    .replace(/£\s*\d+(?:[.,]\d+)?/g, ' pricetok ')
    .replace(
      /\b\d+(?:[.,]\d+)?\s*(?:p|pence|quid|pounds?|gbp)\b/g,
      ' pricetok ',
    )
    .replace(/#?\bc?\s?\d{3}[ -]?\d{3}\b/g, ' ordnum ')
    .replace(/\d{5,}/g, ' longnum ')
    .replace(/\d+(?:[.,]\d+)?/g, ' num ')
    .replace(/'/g, '');
  return folded.split(/[^\p{L}\p{N}]+/u).filter((token) => token.length > 0);
}
