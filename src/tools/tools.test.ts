import { describe, expect, it } from 'vitest';
import { createFakeShopServices } from '../test-helpers/index.ts';
import { createShopTools } from './create-shop-tools.ts';

type ShopTools = ReturnType<typeof createShopTools>;

function toolsFor(customerId: number | null) {
  const fake = createFakeShopServices();
  const tools = createShopTools(fake.services);
  const byName = (name: string) => {
    const found = tools.find((t) => t.name === name);
    if (!found) throw new Error(`no tool ${name}`);
    return found as ShopTools[number];
  };
  const call = async (name: string, args: Record<string, unknown>) =>
    JSON.parse(
      JSON.stringify(
        await (
          byName(name) as {
            invoke: (a: unknown, c: unknown) => Promise<unknown>;
          }
        ).invoke(args, { context: { conversationId: 'c1', customerId } }),
      ),
    ) as Record<string, unknown>;
  return { call, calls: fake.calls };
}

describe('shop tools', () => {
  it('are seven, each with a zod schema and a description', () => {
    const tools = createShopTools(createFakeShopServices().services);
    expect(tools.map((t) => t.name)).toEqual([
      'detect_intent',
      'search_catalogue',
      'rank_for_customer',
      'get_customer_profile',
      'check_churn',
      'list_orders',
      'get_order_status',
    ]);
    for (const tool of tools)
      expect(tool.description.length).toBeGreaterThan(40);
  });

  it('search_catalogue returns only hits inside its filters', async () => {
    const { call } = toolsFor(null);
    const result = await call('search_catalogue', {
      text: 'lunch bag',
      maxPrice: 1.5,
      colours: ['red'],
    });
    const hits = result.hits as { price: number; colours: string[] }[];
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.price).toBeLessThanOrEqual(1.5);
      expect(hit.colours).toContain('red');
    }
  });

  it('takes the customer from the session, never from the arguments', async () => {
    const { call, calls } = toolsFor(101);
    const result = await call('list_orders', { limit: 5, customerId: 202 });
    expect(result.ok).toBe(true);
    expect(calls.find((c) => c.method === 'listOrders')?.args[0]).toBe(101);
  });

  it("reports another customer's invoice as not found", async () => {
    const { call } = toolsFor(101);
    const mine = await call('get_order_status', { invoice: '581001' });
    expect(mine).toMatchObject({ ok: true, order: { invoice: '581001' } });
    const theirs = await call('get_order_status', { invoice: '575003' });
    expect(theirs).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('asks anonymous shoppers to sign in for account tools', async () => {
    const { call } = toolsFor(null);
    for (const [name, args] of [
      ['list_orders', {}],
      ['get_order_status', { invoice: '581001' }],
      ['get_customer_profile', {}],
      ['check_churn', {}],
      ['rank_for_customer', { mode: 'reorder' }],
    ] as const)
      expect(await call(name, args)).toMatchObject({
        ok: false,
        error: 'sign_in_required',
      });
  });

  it('gives anonymous shoppers popular items and leaves search order alone', async () => {
    const { call } = toolsFor(null);
    const mixed = await call('rank_for_customer', { mode: 'mixed', k: 3 });
    expect(mixed).toMatchObject({ ok: true, personalised: false });
    expect(mixed.results).toHaveLength(3);
    const rerank = await call('rank_for_customer', {
      mode: 'rerank',
      stockCodes: ['20725'],
    });
    expect(rerank).toMatchObject({ ok: true, personalised: false, scores: [] });
  });

  it('check_churn flags at-risk and lapsed customers for re-engagement', async () => {
    expect(await toolsFor(303).call('check_churn', {})).toMatchObject({
      ok: true,
      stage: 'at-risk',
      needsReengagement: true,
    });
    expect(await toolsFor(101).call('check_churn', {})).toMatchObject({
      stage: 'active',
      needsReengagement: false,
    });
  });

  it('detect_intent reads each clause of a message', async () => {
    const result = await toolsFor(null).call('detect_intent', {
      text: 'where is my order 581001? also show me lunch bags',
    });
    expect(result.intents).toEqual(['track_order', 'product_search']);
    const parts = result.parts as { entities: { orderIds: string[] } }[];
    expect(parts[0].entities.orderIds).toEqual(['581001']);
  });

  it('rejects malformed arguments through the schema', async () => {
    const { call } = toolsFor(101);
    await expect(
      call('get_order_status', { invoice: 'DROP TABLE' }),
    ).rejects.toThrow();
    await expect(
      call('search_catalogue', { text: '', k: 500 }),
    ).rejects.toThrow();
  });
});
