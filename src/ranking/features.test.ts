import { describe, expect, it } from 'vitest';
import {
  FEATURE_NAMES,
  N_FEATURES,
  createCustomerView,
  createFeatureContext,
  loadCustomerView,
  writeFeatures,
} from './features.ts';
import { buildRankingFixture } from './fixture-store.ts';
import { loadPurchaseLog, toDay } from './purchase-log.ts';
import { buildSnapshot, purchasesBetween } from './snapshot.ts';

const CUTOFF = toDay(new Date('2011-04-15T10:00:00Z'));

function fixture() {
  const log = loadPurchaseLog(buildRankingFixture());
  const snapshot = buildSnapshot(log, CUTOFF);
  const context = createFeatureContext(snapshot);
  const item = (code: string) => log.itemIndex.get(code)!;
  const history = (id: number) =>
    snapshot.histories[log.customerIndex.get(id)!];
  const features = (customer: number | null, codes: string[]) => {
    const view = createCustomerView(log.items.length);
    loadCustomerView(
      context,
      view,
      customer === null ? undefined : history(customer),
    );
    const out = new Float32Array(codes.length * N_FEATURES);
    writeFeatures(context, view, codes.map(item), out);
    return codes.map((_, r) => {
      const row: Record<string, number> = {};
      FEATURE_NAMES.forEach((name, f) => (row[name] = out[r * N_FEATURES + f]));
      return row;
    });
  };
  return { log, snapshot, item, history, features };
}

describe('ranking features', () => {
  it('reads purchases, skipping cancellations; guests have no history', () => {
    const { log, snapshot, item } = fixture();
    expect(log.items).toHaveLength(7);
    // 10 orders, one a cancellation: the jam set is bought once, after the cutoff.
    expect(snapshot.itemStats.nOrders[item('22960')]).toBe(0);
    expect(snapshot.itemStats.nOrders[item('85099B')]).toBe(2);
    expect(snapshot.itemStats.nCustomers[item('85099B')]).toBe(1);
  });

  it('keeps events after the cutoff out of the snapshot, and in the labels', () => {
    const { log, history, item } = fixture();
    expect(history(1)!.nOrders).toBe(4);
    const later = purchasesBetween(log, CUTOFF, CUTOFF + 30);
    expect([...later.get(log.customerIndex.get(1)!)!]).toEqual([item('22960')]);
  });

  it('measures the purchase cycle and due-ness of a regular item', () => {
    const [bag] = fixture().features(1, ['20725']);
    expect(bag.owned).toBe(1);
    expect(bag.logCount).toBeCloseTo(Math.log1p(4), 5);
    expect(bag.orderShare).toBe(1);
    expect(bag.logDaysSinceBought).toBeCloseTo(Math.log1p(18), 4);
    expect(bag.hasCycle).toBe(1);
    expect(bag.logCycle).toBeCloseTo(Math.log1p(28), 4);
    expect(bag.dueness).toBeCloseTo(18 / 28, 4);
    expect(bag.inLastOrder).toBe(1);
  });

  it('gives an item bought once no cycle and finite features', () => {
    const { features } = fixture();
    const [stand] = features(1, ['22423']);
    expect(stand.owned).toBe(1);
    expect(stand.hasCycle).toBe(0);
    expect(stand.dueness).toBe(0);
    for (const customer of [1, 2, 3, null])
      for (const row of features(customer, [
        '20725',
        '20726',
        '85099B',
        '22423',
        '90001',
      ]))
        for (const value of Object.values(row))
          expect(Number.isFinite(value)).toBe(true);
  });

  it('scores co-purchases from the customers who bought both', () => {
    const [pink] = fixture().features(1, ['20726']);
    // Red and pink bags share 2 buyers; red has 3, pink 2; shrink 5.
    expect(pink.owned).toBe(0);
    expect(pink.coMax).toBeCloseTo(2 / (Math.sqrt(6) + 5), 5);
    expect(pink.categoryShare).toBeCloseTo(4 / 5, 5);
    expect(pink.isTopCategory).toBe(1);
  });

  it('describes popularity and price relative to the customer', () => {
    const [bag, stand] = fixture().features(1, ['20725', '22423']);
    expect(bag.logItemCustomers).toBeCloseTo(Math.log1p(3), 5);
    expect(bag.logPriceRatio).toBeCloseTo(0, 5);
    expect(stand.logPriceRatio).toBeCloseTo(Math.log(12.75 / 1.65), 4);
  });

  it('leaves customer columns at zero for a cold start', () => {
    const [bag] = fixture().features(null, ['20725']);
    expect(bag.owned).toBe(0);
    expect(bag.logCustomerOrders).toBe(0);
    expect(bag.coMax).toBe(0);
    expect(bag.logItemCustomers).toBeGreaterThan(0);
  });
});
