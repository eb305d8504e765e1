/**
 * Invoice numbers as shoppers write them: "#536365", "inv 536365",
 * "Invoice no. 536365", "order: 536-365", "c536365". The shop's numbers are
 * six digits, with a leading C on cancellations (and A on a few adjustments).
 */
const LEADING_WORDS = /^(INVOICE|INV|ORDER|ORD|NUMBER|NUM|NO|NR|REF)/;
const INVOICE = /^([AC]?)(\d{6})$/;

/** The store's form of an invoice number ("536365", "C536365"), or null. */
export function normaliseInvoice(raw: string): string | null {
  let text = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  for (let match = LEADING_WORDS.exec(text); match;) {
    text = text.slice(match[0].length);
    match = LEADING_WORDS.exec(text);
  }
  const parts = INVOICE.exec(text);
  return parts ? `${parts[1]}${parts[2]}` : null;
}
