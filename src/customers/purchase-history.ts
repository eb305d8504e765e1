/**
 * Customers' purchase histories in the form BG/NBD needs. A purchase is a
 * non-cancellation invoice with at least one product line bought (postage- or
 * fee-only invoices are not purchases). Time is counted in whole days, and
 * several invoices on one day are one purchase, as the model's "repeat
 * purchase" means a return visit, not a second basket in the same session.
 */
import {
  DAY_MS,
  formatShopTime,
  parseShopTime,
  type Db,
} from '../store/index.ts';
import type { PurchaseSummary } from './bgnbd.ts';

/** SQL condition: the invoice `o` is a purchase. */
export const PURCHASE_CONDITION = `o.is_cancellation = 0 AND EXISTS (
  SELECT 1 FROM order_lines l
  WHERE l.invoice = o.invoice AND l.is_product = 1 AND l.quantity > 0)`;

/** Days since 1970-01-01 of a shop time (shop times are read as UTC). */
export function dayNumber(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/**
 * Sorted, distinct purchase days of every customer with a purchase at or
 * before `until` (the shop's reference date).
 */
export function readPurchaseDays(db: Db, until: Date): Map<number, number[]> {
  const rows = db
    .prepare(
      `SELECT o.customer_id AS customerId, o.date AS date FROM orders o
       WHERE o.customer_id IS NOT NULL AND o.date <= ? AND ${PURCHASE_CONDITION}
       ORDER BY o.customer_id, o.date`,
    )
    .all(formatShopTime(until)) as { customerId: number; date: string }[];
  const days = new Map<number, number[]>();
  for (const row of rows) {
    const day = dayNumber(parseShopTime(row.date));
    const list = days.get(row.customerId);
    if (!list) days.set(row.customerId, [day]);
    else if (list.at(-1) !== day) list.push(day);
  }
  return days;
}

/**
 * (x, t_x, T) in days from sorted distinct purchase days, observed up to
 * `endDay`. Days after `endDay` are ignored; undefined when none is left.
 */
export function summarisePurchaseDays(
  days: readonly number[],
  endDay: number,
): PurchaseSummary | undefined {
  const seen = days.filter((day) => day <= endDay);
  if (seen.length === 0) return undefined;
  const first = seen[0];
  return {
    frequency: seen.length - 1,
    recency: seen[seen.length - 1] - first,
    T: endDay - first,
  };
}
