/**
 * Order / invoice numbers. This shop's invoices are six digits, with a
 * leading C on cancellations. Shoppers write them as "#536365",
 * "order 536365", "inv. 536365", "C536365", "536 365", "invoice no 536365".
 */

const CONTEXT =
  /(?:order|invoice|inv|purchase|receipt|ref|reference|no|number|nr|num|#)\.?\s*(?:no\.?|number|#)?\s*:?\s*$/;

// Digits may be split by one space or dash ("536 365"), which is trusted only
// after an order word; a C prefix marks a cancellation invoice.
const CANDIDATE =
  /(?<![\d£$€.,])(#\s?)?\b(c\s?)?(\d{3})([ -]?)(\d{3})(?![\d]|[.,]\d)(?!\s?(?:p|pence|quid|pounds?|gbp|%|x|cm|mm)\b)/g;

/** Canonical invoice numbers found in the text, in order, without repeats. */
export function extractOrderNumbers(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const match of lower.matchAll(CANDIDATE)) {
    const [, hash, prefix, first, separator, second] = match;
    const before = lower.slice(Math.max(0, match.index - 30), match.index);
    const hasContext = Boolean(hash) || CONTEXT.test(before);
    // Without an order word, a split number must look like this shop's
    // invoices (they run from 489000 to 581999).
    const split = Boolean(separator || prefix?.includes(' '));
    if (split && !hasContext && !/^[45]/.test(first)) continue;
    const invoice = `${prefix ? 'C' : ''}${first}${second}`;
    if (!found.includes(invoice)) found.push(invoice);
  }
  return found;
}
