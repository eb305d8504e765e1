import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config.ts';
import { FEATURE_NAMES, N_FEATURES } from './features.ts';
import { buildRankingFixture } from './fixture-store.ts';
import type { RankerNetwork } from './scorer.ts';
import { createRecommender } from './recommender.ts';

// REFERENCE_DATE puts the shop's "now" on 2011-04-15, before the fixture's
// last order, so that order is invisible to recommendations.
const config = parseConfig({
  STATE_DIR: path.join(os.tmpdir(), `shopmate-ranking-test-${process.pid}`),
  REFERENCE_DATE: '2011-04-15',
});

/** A one-layer "network" that likes owned, due items and co-purchases. */
function linearNetwork(
  weights: Partial<Record<(typeof FEATURE_NAMES)[number], number>>,
): RankerNetwork {
  const kernel = new Float32Array(N_FEATURES);
  FEATURE_NAMES.forEach((name, f) => (kernel[f] = weights[name] ?? 0));
  return {
    layers: [
      {
        name: 'logit',
        inputs: N_FEATURES,
        units: 1,
        activation: 'linear',
        kernel,
        bias: Float32Array.of(-2),
      },
    ],
    normaliser: {
      mean: new Float32Array(N_FEATURES),
      std: new Float32Array(N_FEATURES).fill(1),
    },
  };
}

const network = linearNetwork({
  owned: 2,
  logCount: 1,
  coMax: 3,
  logItemCustomers: 0.1,
});

describe('recommender', () => {
  const db = buildRankingFixture();
  afterAll(() => fs.rmSync(config.stateDir, { recursive: true, force: true }));

  it('gives unknown and anonymous customers a flagged cold-start list', () => {
    const recommender = createRecommender(db, config, { network });
    for (const customer of [null, 424242]) {
      const result = recommender.recommend(customer, { k: 3 });
      expect(result.coldStart).toBe(true);
      expect(result.customerId).toBe(customer);
      expect(result.results.map((r) => r.stockCode)).toEqual([
        '20725',
        '20726',
        '85099B',
      ]);
      expect(result.results[0].reason).toBe(
        'popular right now: 3 customers bought it in the last 3 months',
      );
      expect(result.results.every((r) => r.kind === 'discover')).toBe(true);
    }
  });

  it('ranks a due regular item first and explains its cycle', () => {
    const recommender = createRecommender(db, config, { network });
    expect(recommender.info.model).toBe('dnn');
    const result = recommender.recommend(1, { k: 3 });
    expect(result.coldStart).toBe(false);
    expect(result.results[0]).toMatchObject({
      stockCode: '20725',
      title: 'LUNCH BAG RED RETROSPOT',
      price: 1.65,
      kind: 'reorder',
      reason: 'you buy this about every 4 weeks — last bought 3 weeks ago',
    });
    expect(result.results[0].score).toBeGreaterThan(0);
    expect(result.results[0].score).toBeLessThan(1);
  });

  it('says a long-overdue habit in the past tense', () => {
    const later = parseConfig({
      STATE_DIR: config.stateDir,
      REFERENCE_DATE: '2011-12-31',
    });
    const recommender = createRecommender(db, later, { network });
    const [first] = recommender.recommend(1, { k: 1, mode: 'reorder' }).results;
    expect(first.reason).toBe(
      'you used to buy this about every 4 weeks — last bought 9 months ago',
    );
  });

  it('explains a discovery by the co-purchase behind it', () => {
    const recommender = createRecommender(db, config, { network });
    const [first] = recommender.recommend(1, {
      k: 1,
      mode: 'discover',
    }).results;
    expect(first).toMatchObject({
      stockCode: '20726',
      kind: 'discover',
      reason:
        'often bought together with LUNCH BAG RED RETROSPOT, which you buy',
    });
  });

  it('keeps reorder and discover apart, and honours exclusions', () => {
    const recommender = createRecommender(db, config, { network });
    const reorder = recommender.recommend(1, {
      k: 10,
      mode: 'reorder',
    }).results;
    expect(reorder.map((r) => r.stockCode).sort()).toEqual(['20725', '22423']);
    expect(reorder.every((r) => r.kind === 'reorder')).toBe(true);
    const discover = recommender.recommend(1, {
      k: 10,
      mode: 'discover',
      excludeStockCodes: ['20726'],
    });
    expect(discover.results.map((r) => r.stockCode)).not.toContain('20726');
    expect(discover.results.every((r) => r.kind === 'discover')).toBe(true);
    // The jam set was only ever cancelled before the reference date.
    expect(discover.results.map((r) => r.stockCode)).not.toContain('22960');
  });

  it('breaks ties by stock code, the same way every time', () => {
    const recommender = createRecommender(db, config, { network });
    const codes = () =>
      recommender
        .recommend(1, { k: 10, mode: 'discover' })
        .results.map((r) => r.stockCode);
    const first = codes();
    // The two plain mugs have identical features.
    expect(first.indexOf('90001')).toBe(first.indexOf('90002') - 1);
    expect(codes()).toEqual(first);
  });

  it('re-ranks candidates, unknown codes last with score 0', () => {
    const recommender = createRecommender(db, config, { network });
    const ranked = recommender.rerank(1, [
      'NOPE',
      '90002',
      '20726',
      '20725',
      '90001',
    ]);
    expect(ranked.map((r) => r.stockCode)).toEqual([
      '20725',
      '20726',
      '90002',
      '90001',
      'NOPE',
    ]);
    expect(ranked[4].score).toBe(0);
    const cold = recommender.rerank(null, ['90001', '20725']);
    expect(cold.map((r) => r.stockCode)).toEqual(['20725', '90001']);
  });

  it('falls back to the hand-set scorer when no model is trained', () => {
    const recommender = createRecommender(db, config, { network: null });
    expect(recommender.info.model).toBe('heuristic');
    expect(recommender.recommend(1, { k: 1 }).results[0].stockCode).toBe(
      '20725',
    );
  });

  it('rejects invalid options with a clear error', () => {
    const recommender = createRecommender(db, config, { network });
    expect(() => recommender.recommend(1, { k: 0 })).toThrow();
  });
});
