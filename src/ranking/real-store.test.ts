import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../config.ts';
import { getIngestedDb } from '../test-helpers/index.ts';
import {
  N_FEATURES,
  createCustomerView,
  createFeatureContext,
  loadCustomerView,
  writeFeatures,
} from './features.ts';
import { loadPurchaseLog, referenceDay } from './purchase-log.ts';
import {
  RecommendationSchema,
  createRecommender,
  type Recommender,
} from './recommender.ts';
import { buildSnapshot } from './snapshot.ts';

describe('ranking on the real store', () => {
  let recommender: Recommender;
  let regular: number;

  beforeAll(() => {
    const db = getIngestedDb();
    // The saved model may or may not exist here; the fallback keeps this test
    // independent of `shopmate train`.
    recommender = createRecommender(db, getConfig(), { network: null });
    regular = (
      db
        .prepare(
          `SELECT customer_id AS id FROM orders WHERE customer_id IS NOT NULL
           AND is_cancellation = 0 GROUP BY customer_id HAVING COUNT(*) >= 10
           ORDER BY customer_id LIMIT 1`,
        )
        .get() as { id: number }
    ).id;
  });

  it('recommends reorders and discoveries for a regular customer', () => {
    const mixed = RecommendationSchema.parse(
      recommender.recommend(regular, { k: 20 }),
    );
    expect(mixed.coldStart).toBe(false);
    expect(mixed.results).toHaveLength(20);
    expect(new Set(mixed.results.map((r) => r.stockCode)).size).toBe(20);
    const discover = recommender.recommend(regular, { k: 5, mode: 'discover' });
    expect(discover.results.every((r) => r.kind === 'discover')).toBe(true);
    expect(discover.results.every((r) => r.reason.length > 10)).toBe(true);
  });

  it('answers an unknown customer with a cold-start list', () => {
    const result = recommender.recommend(1, { k: 5 });
    expect(result.coldStart).toBe(true);
    expect(result.results).toHaveLength(5);
  });

  it('computes finite features for a sample of real customers', () => {
    const db = getIngestedDb();
    const log = loadPurchaseLog(db);
    const context = createFeatureContext(
      buildSnapshot(log, referenceDay(db, getConfig())),
    );
    const view = createCustomerView(log.items.length);
    const items = Int32Array.from(log.items.keys());
    const out = new Float32Array(items.length * N_FEATURES);
    const histories = context.snapshot.histories.filter(Boolean);
    for (
      let i = 0;
      i < histories.length;
      i += Math.ceil(histories.length / 25)
    ) {
      loadCustomerView(context, view, histories[i]);
      writeFeatures(context, view, items, out);
      expect(out.every(Number.isFinite)).toBe(true);
    }
  });
});
