import { describe, expect, it } from 'vitest';
import {
  MetricsAccumulator,
  hitRateAt,
  ndcgAt,
  recallAt,
  topK,
} from './metrics.ts';

describe('ranking metrics', () => {
  const relevant = new Set([2, 5, 9]);

  it('computes NDCG@k against the ideal ordering', () => {
    // Hits at ranks 1 and 3: DCG = 1 + 1/log2(4) = 1.5.
    // Ideal with 3 relevant: 1 + 1/log2(3) + 1/log2(4) = 2.1309.
    expect(ndcgAt([2, 7, 5, 8], relevant, 10)).toBeCloseTo(1.5 / 2.1309, 4);
    expect(ndcgAt([2, 5, 9], relevant, 10)).toBe(1);
    expect(ndcgAt([1, 3, 4], relevant, 10)).toBe(0);
    // Cut at k = 1: only the first position counts, ideal is 1.
    expect(ndcgAt([7, 2], relevant, 1)).toBe(0);
  });

  it('computes hit rate and recall', () => {
    expect(hitRateAt([1, 3, 9], relevant, 3)).toBe(1);
    expect(hitRateAt([1, 3, 9], relevant, 2)).toBe(0);
    expect(recallAt([9, 1, 2], relevant, 50)).toBeCloseTo(2 / 3, 10);
    expect(recallAt([], relevant, 50)).toBe(0);
    expect(recallAt([1], new Set(), 50)).toBe(0);
  });

  it('averages over customers', () => {
    const metrics = new MetricsAccumulator();
    metrics.add([2], new Set([2])); // ndcg 1, hit 1, recall 1
    metrics.add([3], new Set([2])); // all 0
    expect(metrics.means()).toEqual({ ndcg10: 0.5, hr10: 0.5, recall50: 0.5 });
  });

  it('selects the top k by score, equal scores by tie key', () => {
    const scores = [0.1, 0.9, 0.5, 0.5, 0.5, 0.2];
    const ties = [0, 0, 1, 3, 2, 0];
    const top = topK(
      [0, 1, 2, 3, 4, 5],
      (i) => scores[i],
      (i) => ties[i],
      4,
    );
    expect(top).toEqual([1, 3, 4, 2]);
    expect(
      topK(
        [0, 1],
        (i) => scores[i],
        () => 0,
        0,
      ),
    ).toEqual([]);
  });
});
