/** A token bucket: `capacity` turns at once, refilled evenly over a minute. */
export interface TokenBucket {
  /** Takes one token; false when the bucket is empty. */
  tryTake(): boolean;
}

export function createTokenBucket(
  perMinute: number,
  now: () => number = Date.now,
): TokenBucket {
  const refillPerMs = perMinute / 60_000;
  let tokens = perMinute;
  let last = now();

  return {
    tryTake() {
      const current = now();
      tokens = Math.min(perMinute, tokens + (current - last) * refillPerMs);
      last = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
