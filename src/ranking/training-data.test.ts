import { describe, expect, it } from 'vitest';
import { createFeatureContext, FEATURE_NAMES, N_FEATURES } from './features.ts';
import { buildRankingFixture } from './fixture-store.ts';
import { loadPurchaseLog, toDay } from './purchase-log.ts';
import { createRandom } from './seeded-random.ts';
import { buildSnapshot } from './snapshot.ts';
import { buildTrainingSet, sampleStratum } from './training-data.ts';

describe('training examples', () => {
  const log = loadPurchaseLog(buildRankingFixture());
  const cutoff = toDay(new Date('2011-03-10T00:00:00Z'));
  const context = createFeatureContext(buildSnapshot(log, cutoff));
  const code = (row: number, set: { x: Float32Array }) =>
    set.x[row * N_FEATURES + FEATURE_NAMES.indexOf('owned')];

  it('labels what customers with a history bought in the window', () => {
    const set = buildTrainingSet(context, cutoff + 36, createRandom(1));
    // Only customer 1 has a history and buys in the window (the red bag);
    // the catalogue at the cutoff is the red bag, the pink bag, the cake stand.
    expect(set.n).toBe(3);
    expect([...set.y]).toEqual([1, 0, 0]);
    expect([...set.customer]).toEqual([0, 0, 0]);
    // Positive and the cake stand are owned; the pink bag is a co-purchase.
    expect([0, 1, 2].map((row) => code(row, set))).toEqual([1, 1, 0]);
    // Every stratum was kept whole: no sampling correction.
    expect([...set.offset]).toEqual([0, 0, 0]);
  });

  it('samples a stratum uniformly and records log(pool / kept)', () => {
    const pool = [...Array(10).keys()];
    const { items, offset } = sampleStratum([...pool], 2, createRandom(5));
    expect(items).toHaveLength(2);
    expect(new Set(items).size).toBe(2);
    expect(offset).toBeCloseTo(Math.log(5), 10);
    expect(sampleStratum([1, 2], 5, createRandom(5))).toEqual({
      items: [1, 2],
      offset: 0,
    });
  });

  it('skips windows where no one with a history buys a known item', () => {
    // Customer 1's jam set (2011-05-01) was never sold before: not rankable.
    const later = createFeatureContext(buildSnapshot(log, cutoff + 40));
    expect(buildTrainingSet(later, cutoff + 60, createRandom(1)).n).toBe(0);
  });
});
