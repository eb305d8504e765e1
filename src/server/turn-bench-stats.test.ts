import { describe, expect, it } from 'vitest';
import { percentile, summariseTurns } from './turn-bench-stats.ts';

describe('percentile', () => {
  it('takes the nearest rank, whatever the input order', () => {
    const values = [50, 10, 40, 20, 30, 100, 90, 80, 70, 60];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile(values, 90)).toBe(90);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile(values, 100)).toBe(100);
  });

  it('gives the only value for one value and NaN for none', () => {
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summariseTurns', () => {
  it('counts errors, keeps unanswered turns out of the latencies', () => {
    const summary = summariseTurns(
      [
        { text: 'lunch bag', latencyMs: 100, firstChunkMs: 90, cards: 3 },
        { text: 'cheaper', latencyMs: 300, firstChunkMs: 250, cards: 2 },
        { text: 'lunch bag', latencyMs: 200, cards: 3 },
        { text: 'cheaper', error: 'RATE_LIMITED', cards: 0 },
        {
          text: 'cheaper',
          latencyMs: 400,
          error: 'MODEL_UNAVAILABLE',
          cards: 0,
        },
      ],
      2,
      2000,
    );

    expect(summary).toMatchObject({
      shoppers: 2,
      turns: 5,
      replied: 4,
      p50Ms: 200,
      p95Ms: 400,
      maxMs: 400,
      firstChunkP50Ms: 90,
      turnsPerSecond: 2,
      wallSeconds: 2,
      errors: { RATE_LIMITED: 1, MODEL_UNAVAILABLE: 1 },
    });
    expect(Object.entries(summary.byMessageP50Ms)).toEqual([
      ['lunch bag', 100],
      ['cheaper', 300],
    ]);
  });
});
