/**
 * The `ShopServices` port over the real modules: catalogue search from
 * retrieval/, profiles, churn and orders from customers/, recommendations
 * from ranking/ and intents from intent/.
 */
import {
  getCustomerProfile,
  getOrder,
  listOrders,
  type ChurnModel,
  type CustomerProfile as StoreProfile,
  type Order,
} from '../customers/index.ts';
import type { Recommender } from '../ranking/index.ts';
import type { CatalogueSearch } from '../retrieval/index.ts';
import type { Db } from '../store/index.ts';
import {
  OrderSummarySchema,
  type CustomerProfile,
  type IntentDetection,
  type OrderDetail,
  type Recommendations,
  type RerankScore,
  type ShopServices,
} from '../tools/index.ts';

export interface StoreServiceParts {
  db: Db;
  referenceDate: Date;
  search: Pick<CatalogueSearch, 'search' | 'product'>;
  churnModel: Pick<ChurnModel, 'params'>;
  detectIntent: (text: string) => Promise<IntentDetection>;
  recommender: Pick<Recommender, 'recommend' | 'rerank'>;
}

function toProfile(profile: StoreProfile): CustomerProfile {
  return {
    customerId: profile.customerId,
    country: profile.country,
    // No purchase up to the reference date: treat as a newcomer.
    stage: profile.stage ?? 'new',
    firstOrder: profile.firstOrderDate ?? undefined,
    lastOrder: profile.lastOrderDate ?? undefined,
    orders: profile.orders,
    totalSpent: profile.monetary.totalSpend,
    daysSinceLastOrder:
      profile.recencyDays === null ? null : Math.round(profile.recencyDays),
    topCategories: profile.topCategories
      .map((entry) => entry.category)
      .filter((category) => category !== 'other'),
    favourites: profile.favouriteProducts.map(({ stockCode, title }) => ({
      stockCode,
      title,
    })),
    pAlive: profile.pAlive,
    expectedPurchases: profile.expectedPurchases,
    horizonDays: profile.horizonDays,
  };
}

function toOrderDetail(order: Order): OrderDetail {
  return {
    invoice: order.invoice,
    date: order.date,
    status: order.status,
    total: order.total,
    nLines: order.lines.filter((line) => line.isProduct).length,
    lines: order.lines.map(({ stockCode, title, quantity, unitPrice }) => ({
      stockCode,
      title,
      quantity,
      unitPrice,
    })),
  };
}

/** The port over the store and the loaded models. */
export function createStoreServices(parts: StoreServiceParts): ShopServices {
  const { db, referenceDate } = parts;
  return {
    detectIntent: parts.detectIntent,
    async searchCatalogue(query) {
      const hits = await parts.search.search(query);
      return hits.map(
        ({ stockCode, title, price, category, colours, score }) => ({
          stockCode,
          title,
          price,
          category,
          colours,
          score,
        }),
      );
    },
    async recommend(customerId, options): Promise<Recommendations> {
      const { coldStart, results } = parts.recommender.recommend(
        customerId,
        options,
      );
      // Category and colours let the agent hold these cards to the filters.
      return {
        customerId,
        coldStart,
        results: results.map((item) => {
          const product = parts.search.product(item.stockCode);
          return {
            ...item,
            category: product?.category,
            colours: product?.colours,
          };
        }),
      };
    },
    async rerank(customerId, stockCodes): Promise<RerankScore[]> {
      return parts.recommender.rerank(customerId, stockCodes);
    },
    async getCustomerProfile(customerId) {
      const profile = getCustomerProfile(db, customerId, {
        referenceDate,
        model: parts.churnModel.params,
      });
      return profile ? toProfile(profile) : null;
    },
    async listOrders(customerId, { limit }) {
      return listOrders(db, customerId, { referenceDate, limit }).map((order) =>
        OrderSummarySchema.parse(toOrderDetail(order)),
      );
    },
    async getOrder(customerId, invoice) {
      const order = getOrder(db, customerId, invoice, { referenceDate });
      return order ? toOrderDetail(order) : null;
    },
  };
}
