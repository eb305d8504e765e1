/**
 * Order look-ups for the agent. Every look-up is scoped to one customer: an
 * invoice of someone else is reported exactly like a missing one (null), so
 * the answer never reveals that it exists.
 *
 * Status policy (the data has no shipping events, so status is derived from
 * the invoice's age at the shop's reference date; also in README.md):
 * - cancelled: cancellation invoices linked to the order (orders.cancels_invoice)
 *   take back every unit of every product on it; a partial cancellation keeps
 *   the shipping status and sets `partlyCancelled`;
 * - processing: under 1 day old;
 * - dispatched: 1 to 3 days;
 * - in-transit: 3 to 7 days in the United Kingdom, 3 to 14 days abroad;
 * - delivered: older than that.
 * A cancellation invoice itself (kind "cancellation") has status "cancelled".
 */
import { z } from 'zod';
import {
  DAY_MS,
  formatShopTime,
  parseShopTime,
  type Db,
} from '../store/index.ts';
import { normaliseInvoice } from './invoice-number.ts';

export const ORDER_STATUSES = [
  'processing',
  'dispatched',
  'in-transit',
  'delivered',
  'cancelled',
] as const;

export const STATUS_POLICY = {
  processingDays: 1,
  dispatchedDays: 3,
  inTransitDomesticDays: 7,
  inTransitInternationalDays: 14,
  homeCountry: 'United Kingdom',
} as const;

export const OrderLineSchema = z.object({
  stockCode: z.string(),
  title: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  /** False for postage, fees and other non-catalogue lines. */
  isProduct: z.boolean(),
});

export const OrderSchema = z.object({
  invoice: z.string(),
  kind: z.enum(['order', 'cancellation']),
  date: z.string(),
  country: z.string(),
  total: z.number(),
  status: z.enum(ORDER_STATUSES),
  /** Cancellation invoices linked to this order. */
  cancelledBy: z.array(z.string()),
  partlyCancelled: z.boolean(),
  /** For a cancellation: the order it cancels, when known. */
  cancels: z.string().nullable(),
  nLines: z.number().int().min(0),
  lines: z.array(OrderLineSchema),
});
export type Order = z.infer<typeof OrderSchema>;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderLookupOptions {
  /** The shop's "now" (getReferenceDate(db, config)). */
  referenceDate: Date;
}

interface OrderRow {
  invoice: string;
  date: string;
  country: string;
  isCancellation: number;
  cancelsInvoice: string | null;
  total: number;
}

const ORDER_COLUMNS = `invoice, date, country,
  is_cancellation AS isCancellation, cancels_invoice AS cancelsInvoice, total`;

/** The shipping status an order of this age would have. */
export function shippingStatus(
  ageDays: number,
  country: string,
): Exclude<OrderStatus, 'cancelled'> {
  const policy = STATUS_POLICY;
  if (ageDays < policy.processingDays) return 'processing';
  if (ageDays < policy.dispatchedDays) return 'dispatched';
  const transit =
    country === policy.homeCountry
      ? policy.inTransitDomesticDays
      : policy.inTransitInternationalDays;
  return ageDays < transit ? 'in-transit' : 'delivered';
}

function readLines(db: Db, invoice: string): Order['lines'] {
  const rows = db
    .prepare(
      `SELECT l.stock_code AS stockCode,
              COALESCE(p.title, l.description, l.stock_code) AS title,
              l.quantity AS quantity, l.unit_price AS unitPrice,
              l.is_product AS isProduct
       FROM order_lines l LEFT JOIN products p ON p.stock_code = l.stock_code
       WHERE l.invoice = ? ORDER BY l.id`,
    )
    .all(invoice) as (Omit<Order['lines'][number], 'isProduct'> & {
    isProduct: number;
  })[];
  return rows.map((row) => ({ ...row, isProduct: row.isProduct === 1 }));
}

/** Whether the linked cancellations take back every product unit ordered. */
function isFullyCancelled(
  lines: Order['lines'],
  cancellationLines: Order['lines'],
): boolean {
  const ordered = new Map<string, number>();
  for (const line of lines)
    if (line.isProduct && line.quantity > 0)
      ordered.set(
        line.stockCode,
        (ordered.get(line.stockCode) ?? 0) + line.quantity,
      );
  if (ordered.size === 0) return false;
  const taken = new Map<string, number>();
  for (const line of cancellationLines)
    taken.set(
      line.stockCode,
      (taken.get(line.stockCode) ?? 0) + Math.abs(line.quantity),
    );
  return [...ordered].every(([code, units]) => (taken.get(code) ?? 0) >= units);
}

function toOrder(db: Db, row: OrderRow, referenceDate: Date): Order {
  const lines = readLines(db, row.invoice);
  if (row.isCancellation === 1)
    return {
      invoice: row.invoice,
      kind: 'cancellation',
      date: row.date,
      country: row.country,
      total: row.total,
      status: 'cancelled',
      cancelledBy: [],
      partlyCancelled: false,
      cancels: row.cancelsInvoice,
      nLines: lines.length,
      lines,
    };

  const cancellations = db
    .prepare(
      `SELECT invoice FROM orders
       WHERE cancels_invoice = ? AND date <= ? ORDER BY date, invoice`,
    )
    .all(row.invoice, formatShopTime(referenceDate)) as { invoice: string }[];
  const cancelledBy = cancellations.map((c) => c.invoice);
  const full =
    cancelledBy.length > 0 &&
    isFullyCancelled(
      lines,
      cancelledBy.flatMap((invoice) => readLines(db, invoice)),
    );
  const ageDays =
    (referenceDate.getTime() - parseShopTime(row.date).getTime()) / DAY_MS;
  return {
    invoice: row.invoice,
    kind: 'order',
    date: row.date,
    country: row.country,
    total: row.total,
    status: full ? 'cancelled' : shippingStatus(ageDays, row.country),
    cancelledBy,
    partlyCancelled: cancelledBy.length > 0 && !full,
    cancels: null,
    nLines: lines.length,
    lines,
  };
}

/**
 * The customer's orders (not cancellation invoices) up to the reference date,
 * newest first.
 */
export function listOrders(
  db: Db,
  customerId: number,
  options: OrderLookupOptions & { limit?: number },
): Order[] {
  const limit = Math.max(1, Math.min(options.limit ?? 10, 100));
  const rows = db
    .prepare(
      `SELECT ${ORDER_COLUMNS} FROM orders
       WHERE customer_id = ? AND is_cancellation = 0 AND date <= ?
       ORDER BY date DESC, invoice DESC LIMIT ?`,
    )
    .all(
      customerId,
      formatShopTime(options.referenceDate),
      limit,
    ) as OrderRow[];
  return rows.map((row) => toOrder(db, row, options.referenceDate));
}

/** The customer's latest order, or null. */
export function lastOrder(
  db: Db,
  customerId: number,
  options: OrderLookupOptions,
): Order | null {
  return listOrders(db, customerId, { ...options, limit: 1 })[0] ?? null;
}

/**
 * One invoice of this customer, in any written form ("#536365", "inv
 * 536365", "C536365"). Null when it is malformed, unknown, dated after the
 * reference date, or belongs to someone else — deliberately indistinguishable.
 */
export function getOrder(
  db: Db,
  customerId: number,
  invoice: string,
  options: OrderLookupOptions,
): Order | null {
  const normalised = normaliseInvoice(invoice);
  if (!normalised) return null;
  const row = db
    .prepare(
      `SELECT ${ORDER_COLUMNS} FROM orders
       WHERE invoice = ? AND customer_id = ? AND date <= ?`,
    )
    .get(normalised, customerId, formatShopTime(options.referenceDate)) as
    OrderRow | undefined;
  return row ? toOrder(db, row, options.referenceDate) : null;
}
