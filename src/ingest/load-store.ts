/**
 * Writes the cleaned rows into the store's shop tables, replacing what was
 * there in one transaction (conversations are left alone).
 */
import type { Db } from '../store/index.ts';
import { isCancellation, isProductCode, type ProductSummary } from './clean.ts';
import type { RetailRow } from './retail-files.ts';

export interface ProductAttributes {
  category: string;
  colours: string[];
  themes: string[];
  searchText: string;
}

export interface LoadCounts {
  orders: number;
  cancellations: number;
  linkedCancellations: number;
  guestOrders: number;
  orderLines: number;
  nonProductLines: number;
  customers: number;
  products: number;
}

function mostCommon<T>(values: T[]): T {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

export function loadStore(
  db: Db,
  rows: RetailRow[],
  products: ProductSummary[],
  attributes: Map<string, ProductAttributes>,
  cancellationLinks: Map<string, string>,
): LoadCounts {
  const invoices = new Map<string, RetailRow[]>();
  for (const row of rows) {
    const lines = invoices.get(row.invoice) ?? [];
    lines.push(row);
    invoices.set(row.invoice, lines);
  }
  const titles = new Map(products.map((p) => [p.stockCode, p.title]));

  const counts: LoadCounts = {
    orders: 0,
    cancellations: 0,
    linkedCancellations: 0,
    guestOrders: 0,
    orderLines: 0,
    nonProductLines: 0,
    customers: 0,
    products: products.length,
  };

  db.transaction(() => {
    db.exec(
      'DELETE FROM order_lines; DELETE FROM orders; DELETE FROM customers; DELETE FROM products;',
    );
    counts.customers = insertCustomers(db, invoices);
    insertProducts(db, products, attributes);

    const insertOrder = db.prepare(
      'INSERT INTO orders (invoice, customer_id, date, country, is_cancellation, cancels_invoice, total, n_lines) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertLine = db.prepare(
      'INSERT INTO order_lines (invoice, stock_code, description, quantity, unit_price, is_product) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const [invoice, lines] of invoices) {
      const first = lines[0];
      const cancellation = isCancellation(invoice);
      const link = cancellation
        ? (cancellationLinks.get(invoice) ?? null)
        : null;
      const total = lines.reduce((sum, l) => sum + l.quantity * l.price, 0);
      insertOrder.run(
        invoice,
        first.customerId,
        lines.reduce((min, l) => (l.date < min ? l.date : min), first.date),
        first.country,
        cancellation ? 1 : 0,
        link,
        Math.round(total * 100) / 100,
        lines.length,
      );
      counts.orders++;
      if (cancellation) counts.cancellations++;
      if (link) counts.linkedCancellations++;
      if (first.customerId === null) counts.guestOrders++;
      for (const line of lines) {
        const product =
          isProductCode(line.stockCode) && titles.has(line.stockCode);
        insertLine.run(
          invoice,
          line.stockCode,
          line.description,
          line.quantity,
          line.price,
          product ? 1 : 0,
        );
        counts.orderLines++;
        if (!product) counts.nonProductLines++;
      }
    }
  })();
  return counts;
}

function insertCustomers(db: Db, invoices: Map<string, RetailRow[]>): number {
  const byCustomer = new Map<
    number,
    { countries: string[]; dates: string[] }
  >();
  for (const [invoice, lines] of invoices) {
    const id = lines[0].customerId;
    if (id === null) continue;
    const acc = byCustomer.get(id) ?? { countries: [], dates: [] };
    acc.countries.push(lines[0].country);
    if (!isCancellation(invoice)) acc.dates.push(lines[0].date);
    byCustomer.set(id, acc);
  }
  const insert = db.prepare(
    'INSERT INTO customers (customer_id, country, first_order, last_order) VALUES (?, ?, ?, ?)',
  );
  for (const [id, acc] of byCustomer) {
    const dates = acc.dates.sort();
    insert.run(
      id,
      mostCommon(acc.countries),
      dates[0] ?? null,
      dates.at(-1) ?? null,
    );
  }
  return byCustomer.size;
}

function insertProducts(
  db: Db,
  products: ProductSummary[],
  attributes: Map<string, ProductAttributes>,
): void {
  const insert = db.prepare(
    'INSERT INTO products (stock_code, title, price, category, colours, themes, search_text, n_orders, n_customers, units, first_sold, last_sold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const p of products) {
    const attrs = attributes.get(p.stockCode);
    insert.run(
      p.stockCode,
      p.title,
      p.price,
      attrs?.category ?? 'other',
      JSON.stringify(attrs?.colours ?? []),
      JSON.stringify(attrs?.themes ?? []),
      attrs?.searchText ?? p.title.toLowerCase(),
      p.orders,
      p.customers,
      p.units,
      p.firstSold,
      p.lastSold,
    );
  }
}
