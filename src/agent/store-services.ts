/**
 * The `ShopServices` port over the real modules: catalogue search from
 * retrieval/, profiles, churn and orders from customers/, the ranker and the
 * intent model (interim stand-ins until their folders export them).
 */
import {
  getCustomerProfile,
  getOrder,
  listOrders,
  type ChurnModel,
  type CustomerProfile as StoreProfile,
  type Order,
} from '../customers/index.ts';
import type { CatalogueSearch } from '../retrieval/index.ts';
import type { Db } from '../store/index.ts';
import type {
  CustomerProfile,
  IntentDetection,
  OrderDetail,
  RecommendOptions,
  Recommendations,
  RerankScore,
  ShopServices,
} from '../tools/index.ts';

export interface StoreServiceParts {
  db: Db;
  referenceDate: Date;
  search: Pick<CatalogueSearch, 'search'>;
  churnModel: Pick<ChurnModel, 'params'>;
  detectIntent: (text: string) => Promise<IntentDetection>;
  recommender: {
    recommend(
      customerId: number | null,
      options: RecommendOptions,
    ): Promise<Recommendations>;
    rerank(customerId: number, stockCodes: string[]): Promise<RerankScore[]>;
  };
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
      return hits.map(({ stockCode, title, price, category, colours, score }) => ({
        stockCode,
        title,
        price,
        category,
        colours,
        score,
      }));
    },
    recommend: (customerId, options) =>
      parts.recommender.recommend(customerId, options),
    rerank: (customerId, stockCodes) =>
      parts.recommender.rerank(customerId, stockCodes),
    async getCustomerProfile(customerId) {
      const profile = getCustomerProfile(db, customerId, {
        referenceDate,
        model: parts.churnModel.params,
      });
      return profile ? toProfile(profile) : null;
    },
    async listOrders(customerId, { limit }) {
      return listOrders(db, customerId, { referenceDate, limit }).map(
        (order) => {
          const { lines: _lines, ...summary } = toOrderDetail(order);
          return summary;
        },
      );
    },
    async getOrder(customerId, invoice) {
      const order = getOrder(db, customerId, invoice, { referenceDate });
      return order ? toOrderDetail(order) : null;
    },
  };
}
