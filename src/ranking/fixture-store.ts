/**
 * A tiny in-memory store for this folder's tests: seven products, three
 * customers with known purchase cycles and co-purchases, a guest order, a
 * cancellation and one order after the test cutoff.
 */
import { openDatabase, setMeta, type Db } from '../store/index.ts';

export const FIXTURE_PRODUCTS = [
  ['20725', 'LUNCH BAG RED RETROSPOT', 1.65, 'bags'],
  ['20726', 'LUNCH BAG PINK POLKADOT', 1.65, 'bags'],
  ['85099B', 'JUMBO BAG RED RETROSPOT', 1.95, 'bags'],
  ['22423', 'REGENCY CAKESTAND 3 TIER', 12.75, 'kitchen'],
  ['22960', 'JAM MAKING SET WITH JARS', 4.25, 'kitchen'],
  ['90001', 'PLAIN MUG BLUE', 2.5, 'kitchen'],
  ['90002', 'PLAIN MUG GREEN', 2.5, 'kitchen'],
] as const;

type Line = [stockCode: string, quantity: number];

/** invoice, customer (null = guest), date, lines. */
const ORDERS: [string, number | null, string, Line[]][] = [
  // Customer 1 buys the red lunch bag every 28 days, and a cake stand once.
  ['500001', 1, '2011-01-03 10:00:00', [['20725', 10]]],
  ['500002', 1, '2011-01-31 10:00:00', [['20725', 10]]],
  [
    '500003',
    1,
    '2011-02-28 10:00:00',
    [
      ['20725', 10],
      ['22423', 2],
    ],
  ],
  ['500004', 1, '2011-03-28 10:00:00', [['20725', 10]]],
  // Customers 2 and 3 buy the red and the pink lunch bag together.
  [
    '500005',
    2,
    '2011-01-10 10:00:00',
    [
      ['20725', 5],
      ['20726', 5],
    ],
  ],
  [
    '500006',
    2,
    '2011-03-01 10:00:00',
    [
      ['20725', 5],
      ['20726', 5],
    ],
  ],
  [
    '500007',
    3,
    '2011-03-15 10:00:00',
    [
      ['20725', 1],
      ['20726', 1],
      ['85099B', 1],
    ],
  ],
  // A guest buys the jumbo bag and both plain mugs (identical items).
  [
    '500008',
    null,
    '2011-03-20 10:00:00',
    [
      ['85099B', 1],
      ['90001', 1],
      ['90002', 1],
    ],
  ],
  // Customer 1 cancels a jam set: never a purchase.
  ['C500009', 1, '2011-03-02 10:00:00', [['22960', -1]]],
  // After the 2011-04-15 cutoff used by the tests.
  ['500010', 1, '2011-05-01 10:00:00', [['22960', 1]]],
];

/** The fixture store; `lastTransaction` is its reference date. */
export function buildRankingFixture(
  lastTransaction = '2011-05-01 10:00:00',
): Db {
  const db = openDatabase(':memory:');
  const insertProduct = db.prepare(
    'INSERT INTO products (stock_code, title, price, category) VALUES (?, ?, ?, ?)',
  );
  for (const product of FIXTURE_PRODUCTS) insertProduct.run(...product);
  const insertCustomer = db.prepare(
    "INSERT INTO customers (customer_id, country) VALUES (?, 'United Kingdom')",
  );
  for (const id of [1, 2, 3]) insertCustomer.run(id);

  const insertOrder = db.prepare(
    "INSERT INTO orders (invoice, customer_id, date, country, is_cancellation, n_lines) VALUES (?, ?, ?, 'United Kingdom', ?, ?)",
  );
  const insertLine = db.prepare(
    'INSERT INTO order_lines (invoice, stock_code, description, quantity, unit_price, is_product) VALUES (?, ?, ?, ?, ?, 1)',
  );
  for (const [invoice, customer, date, lines] of ORDERS) {
    insertOrder.run(
      invoice,
      customer,
      date,
      invoice.startsWith('C') ? 1 : 0,
      lines.length,
    );
    for (const [stockCode, quantity] of lines) {
      const product = FIXTURE_PRODUCTS.find(([code]) => code === stockCode)!;
      insertLine.run(invoice, stockCode, product[1], quantity, product[2]);
    }
  }
  setMeta(db, 'last_transaction', lastTransaction);
  setMeta(db, 'ingest', JSON.stringify({ fixture: true }));
  return db;
}
