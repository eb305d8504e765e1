/**
 * A few real customers for the development widget to "continue as": a loyal
 * one, a one-time buyer and one at risk, chosen from the store's orders.
 */
import { z } from 'zod';
import type { Config } from '../config.ts';
import { formatShopTime, getReferenceDate, type Db } from '../store/index.ts';

export const DemoCustomerSchema = z.object({
  customerId: z.number().int(),
  kind: z.enum(['loyal', 'one-time', 'at-risk']),
  orders: z.number().int(),
  lastOrder: z.string(),
  country: z.string(),
});
export type DemoCustomer = z.infer<typeof DemoCustomerSchema>;

const RowSchema = z.object({
  customer_id: z.number().int(),
  n: z.number().int(),
  last: z.string(),
  country: z.string(),
});

/**
 * Each kind is a window on (orders, days since the last order), the most
 * active customer in the window first. Wholesale accounts with hundreds of
 * invoices are left out of "loyal": they make an odd demo.
 */
const KINDS: { kind: DemoCustomer['kind']; where: string; order: string }[] = [
  {
    kind: 'loyal',
    where: 'n BETWEEN 10 AND 60 AND days <= 30',
    order: 'n DESC',
  },
  {
    kind: 'one-time',
    where: 'n = 1 AND days BETWEEN 30 AND 120',
    order: 'days ASC',
  },
  {
    kind: 'at-risk',
    where: 'n BETWEEN 5 AND 60 AND days BETWEEN 90 AND 365',
    order: 'n DESC',
  },
];

/** Up to one customer of each kind; empty on a store without orders. */
export function findDemoCustomers(
  db: Db,
  config: Pick<Config, 'REFERENCE_DATE'>,
): DemoCustomer[] {
  const reference = formatShopTime(getReferenceDate(db, config));
  const found: DemoCustomer[] = [];
  for (const { kind, where, order } of KINDS) {
    const row = db
      .prepare(
        `WITH s AS (
           SELECT o.customer_id, COUNT(*) AS n, MAX(o.date) AS last, c.country,
                  julianday(@reference) - julianday(MAX(o.date)) AS days
           FROM orders o JOIN customers c ON c.customer_id = o.customer_id
           WHERE o.is_cancellation = 0 AND o.date <= @reference
           GROUP BY o.customer_id
         )
         SELECT customer_id, n, last, country FROM s
         WHERE ${where} ORDER BY ${order}, customer_id LIMIT 1`,
      )
      .get({ reference });
    if (row === undefined) continue;
    const parsed = RowSchema.parse(row);
    found.push({
      customerId: parsed.customer_id,
      kind,
      orders: parsed.n,
      lastOrder: parsed.last,
      country: parsed.country,
    });
  }
  return found;
}
