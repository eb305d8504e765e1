import { describe, expect, it } from 'vitest';
import {
  buildSystemPrompt,
  chitchatReply,
  describeFilters,
  discoverReply,
  displayDate,
  displayTitle,
  engagementLine,
  extractShopContext,
  goodbyeReply,
  greetingReply,
  handoffReply,
  manipulationReply,
  noOrdersReply,
  noResultsReply,
  orderHistoryReply,
  orderNotFoundReply,
  orderStatusReply,
  outOfScopeReply,
  priceWithheldReply,
  productDetailReply,
  refineProblemReply,
  reorderReply,
  searchResultsReply,
  serviceReply,
  signInReply,
  thanksReply,
  TOOL_DESCRIPTIONS,
  toolTroubleReply,
} from './index.ts';

const order = {
  invoice: '581001',
  date: '2011-09-28 10:00:00',
  status: 'dispatched',
  total: 25.5,
  items: 2,
};

describe('prompts', () => {
  it('system prompt carries the rules and a readable context block', () => {
    const prompt = buildSystemPrompt({
      context: { signedIn: true, state: { turns: 2 } },
    });
    expect(prompt).toMatchSnapshot();
    expect(extractShopContext(prompt)).toEqual({
      signedIn: true,
      state: { turns: 2 },
    });
    expect(extractShopContext('no block here')).toBeUndefined();
  });

  it('tool descriptions', () => {
    expect(TOOL_DESCRIPTIONS).toMatchSnapshot();
  });

  it('formatters', () => {
    expect(displayTitle('  LUNCH BAG  RED RETROSPOT ')).toBe(
      'Lunch bag red retrospot',
    );
    expect(displayDate('2011-09-30 17:22:00')).toBe('30 September 2011');
    expect(
      describeFilters({
        colours: ['red'],
        maxPrice: 2,
        excludeColours: ['blue', 'pink'],
      }),
    ).toBe('in red, up to £2.00, nothing blue or pink');
  });

  it('replies to a second product request in the same message', () => {
    const base = {
      kind: 'new' as const,
      text: 'tea light holders',
      filters: { maxPrice: 3 },
      changes: ['price'],
    };
    expect({
      found: searchResultsReply({
        ...base,
        prices: [0.85, 2.95],
        personalised: false,
        also: true,
      }),
      none: noResultsReply({ ...base, also: true }),
    }).toMatchSnapshot();
  });

  it('product replies', () => {
    const base = {
      text: 'red lunch bag',
      filters: { colours: ['red'], maxPrice: 2 },
      changes: [],
      prices: [1.25, 1.65],
      personalised: false,
    };
    expect({
      new: searchResultsReply({ ...base, kind: 'new' }),
      personalised: searchResultsReply({
        ...base,
        kind: 'new',
        personalised: true,
      }),
      cheaper: searchResultsReply({
        ...base,
        kind: 'refine',
        changes: ['cheaper'],
      }),
      refine: searchResultsReply({
        ...base,
        kind: 'refine',
        changes: ['colour'],
      }),
      more: searchResultsReply({ ...base, kind: 'more' }),
      similar: searchResultsReply({
        ...base,
        kind: 'similar',
        anchorTitle: 'LUNCH BAG APPLE DESIGN',
      }),
      none: noResultsReply({ ...base, kind: 'new' }),
      noneCheaper: noResultsReply({
        ...base,
        kind: 'refine',
        changes: ['cheaper'],
      }),
      noneMore: noResultsReply({ ...base, kind: 'more' }),
      nothingShown: refineProblemReply('nothing_shown'),
      noSearch: refineProblemReply('no_search_yet'),
      detail: productDetailReply({
        title: 'LUNCH BAG RED RETROSPOT',
        price: 1.65,
        category: 'bags',
        colours: ['red'],
      }),
      detailUnknown: productDetailReply(undefined),
    }).toMatchSnapshot();
  });

  it('recommendation replies never promise a discount', () => {
    const replies = {
      discover: discoverReply({
        count: 5,
        personalised: true,
        topCategories: ['bags', 'candles'],
      }),
      popular: discoverReply({
        count: 5,
        personalised: false,
        topCategories: [],
      }),
      none: discoverReply({ count: 0, personalised: true, topCategories: [] }),
      reorder: reorderReply(3),
      noReorder: reorderReply(0),
      atRisk: engagementLine({
        stage: 'at-risk',
        daysSinceLastOrder: 150,
        withIdeas: true,
      }),
      atRiskShort: engagementLine({
        stage: 'at-risk',
        daysSinceLastOrder: 150,
        withIdeas: false,
      }),
      lapsed: engagementLine({
        stage: 'lapsed',
        daysSinceLastOrder: 730,
        withIdeas: true,
      }),
      oneTime: engagementLine({
        stage: 'one-time',
        daysSinceLastOrder: 40,
        withIdeas: true,
      }),
      newcomer: engagementLine({
        stage: 'new',
        daysSinceLastOrder: 10,
        withIdeas: false,
      }),
      active: engagementLine({
        stage: 'active',
        daysSinceLastOrder: 6,
        withIdeas: true,
      }),
    };
    expect(replies).toMatchSnapshot();
    for (const text of Object.values(replies))
      expect(text ?? '').not.toMatch(/discount|% off|free|voucher|code/i);
  });

  it('order replies', () => {
    expect({
      status: orderStatusReply(order),
      notFound: orderNotFoundReply('575003'),
      none: noOrdersReply(),
      history: orderHistoryReply(order, [
        { ...order, invoice: '570002', date: '2011-08-01 09:00:00' },
      ]),
      signInOrders: signInReply('orders'),
      signInReorder: signInReply('reorder'),
    }).toMatchSnapshot();
  });

  it('service and social replies', () => {
    expect({
      cancel: serviceReply('cancel_order', {
        signedIn: true,
        orders: [{ invoice: '581001', status: 'dispatched' }],
      }),
      refundPolicy: serviceReply('check_refund_policy', {
        signedIn: false,
        orders: [],
      }),
      unknown: serviceReply('something_else', { signedIn: false, orders: [] }),
      greeting: greetingReply(false),
      greetingSignedIn: greetingReply(true),
      thanks: thanksReply(),
      goodbye: goodbyeReply(),
      chitchat: chitchatReply(),
      outOfScope: outOfScopeReply(),
      manipulation: manipulationReply(),
      handoff: handoffReply(),
      trouble: toolTroubleReply(),
      withheld: priceWithheldReply(),
    }).toMatchSnapshot();
  });
});
