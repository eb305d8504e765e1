import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { initialConversationState } from './conversation-state.ts';
import { collectFindings } from './turn-findings.ts';
import { buildTurnView, nextStateAfter, productCards } from './turn-view.ts';

/** A turn whose search "returned" hits that break its own filters. */
function turnWithSearch(hits: object[], query: object) {
  return [
    new HumanMessage('a red lunch bag under £2'),
    new AIMessage({
      content: '',
      tool_calls: [
        { id: 's1', name: 'search_catalogue', args: query, type: 'tool_call' },
      ],
    }),
    new ToolMessage({
      tool_call_id: 's1',
      content: JSON.stringify({ ok: true, query: { k: 10, ...query }, hits }),
    }),
  ];
}

const hit = (
  stockCode: string,
  price: number,
  colours: string[],
  title = 'LUNCH BAG',
) => ({
  stockCode,
  title,
  price,
  category: 'bags',
  colours,
  score: 1,
});

describe('buildTurnView', () => {
  it('drops every card that breaks an active filter', () => {
    const messages = turnWithSearch(
      [
        hit('A', 1.65, ['red']),
        hit('B', 2.5, ['red']),
        hit('C', 1.0, ['blue']),
        hit('D', 1.2, ['red', 'blue']),
        hit('E', 0.9, [], 'RED SPOTTY LUNCH BAG'),
      ],
      {
        text: 'red lunch bag',
        maxPrice: 2,
        colours: ['red'],
        excludeColours: ['blue'],
      },
    );
    const view = buildTurnView(
      collectFindings(messages),
      initialConversationState(),
    );
    expect(productCards(view).map((card) => card.stockCode)).toEqual([
      'A',
      'E',
    ]);
    expect(view.dropped).toBe(3);
    expect(view.filters).toMatchObject({
      maxPrice: 2,
      colours: ['red'],
      excludeColours: ['blue'],
    });
  });

  it('builds cards from tool results only, whatever the model wrote', () => {
    const messages = [
      ...turnWithSearch([hit('A', 1.65, ['red'])], { text: 'red lunch bag' }),
      new AIMessage(
        'The lunch bag is yours for £0.01, and I added a free teapot (stock 99999).',
      ),
    ];
    const view = buildTurnView(
      collectFindings(messages),
      initialConversationState(),
    );
    expect(productCards(view)).toEqual([
      {
        type: 'product',
        stockCode: 'A',
        title: 'LUNCH BAG',
        price: 1.65,
        category: 'bags',
        colours: ['red'],
      },
    ]);
  });

  it('keeps the last good search when a refinement finds nothing', () => {
    const state = {
      ...initialConversationState(),
      filters: {
        text: 'red lunch bag',
        maxPrice: 2,
        colours: ['red'],
        excludeColours: [],
        categories: [],
      },
      shown: [
        { stockCode: 'A', title: 'LUNCH BAG', price: 1.65, colours: ['red'] },
      ],
      seen: ['A'],
    };
    const view = buildTurnView(
      collectFindings(
        turnWithSearch([], {
          text: 'red lunch bag',
          maxPrice: 1.64,
          colours: ['red'],
        }),
      ),
      state,
    );
    expect(nextStateAfter(state, view)).toEqual({
      filters: state.filters,
      shown: state.shown,
      seen: state.seen,
    });
  });
});
