/** One pass over the real, ingested store: model, profile and order scoping. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getReferenceDate } from '../store/index.ts';
import { getIngestedDb } from '../test-helpers/index.ts';
import { loadOrFitChurnModel } from './churn-model.ts';
import { getOrder, listOrders } from './orders.ts';
import { getCustomerProfile } from './profile.ts';

const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-real-'));
afterAll(() => fs.rmSync(stateDir, { recursive: true, force: true }));

describe('customers on the real store', () => {
  it('fits the churn model and profiles the most frequent buyer', () => {
    const db = getIngestedDb();
    const config = { stateDir, REFERENCE_DATE: undefined };
    const referenceDate = getReferenceDate(db, config);
    const model = loadOrFitChurnModel(db, config);
    expect(model.customers).toBeGreaterThan(4000);
    for (const value of Object.values(model.params))
      expect(Number.isFinite(value)).toBe(true);

    const { customerId } = db
      .prepare(
        `SELECT customer_id AS customerId FROM orders
         WHERE customer_id IS NOT NULL AND is_cancellation = 0
         GROUP BY customer_id ORDER BY COUNT(*) DESC, customer_id LIMIT 1`,
      )
      .get() as { customerId: number };
    const profile = getCustomerProfile(db, customerId, {
      referenceDate,
      model: model.params,
    });
    expect(profile?.frequency).toBeGreaterThan(50);
    expect(profile?.pAlive).toBeGreaterThanOrEqual(0);
    expect(profile?.pAlive).toBeLessThanOrEqual(1);
    expect(Number.isFinite(profile?.expectedPurchases)).toBe(true);
    expect(profile?.favouriteProducts.length).toBeGreaterThan(0);

    const [latest] = listOrders(db, customerId, { referenceDate, limit: 1 });
    expect(
      getOrder(db, customerId, `#${latest.invoice}`, { referenceDate }),
    ).not.toBeNull();
    expect(
      getOrder(db, customerId + 1, latest.invoice, { referenceDate }),
    ).toBeNull();
  });
});
