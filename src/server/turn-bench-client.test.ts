import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeAgent,
  startTestShopServer,
  type TestShopServer,
} from '../test-helpers/index.ts';
import { signSessionToken } from './session-token.ts';
import { connectBenchShopper, type BenchShopper } from './turn-bench-client.ts';

let shop: TestShopServer;
let shopper: BenchShopper;

beforeAll(async () => {
  shop = await startTestShopServer({
    agent: createFakeAgent(),
    env: { TURNS_PER_MINUTE: '3' },
    // The fake's "hang" turn ends as an apology after this long.
    turnTimeoutMs: 300,
  });
  const { token } = await signSessionToken(shop.config.sessionSecret, {
    customerId: null,
  });
  shopper = await connectBenchShopper(shop.baseUrl, token, 5000);
});

afterAll(async () => {
  shopper.close();
  await shop.close();
});

describe('the bench shopper', () => {
  it('times turns, ignores late replies and reports refusals', async () => {
    const first = await shopper.send('hello', { timeoutMs: 5000 });
    expect(first.cards).toBe(1);
    expect(first.error).toBeUndefined();
    expect(first.latencyMs).toBeGreaterThan(0);
    expect(first.firstChunkMs).toBeLessThanOrEqual(first.latencyMs ?? 0);

    const hung = await shopper.send('hang', { timeoutMs: 100 });
    expect(hung.error).toBe('TIMEOUT');
    expect(hung.latencyMs).toBeUndefined();

    // The apology for the hung turn arrives while this one waits behind it.
    const next = await shopper.send('hello again', { timeoutMs: 5000 });
    expect(next.cards).toBe(1);
    expect(next.error).toBeUndefined();

    const refused = await shopper.send('one too many', { timeoutMs: 5000 });
    expect(refused.error).toBe('RATE_LIMITED');
    expect(refused.latencyMs).toBeUndefined();
  });
});
