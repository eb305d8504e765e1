import { afterAll, describe, expect, it } from 'vitest';
import { pAlive, type BgNbdParams } from './bgnbd.ts';
import { FIXTURE_ORDERS, FIXTURE_REFERENCE } from './fixture-orders.ts';
import { buildFixtureStore } from './fixture-store.ts';
import { getCustomerProfile } from './profile.ts';

const db = buildFixtureStore(FIXTURE_ORDERS);
afterAll(() => db.close());
// Roughly the shop's own fit, in days.
const MODEL: BgNbdParams = { r: 0.65, alpha: 64, a: 0.15, b: 2.6 };
const options = { referenceDate: FIXTURE_REFERENCE, model: MODEL };

describe('getCustomerProfile', () => {
  it('summarises a repeat buyer: RFM, favourites, categories, returns', () => {
    const profile = getCustomerProfile(db, 100, {
      ...options,
      horizonDays: 30,
    });
    expect(profile).toMatchObject({
      customerId: 100,
      country: 'United Kingdom',
      referenceDate: '2011-09-30 17:00:00',
      orders: 5,
      firstOrderDate: '2011-01-10 10:00:00',
      lastOrderDate: '2011-09-30 08:00:00',
      recencyDays: 0,
      // Four purchase days: two invoices on 2011-01-10 are one visit.
      frequency: 3,
      monetary: {
        totalSpend: 134.93,
        averageBasket: 26.99,
        returnedValue: 43.35,
      },
      cancellations: 2,
      horizonDays: 30,
    });
    expect(
      profile?.favouriteProducts.map((p) => [p.stockCode, p.timesBought]),
    ).toEqual([
      ['22423', 3],
      ['85123A', 2],
      ['84879', 1],
    ]);
    expect(profile?.topCategories.map((c) => c.category)).toEqual([
      'kitchen',
      'candles',
      'decor',
    ]);
    expect(profile?.evidence).toMatchObject({
      frequency: 3,
      recencyDays: 263,
      daysSinceLastPurchase: 0,
      tenureDays: 263,
      tenureWeeks: 37.6,
    });
    expect(profile?.stage).toBe('active');
    expect(profile?.pAlive).toBeCloseTo(pAlive(MODEL, 3, 263, 263), 12);
    expect(profile?.expectedPurchases).toBeGreaterThan(0);
  });

  it('marks a customer without a repeat purchase one-time, despite P(alive) = 1', () => {
    const profile = getCustomerProfile(db, 300, options);
    expect(profile?.pAlive).toBe(1);
    expect(profile?.stage).toBe('one-time');
    expect(profile?.stageReason).toMatch(/no repeat purchase/);
    expect(profile?.frequency).toBe(0);
  });

  it('only counts what happened by the reference date', () => {
    const profile = getCustomerProfile(db, 100, {
      ...options,
      referenceDate: new Date('2011-06-01T00:00:00Z'),
    });
    expect(profile?.orders).toBe(3);
    expect(profile?.lastOrderDate).toBe('2011-05-02 09:00:00');
    expect(profile?.cancellations).toBe(1);
  });

  it('gives a customer with no purchase a profile without a churn check', () => {
    const profile = getCustomerProfile(db, 400, options);
    expect(profile).toMatchObject({
      orders: 0,
      cancellations: 1,
      pAlive: null,
      stage: null,
      evidence: null,
    });
  });

  it('returns null for an unknown customer', () => {
    expect(getCustomerProfile(db, 999, options)).toBeNull();
  });
});
