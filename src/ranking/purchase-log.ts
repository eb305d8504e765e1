/**
 * Reads every product purchase of the store once into compact typed arrays,
 * so snapshots at any cutoff can be built without going back to SQLite.
 */
import type { Config } from '../config.ts';
import { readOrCacheEvents } from './purchase-cache.ts';
import {
  DAY_MS,
  getReferenceDate,
  parseShopTime,
  type Db,
} from '../store/index.ts';

/** One catalogue item as the ranker sees it. */
export interface CatalogueItem {
  stockCode: string;
  title: string;
  price: number;
  category: string;
}

/**
 * One event a distinct (order, item) pair, sorted by time. Guest orders have
 * customer -1: they count towards popularity but belong to nobody's history.
 */
export interface PurchaseLog {
  items: CatalogueItem[];
  itemIndex: Map<string, number>;
  /** Category names and each item's category id. */
  categories: string[];
  itemCategory: Int32Array;
  customerIds: number[];
  customerIndex: Map<number, number>;
  eventCustomer: Int32Array;
  eventItem: Int32Array;
  /** Days since the Unix epoch (fractional), shop time read as UTC. */
  eventDay: Float64Array;
  eventOrder: Int32Array;
  eventPrice: Float32Array;
}

/** Shop time → fractional day number, the ranker's unit of time. */
export function toDay(date: Date): number {
  return date.getTime() / DAY_MS;
}

/**
 * The shop's "now" as a day number, one second past the reference date so
 * that a snapshot at it includes the last transaction.
 */
export function referenceDay(
  db: Db,
  config: Pick<Config, 'REFERENCE_DATE'>,
): number {
  return toDay(getReferenceDate(db, config)) + 1000 / DAY_MS;
}

function readCatalogue(db: Db) {
  const rows = db
    .prepare(
      'SELECT stock_code, title, price, category FROM products ORDER BY stock_code',
    )
    .all() as {
    stock_code: string;
    title: string;
    price: number;
    category: string | null;
  }[];
  const items: CatalogueItem[] = rows.map((row) => ({
    stockCode: row.stock_code,
    title: row.title,
    price: row.price,
    category: row.category ?? 'other',
  }));
  const categories = [...new Set(items.map((item) => item.category))].sort();
  const categoryId = new Map(categories.map((name, id) => [name, id]));
  return {
    items,
    itemIndex: new Map(items.map((item, index) => [item.stockCode, index])),
    categories,
    itemCategory: Int32Array.from(
      items.map((item) => categoryId.get(item.category) ?? 0),
    ),
  };
}

/** The purchase events, without the catalogue they index into. */
export type PurchaseEvents = Pick<
  PurchaseLog,
  | 'customerIds'
  | 'eventCustomer'
  | 'eventItem'
  | 'eventDay'
  | 'eventOrder'
  | 'eventPrice'
>;

/**
 * Loads the catalogue and all non-cancelled product purchases. With a
 * `cacheDir`, the events are kept there in binary, keyed by the ingest and
 * the catalogue, which turns seconds of SQLite reading into milliseconds.
 */
export function loadPurchaseLog(
  db: Db,
  options: { cacheDir?: string } = {},
): PurchaseLog {
  const catalogue = readCatalogue(db);
  const events = options.cacheDir
    ? readOrCacheEvents(options.cacheDir, db, catalogue.items, () =>
        readEvents(db, catalogue.itemIndex),
      )
    : readEvents(db, catalogue.itemIndex);
  return {
    ...catalogue,
    ...events,
    customerIndex: new Map(events.customerIds.map((id, index) => [id, index])),
  };
}

function readEvents(db: Db, itemIndex: Map<string, number>): PurchaseEvents {
  const rows = db
    .prepare(
      `SELECT o.invoice, o.customer_id, o.date, l.stock_code, l.unit_price
       FROM order_lines l JOIN orders o ON o.invoice = l.invoice
       WHERE o.is_cancellation = 0 AND l.is_product = 1 AND l.quantity > 0
       ORDER BY o.date, o.invoice`,
    )
    .raw(true)
    .iterate() as IterableIterator<
    [string, number | null, string, string, number]
  >;

  const customerIds: number[] = [];
  const customerIndex = new Map<number, number>();
  const customer: number[] = [];
  const item: number[] = [];
  const day: number[] = [];
  const order: number[] = [];
  const price: number[] = [];
  let lastInvoice = '';
  let orderCount = -1;
  let orderDay = 0;
  let orderCustomer = -1;
  const seenInOrder = new Set<number>();

  for (const [invoice, customerId, date, stockCode, unitPrice] of rows) {
    const itemId = itemIndex.get(stockCode);
    if (itemId === undefined) continue;
    if (invoice !== lastInvoice) {
      lastInvoice = invoice;
      orderCount++;
      orderDay = toDay(parseShopTime(date));
      orderCustomer = -1;
      if (customerId !== null) {
        let index = customerIndex.get(customerId);
        if (index === undefined) {
          index = customerIds.length;
          customerIds.push(customerId);
          customerIndex.set(customerId, index);
        }
        orderCustomer = index;
      }
      seenInOrder.clear();
    }
    // A code repeated on one invoice is one purchase of it.
    if (seenInOrder.has(itemId)) continue;
    seenInOrder.add(itemId);
    customer.push(orderCustomer);
    item.push(itemId);
    day.push(orderDay);
    order.push(orderCount);
    price.push(unitPrice);
  }

  return {
    customerIds,
    eventCustomer: Int32Array.from(customer),
    eventItem: Int32Array.from(item),
    eventDay: Float64Array.from(day),
    eventOrder: Int32Array.from(order),
    eventPrice: Float32Array.from(price),
  };
}
