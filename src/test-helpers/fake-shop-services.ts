/**
 * A small, deterministic shop behind the `ShopServices` port, for agent and
 * tool tests: a catalogue of 27 products, four customers with orders, a
 * keyword intent model and a ranker that knows what each customer bought.
 */
import {
  OrderSummarySchema,
  type CatalogueHit,
  type CatalogueQuery,
  type CustomerProfile,
  type IntentDetection,
  type OrderDetail,
  type Recommendations,
  type ShopServices,
} from '../tools/index.ts';

type Product = Omit<CatalogueHit, 'score'>;

const product = (
  stockCode: string,
  title: string,
  price: number,
  category: string,
  colours: string[],
): Product => ({ stockCode, title, price, category, colours });

export const FAKE_CATALOGUE: Product[] = [
  product('20725', 'LUNCH BAG RED RETROSPOT', 1.65, 'bags', ['red']),
  product('20726', 'LUNCH BAG WOODLAND', 1.65, 'bags', ['green']),
  product('20727', 'LUNCH BAG BLACK SKULL', 1.65, 'bags', ['black']),
  product('20728', 'LUNCH BAG CARS BLUE', 1.65, 'bags', ['blue']),
  product('22382', 'LUNCH BAG SPACEBOY DESIGN', 1.65, 'bags', ['blue']),
  product('22383', 'LUNCH BAG SUKI DESIGN', 1.65, 'bags', ['pink']),
  product('22661', 'CHARLOTTE BAG RED RETROSPOT', 0.85, 'bags', ['red']),
  product('22662', 'LUNCH BAG DOLLY GIRL DESIGN', 1.45, 'bags', ['pink']),
  product('23206', 'LUNCH BAG APPLE DESIGN', 1.25, 'bags', ['red', 'green']),
  product('23207', 'LUNCH BAG ALPHABET DESIGN', 1.25, 'bags', ['red']),
  product('23208', 'LUNCH BAG VINTAGE LEAF', 1.95, 'bags', ['green']),
  product('20712', 'JUMBO BAG WOODLAND ANIMALS', 2.08, 'bags', ['green']),
  product('85099B', 'JUMBO BAG RED RETROSPOT', 2.08, 'bags', ['red']),
  product('79321', 'CHILLI LIGHTS', 5.75, 'lights', ['red']),
  product('84879', 'ASSORTED COLOUR BIRD ORNAMENT', 1.69, 'decorations', []),
  product('22112', 'CHOCOLATE HOT WATER BOTTLE', 4.95, 'home', ['brown']),
  product('21733', 'RED HANGING HEART T-LIGHT HOLDER', 2.95, 'candles', [
    'red',
  ]),
  product('85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', 2.95, 'candles', [
    'white',
  ]),
  product('71053', 'WHITE METAL LANTERN', 3.75, 'candles', ['white']),
  product('22457', 'NATURAL SLATE HEART CHALKBOARD', 2.95, 'home', []),
  product('37370', 'RETRO COFFEE MUGS ASSORTED', 1.25, 'kitchen', []),
  product('21212', 'PACK OF 72 RETROSPOT CAKE CASES', 0.55, 'kitchen', ['red']),
  product('22197', 'POPCORN HOLDER BLUE', 0.85, 'kitchen', ['blue']),
  product('22386', 'JUMBO BAG PINK POLKADOT', 2.08, 'bags', ['pink']),
  product('30001', 'LUNCH BAG RED VINTAGE', 1.85, 'bags', ['red']),
  product('30002', 'LUNCH BAG RED SPOTTY', 1.45, 'bags', ['red']),
  product('30003', 'MINI LUNCH BAG RED', 0.65, 'bags', ['red']),
];

export interface FakeCustomer {
  profile: CustomerProfile;
  orders: OrderDetail[];
}

const line = (stockCode: string, quantity: number) => {
  const item = FAKE_CATALOGUE.find((p) => p.stockCode === stockCode);
  if (!item) throw new Error(`no fake product ${stockCode}`);
  return { stockCode, title: item.title, quantity, unitPrice: item.price };
};

const order = (
  invoice: string,
  date: string,
  status: string,
  lines: ReturnType<typeof line>[],
): OrderDetail => ({
  invoice,
  date,
  status,
  total:
    Math.round(
      lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0) * 100,
    ) / 100,
  nLines: lines.length,
  lines,
});

const profile = (
  customerId: number,
  stage: CustomerProfile['stage'],
  orders: number,
  daysSinceLastOrder: number,
  topCategories: string[],
): CustomerProfile => ({
  customerId,
  country: 'United Kingdom',
  stage,
  orders,
  totalSpent: 100,
  daysSinceLastOrder,
  topCategories,
  favourites: [],
  pAlive: stage === 'lapsed' ? 0.1 : stage === 'at-risk' ? 0.4 : 0.9,
  expectedPurchases: 1,
});

/** Loyal 101, one-time 202, at-risk 303, lapsed 404. */
export const FAKE_CUSTOMERS: Record<number, FakeCustomer> = {
  101: {
    profile: profile(101, 'active', 12, 6, ['bags', 'kitchen']),
    orders: [
      order('581001', '2011-09-28 10:00:00', 'dispatched', [
        line('20725', 10),
        line('37370', 6),
      ]),
      order('570002', '2011-08-01 09:00:00', 'delivered', [
        line('20725', 10),
        line('21212', 24),
      ]),
    ],
  },
  202: {
    profile: profile(202, 'one-time', 1, 40, ['candles']),
    orders: [
      order('575003', '2011-08-21 12:00:00', 'delivered', [line('85123A', 6)]),
    ],
  },
  303: {
    profile: profile(303, 'at-risk', 5, 150, ['bags']),
    orders: [
      order('560004', '2011-05-03 12:00:00', 'delivered', [line('20726', 10)]),
    ],
  },
  404: {
    profile: profile(404, 'lapsed', 3, 400, ['home']),
    orders: [
      order('540005', '2010-08-26 12:00:00', 'delivered', [line('22112', 4)]),
    ],
  },
};

const INTENT_RULES: [RegExp, string][] = [
  [/\b(ignore|override)\b/i, 'out_of_scope'],
  [/\b(human|real person|someone real)\b/i, 'contact_human_agent'],
  [/\brefund\b/i, 'get_refund'],
  [/\bcancel\b/i, 'cancel_order'],
  [/\breorder|buy again\b/i, 'reorder'],
  [/\b(bought|last time|order history|past orders)\b/i, 'order_history'],
  [
    /\b(where|status|track)\b.*\border\b|\border\b.*\b(where|status|arrive)\b/i,
    'track_order',
  ],
  [/\border\b/i, 'track_order'],
  [/\b(recommend|suggest|something new)\b/i, 'recommendation'],
  [/^\s*(hi|hello|hey)\b/i, 'greeting'],
  [/\bthank/i, 'thanks'],
  [/\b(bye|goodbye)\b/i, 'goodbye'],
  [/\bweather|football|joke\b/i, 'chitchat'],
];

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 2);
}

/** Options to make parts of the fake shop fail, for error-path tests. */
export interface FakeShopOptions {
  failing?: Partial<Record<keyof ShopServices, Error>>;
}

/** The fake shop; every call is recorded in `calls`. */
export function createFakeShopServices(options: FakeShopOptions = {}) {
  const calls: { method: keyof ShopServices; args: unknown[] }[] = [];
  const record = (method: keyof ShopServices, args: unknown[]) => {
    calls.push({ method, args });
    const failure = options.failing?.[method];
    if (failure) throw failure;
  };

  const services: ShopServices = {
    async detectIntent(text): Promise<IntentDetection> {
      record('detectIntent', [text]);
      const rule = INTENT_RULES.find(([pattern]) => pattern.test(text));
      const name =
        rule?.[1] ??
        (tokens(text).length > 0 ? 'product_search' : 'out_of_scope');
      return {
        intents: [{ name, confidence: rule ? 0.9 : 0.6 }],
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
      };
    },
    async searchCatalogue(query: CatalogueQuery) {
      record('searchCatalogue', [query]);
      const words = tokens(query.text);
      const excluded = new Set(query.excludeStockCodes ?? []);
      return (
        FAKE_CATALOGUE.filter((p) => {
          if (excluded.has(p.stockCode)) return false;
          if (query.minPrice !== undefined && p.price < query.minPrice)
            return false;
          if (query.maxPrice !== undefined && p.price > query.maxPrice)
            return false;
          if (
            query.categories?.length &&
            !query.categories.includes(p.category)
          )
            return false;
          if (
            query.colours?.length &&
            !p.colours.some((c) => query.colours?.includes(c))
          )
            return false;
          if (p.colours.some((c) => query.excludeColours?.includes(c)))
            return false;
          return true;
        })
          .map((p) => {
            const title = tokens(p.title);
            const score =
              words.filter((w) =>
                title.some((t) => t.startsWith(w.replace(/s$/, ''))),
              ).length / Math.max(1, words.length);
            return { ...p, score };
          })
          .filter((hit) => hit.score > 0)
          // Dearest first, so that "cheaper" has somewhere to go.
          .sort(
            (a, b) =>
              b.price - a.price || a.stockCode.localeCompare(b.stockCode),
          )
          .slice(0, query.k)
      );
    },
    async recommend(
      customerId,
      { k, mode, excludeStockCodes },
    ): Promise<Recommendations> {
      record('recommend', [customerId, { k, mode, excludeStockCodes }]);
      const customer =
        customerId === null ? undefined : FAKE_CUSTOMERS[customerId];
      const bought = new Set(
        customer?.orders.flatMap((o) => o.lines.map((l) => l.stockCode)) ?? [],
      );
      const excluded = new Set(excludeStockCodes ?? []);
      if (mode === 'reorder') {
        const results = [...bought].slice(0, k).map((code, i) => {
          const p = FAKE_CATALOGUE.find((item) => item.stockCode === code)!;
          return {
            ...p,
            score: 1 - i / 10,
            reason: 'You order this regularly and are due again',
            kind: 'reorder',
          };
        });
        return { customerId, coldStart: !customer, results };
      }
      const results = FAKE_CATALOGUE.filter(
        (p) => !bought.has(p.stockCode) && !excluded.has(p.stockCode),
      )
        .slice(0, k)
        .map((p, i) => ({
          ...p,
          score: 1 - i / 10,
          reason: customer
            ? `Popular with customers who buy ${customer.profile.topCategories[0]}`
            : 'A bestseller this month',
          kind: customer ? 'discover' : 'popular',
        }));
      return { customerId, coldStart: !customer, results };
    },
    async rerank(customerId, stockCodes) {
      record('rerank', [customerId, stockCodes]);
      // Reverses the order, so tests can see the ranker took effect.
      return stockCodes.map((stockCode, i) => ({ stockCode, score: i }));
    },
    async getCustomerProfile(customerId) {
      record('getCustomerProfile', [customerId]);
      return FAKE_CUSTOMERS[customerId]?.profile ?? null;
    },
    async listOrders(customerId, { limit }) {
      record('listOrders', [customerId, { limit }]);
      return (FAKE_CUSTOMERS[customerId]?.orders ?? [])
        .slice(0, limit)
        .map((order) => OrderSummarySchema.parse(order));
    },
    async getOrder(customerId, invoice) {
      record('getOrder', [customerId, invoice]);
      return (
        FAKE_CUSTOMERS[customerId]?.orders.find((o) => o.invoice === invoice) ??
        null
      );
    },
  };
  return { services, calls };
}
