import { describe, expect, it } from 'vitest';
import { getIngestedDb } from '../test-helpers/index.ts';
import { readIngestSummary } from './run-ingest.ts';

// The figures come from ../shared/data/README.md.
describe('the ingested real store', () => {
  const db = getIngestedDb();
  const summary = readIngestSummary(db)!;

  it('read every row of both files and counted the overlap once', () => {
    expect(summary.files.map((f) => f.read)).toEqual([525_461, 370_931]);
    expect(summary.dropped.overlapDuplicate).toBe(22_523);
    expect(summary.lastTransaction).toBe('2011-09-30 17:22:00');
  });

  it('keeps non-product codes out of the catalogue but on their invoices', () => {
    const catalogue = db
      .prepare(
        "SELECT COUNT(*) AS n FROM products WHERE stock_code IN ('POST','DOT','M','D','C2','AMAZONFEE')",
      )
      .get() as { n: number };
    expect(catalogue.n).toBe(0);
    const postage = db
      .prepare(
        "SELECT COUNT(*) AS n FROM order_lines WHERE stock_code = 'POST' AND is_product = 0",
      )
      .get() as { n: number };
    expect(postage.n).toBeGreaterThan(1000);
  });

  it('keeps guest invoices without a customer and links cancellations', () => {
    const guests = db
      .prepare('SELECT COUNT(*) AS n FROM orders WHERE customer_id IS NULL')
      .get() as { n: number };
    expect(guests.n).toBe(summary.loaded.guestOrders);
    expect(guests.n).toBeGreaterThan(0);
    const linked = db
      .prepare(
        "SELECT COUNT(*) AS n FROM orders o JOIN orders p ON p.invoice = o.cancels_invoice WHERE o.invoice LIKE 'C%' AND p.customer_id = o.customer_id",
      )
      .get() as { n: number };
    expect(linked.n).toBe(summary.loaded.linkedCancellations);
  });

  it('gives each product one title and a positive median price', () => {
    const bad = db
      .prepare(
        "SELECT COUNT(*) AS n FROM products WHERE price <= 0 OR title = ''",
      )
      .get() as { n: number };
    expect(bad.n).toBe(0);
    const heart = db
      .prepare("SELECT title FROM products WHERE stock_code = '85123A'")
      .get() as { title: string };
    expect(heart.title).toMatch(/HANGING HEART T-LIGHT HOLDER/);
  });
});
