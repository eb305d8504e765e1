/**
 * A scripted ShopAgent for transport tests: it echoes the message in three
 * chunks and answers with a product card (an order card when the message
 * mentions an order). "fail" in a message makes the turn throw; "hang"
 * makes it never finish.
 */
import type { Card, ShopAgent, TurnInput, TurnOutput } from '../agent/index.ts';
import { ShopmateError } from '../errors.ts';

export interface FakeAgentOptions {
  /** Waits this long between chunks, so turns overlap in tests. */
  chunkDelayMs?: number;
}

export interface FakeAgent extends ShopAgent {
  /** Every input received, in order. */
  readonly calls: TurnInput[];
}

export const FAKE_PRODUCT_CARD: Card = {
  type: 'product',
  stockCode: '85099B',
  title: 'JUMBO BAG RED RETROSPOT',
  price: 1.95,
  reason: 'Popular with shoppers like you',
};

export const FAKE_ORDER_CARD: Card = {
  type: 'order',
  invoice: '581587',
  date: '2011-09-30 12:50:00',
  status: 'delivered',
  total: 19.9,
  lines: [
    {
      stockCode: '22726',
      title: 'ALARM CLOCK BAKELIKE GREEN',
      quantity: 2,
      unitPrice: 9.95,
    },
  ],
};

/** The fake's state: how many turns the conversation has had. */
function turnsSoFar(state: unknown): number {
  if (typeof state !== 'object' || state === null) return 0;
  const turns = (state as { turns?: unknown }).turns;
  return typeof turns === 'number' ? turns : 0;
}

export function createFakeAgent(options: FakeAgentOptions = {}): FakeAgent {
  const calls: TurnInput[] = [];
  const pause = () =>
    new Promise((resolve) => setTimeout(resolve, options.chunkDelayMs ?? 0));

  return {
    calls,
    async runTurn(input, onChunk): Promise<TurnOutput> {
      calls.push(input);
      if (/\bfail\b/i.test(input.text))
        throw new ShopmateError(
          'TOOL_FAILED',
          'the fake agent was told to fail',
        );

      if (/\bhang\b/i.test(input.text))
        return new Promise<TurnOutput>(() => {});

      const chunks = ['You said: ', input.text, '.'];
      for (const chunk of chunks) {
        await pause();
        onChunk?.(chunk);
      }
      const wantsOrder = /\border/i.test(input.text);
      return {
        text: chunks.join(''),
        cards: [wantsOrder ? FAKE_ORDER_CARD : FAKE_PRODUCT_CARD],
        state: { turns: turnsSoFar(input.state) + 1 },
        trace: {
          intents: [wantsOrder ? 'order_status' : 'search'],
          toolCalls: [],
          model: 'fake',
        },
      };
    },
  };
}
