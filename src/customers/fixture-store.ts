/**
 * Tiny in-memory stores for this folder's tests: a few customers, orders and
 * lines written the way ingest writes them.
 */
import { openDatabase, setMeta, type Db } from '../store/index.ts';

export interface FixtureLine {
  stockCode: string;
  quantity: number;
  unitPrice: number;
  isProduct?: boolean;
}

export interface FixtureOrder {
  invoice: string;
  customerId: number | null;
  date: string;
  country?: string;
  cancels?: string;
  lines: FixtureLine[];
}

export const FIXTURE_PRODUCTS = [
  {
    stockCode: '85123A',
    title: 'WHITE HANGING HEART T-LIGHT HOLDER',
    category: 'candles',
    price: 2.55,
  },
  {
    stockCode: '22423',
    title: 'REGENCY CAKESTAND 3 TIER',
    category: 'kitchen',
    price: 12.75,
  },
  {
    stockCode: '84879',
    title: 'ASSORTED COLOUR BIRD ORNAMENT',
    category: 'decor',
    price: 1.69,
  },
];

/** A store holding the given orders; customers are derived from them. */
export function buildFixtureStore(
  orders: FixtureOrder[],
  lastTransaction = '2011-09-30 17:00:00',
): Db {
  const db = openDatabase(':memory:');
  const insertProduct = db.prepare(
    'INSERT INTO products (stock_code, title, price, category) VALUES (?, ?, ?, ?)',
  );
  for (const p of FIXTURE_PRODUCTS)
    insertProduct.run(p.stockCode, p.title, p.price, p.category);

  const customers = new Map<number, string>();
  for (const order of orders)
    if (order.customerId !== null && !customers.has(order.customerId))
      customers.set(order.customerId, order.country ?? 'United Kingdom');
  const insertCustomer = db.prepare(
    'INSERT INTO customers (customer_id, country) VALUES (?, ?)',
  );
  for (const [id, country] of customers) insertCustomer.run(id, country);

  const insertOrder = db.prepare(
    'INSERT INTO orders (invoice, customer_id, date, country, is_cancellation, cancels_invoice, total, n_lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLine = db.prepare(
    'INSERT INTO order_lines (invoice, stock_code, description, quantity, unit_price, is_product) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const order of orders) {
    const total = order.lines.reduce(
      (sum, l) => sum + l.quantity * l.unitPrice,
      0,
    );
    insertOrder.run(
      order.invoice,
      order.customerId,
      order.date,
      order.country ?? 'United Kingdom',
      order.invoice.startsWith('C') ? 1 : 0,
      order.cancels ?? null,
      Math.round(total * 100) / 100,
      order.lines.length,
    );
    for (const line of order.lines)
      insertLine.run(
        order.invoice,
        line.stockCode,
        line.stockCode,
        line.quantity,
        line.unitPrice,
        line.isProduct === false ? 0 : 1,
      );
  }
  setMeta(db, 'ingest', JSON.stringify({ version: 1, fixture: true }));
  setMeta(db, 'last_transaction', lastTransaction);
  return db;
}
