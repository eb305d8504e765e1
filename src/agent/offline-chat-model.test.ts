import {
  AIMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { createShopTools } from '../tools/index.ts';
import { createFakeShopServices } from '../test-helpers/index.ts';
import { initialConversationState } from './conversation-state.ts';
import { OfflineChatModel } from './offline-chat-model.ts';
import { systemPromptFor } from './shop-context.ts';

const model = new OfflineChatModel().bindTools(
  createShopTools(createFakeShopServices().services),
);
const system = new SystemMessage(
  systemPromptFor({ signedIn: false, state: initialConversationState() }),
);

describe('OfflineChatModel', () => {
  it('binds the shop tools by name', () => {
    expect([...model.toolNames]).toContain('search_catalogue');
  });

  it('starts every turn by calling detect_intent on the message', async () => {
    const reply = await model.invoke([system, new HumanMessage('lunch bags')]);
    expect(reply.tool_calls).toMatchObject([
      { name: 'detect_intent', args: { text: 'lunch bags' } },
    ]);
  });

  it('plans the next call from the detection, then writes the reply', async () => {
    const detection = {
      ok: true,
      intents: ['product_search'],
      parts: [
        {
          text: 'lunch bags',
          intents: [{ name: 'product_search', confidence: 0.9 }],
          entities: {
            orderIds: [],
            colours: [],
            excludeColours: [],
            categories: [],
            quantities: [],
            refinements: [],
            ordinals: [],
          },
          sentiment: 0,
          cues: {
            cheaper: false,
            pricier: false,
            showMore: false,
            moreLike: false,
            ordinals: [],
            colours: [],
            excludeColours: [],
            anyColour: false,
            otherColour: false,
            orderIds: [],
            manipulation: false,
            productText: 'lunch bags',
          },
        },
      ],
    };
    const history = [
      system,
      new HumanMessage('lunch bags'),
      new AIMessage({
        content: '',
        tool_calls: [
          { id: 'd1', name: 'detect_intent', args: { text: 'lunch bags' } },
        ],
      }),
      new ToolMessage({
        tool_call_id: 'd1',
        content: JSON.stringify(detection),
      }),
    ];
    const next = await model.invoke(history);
    expect(next.tool_calls).toMatchObject([
      { name: 'search_catalogue', args: { text: 'lunch bags', k: 10 } },
    ]);

    const hits = [
      {
        stockCode: '20725',
        title: 'LUNCH BAG RED RETROSPOT',
        price: 1.65,
        category: 'bags',
        colours: ['red'],
        score: 1,
      },
    ];
    const reply = await model.invoke([
      ...history,
      next,
      new ToolMessage({
        tool_call_id: next.tool_calls?.[0]?.id ?? '',
        content: JSON.stringify({
          ok: true,
          query: { text: 'lunch bags', k: 10 },
          hits,
        }),
      }),
    ]);
    expect(reply.tool_calls ?? []).toEqual([]);
    expect(reply.content).toBe('I found 1 match for “lunch bags” at £1.65.');
  });

  it('streams its reply in word-sized chunks', async () => {
    const chunks: string[] = [];
    for await (const chunk of await model.stream([
      system,
      new HumanMessage('hi'),
      new AIMessage({
        content: '',
        tool_calls: [{ id: 'd1', name: 'detect_intent', args: { text: 'hi' } }],
      }),
      new ToolMessage({
        tool_call_id: 'd1',
        content: 'Error: detect_intent is unavailable right now.',
        status: 'error',
      }),
    ]))
      chunks.push(String(chunk.content));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join('')).toMatch(/^Hello!/);
  });
});
