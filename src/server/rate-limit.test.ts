import { describe, expect, it } from 'vitest';
import { createTokenBucket } from './rate-limit.ts';

describe('token bucket', () => {
  it('allows a burst of perMinute, then refills evenly', () => {
    let now = 0;
    const bucket = createTokenBucket(6, () => now);
    const burst = Array.from({ length: 7 }, () => bucket.tryTake());
    expect(burst).toEqual([true, true, true, true, true, true, false]);

    now += 9_999;
    expect(bucket.tryTake()).toBe(false);
    now += 1;
    expect(bucket.tryTake()).toBe(true);
  });

  it('never holds more than perMinute tokens', () => {
    let now = 0;
    const bucket = createTokenBucket(2, () => now);
    now += 10 * 60_000;
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
