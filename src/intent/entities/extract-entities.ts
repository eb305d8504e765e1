/**
 * All entities of one message, each extractor reading the raw text.
 */
import { extractCategories } from './categories.ts';
import { extractColours } from './colours.ts';
import { extractOrderNumbers } from './order-numbers.ts';
import { extractPriceBounds, extractPriceLevel } from './prices.ts';
import { extractQuantity } from './quantities.ts';
import { extractReference, extractRefinementCues } from './refinements.ts';
import type { Entities } from '../schema.ts';

/** Entities found in `text`; empty fields are left out. */
export function extractEntities(text: string): Entities {
  const entities: Entities = {};
  const orderNumbers = extractOrderNumbers(text);
  if (orderNumbers.length > 0) entities.orderNumbers = orderNumbers;

  const price = extractPriceBounds(text);
  if (price) entities.price = price;
  const priceLevel = extractPriceLevel(text);
  if (priceLevel && !price) entities.priceLevel = priceLevel;

  // The digits of an order number are not a quantity.
  const quantity = extractQuantity(
    text,
    orderNumbers.map((n) => n.replace(/^C/, '')),
  );
  if (quantity !== undefined) entities.quantity = quantity;

  const { colours, excludeColours } = extractColours(text);
  if (colours.length > 0) entities.colours = colours;
  if (excludeColours.length > 0) entities.excludeColours = excludeColours;

  const categories = extractCategories(text);
  if (categories.length > 0) entities.categories = categories;

  // "cheaper than 3" is a bound already, not a relative cue.
  const cues = extractRefinementCues(text).filter(
    (cue) => !price || (cue !== 'cheaper' && cue !== 'more_expensive'),
  );
  const reference = extractReference(text);
  if (cues.length > 0 || reference)
    entities.refinement = { cues, ...(reference ? { reference } : {}) };
  return entities;
}
