/**
 * A stand-in for the DNN ranker while ranking/ has no serving entry point:
 * popularity and purchase-history rules over the store, with honest reasons.
 * TODO(#4): replace with ranking/'s createRecommender once it is exported.
 */
import {
  DAY_MS,
  formatShopTime,
  parseShopTime,
  type Db,
} from '../store/index.ts';
import type {
  RecommendOptions,
  Recommendations,
  RerankScore,
} from '../tools/index.ts';

interface PopularRow {
  stockCode: string;
  title: string;
  price: number;
  category: string;
  colours: string;
  customers: number;
}

interface HistoryRow {
  stockCode: string;
  title: string;
  price: number;
  category: string;
  colours: string;
  dates: string;
}

const YEAR_DAYS = 365;

export interface InterimRecommender {
  recommend(
    customerId: number | null,
    options: RecommendOptions,
  ): Promise<Recommendations>;
  rerank(customerId: number, stockCodes: string[]): Promise<RerankScore[]>;
}

export function createInterimRecommender(
  db: Db,
  referenceDate: Date,
): InterimRecommender {
  const now = formatShopTime(referenceDate);
  const since = formatShopTime(new Date(referenceDate.getTime() - YEAR_DAYS * DAY_MS));
  const popular = db
    .prepare(
      `SELECT stock_code AS stockCode, title, price, category, colours,
              n_customers AS customers
       FROM products WHERE last_sold >= ? ORDER BY n_customers DESC LIMIT 400`,
    )
    .all(since) as PopularRow[];
  const historyQuery = db.prepare(
    `SELECT l.stock_code AS stockCode, p.title AS title, p.price AS price,
            p.category AS category, p.colours AS colours,
            GROUP_CONCAT(DISTINCT substr(o.date, 1, 10)) AS dates
     FROM orders o JOIN order_lines l ON l.invoice = o.invoice
     JOIN products p ON p.stock_code = l.stock_code
     WHERE o.customer_id = ? AND o.is_cancellation = 0 AND o.date <= ?
       AND l.is_product = 1 AND l.quantity > 0
     GROUP BY l.stock_code`,
  );
  const historyOf = (customerId: number) =>
    historyQuery.all(customerId, now) as HistoryRow[];
  const colours = (json: string) => JSON.parse(json) as string[];

  function reorder(customerId: number, k: number): Recommendations {
    const items = historyOf(customerId)
      .map((row) => {
        const dates = row.dates.split(',').sort();
        const days = dates.map((d) => parseShopTime(`${d} 00:00:00`).getTime() / DAY_MS);
        const gaps = days.slice(1).map((d, i) => d - days[i]);
        const cycle = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : Infinity;
        const sinceLast = referenceDate.getTime() / DAY_MS - days.at(-1)!;
        return { row, times: dates.length, cycle, sinceLast, last: dates.at(-1)! };
      })
      .filter((item) => item.times >= 2)
      .sort(
        (a, b) =>
          Number(b.sinceLast >= 0.8 * b.cycle) - Number(a.sinceLast >= 0.8 * a.cycle) ||
          b.times - a.times,
      )
      .slice(0, k);
    return {
      customerId,
      coldStart: false,
      results: items.map((item, i) => ({
        stockCode: item.row.stockCode,
        title: item.row.title,
        price: item.row.price,
        category: item.row.category,
        colours: colours(item.row.colours),
        score: 1 - i / (k + 1),
        kind: 'reorder',
        reason: `You've ordered this ${item.times} times, about every ${Math.round(item.cycle)} days; last on ${item.last}.`,
      })),
    };
  }

  function discover(
    customerId: number | null,
    k: number,
    exclude: Set<string>,
  ): Recommendations {
    const bought =
      customerId === null
        ? new Set<string>()
        : new Set(historyOf(customerId).map((row) => row.stockCode));
    const results = popular
      .filter((row) => !bought.has(row.stockCode) && !exclude.has(row.stockCode))
      .slice(0, k)
      .map((row, i) => ({
        stockCode: row.stockCode,
        title: row.title,
        price: row.price,
        category: row.category,
        colours: colours(row.colours),
        score: 1 - i / (k + 1),
        kind: customerId === null ? 'popular' : 'discover',
        reason: `A bestseller you haven't tried: bought by ${row.customers.toLocaleString('en-GB')} customers.`,
      }));
    return { customerId, coldStart: customerId === null || bought.size === 0, results };
  }

  return {
    async recommend(customerId, { k, mode, excludeStockCodes }) {
      const exclude = new Set(excludeStockCodes ?? []);
      if (mode === 'reorder' && customerId !== null) return reorder(customerId, k);
      return discover(customerId, k, exclude);
    },
    async rerank(customerId, stockCodes) {
      const bought = new Set(historyOf(customerId).map((row) => row.stockCode));
      const reach = new Map(popular.map((row) => [row.stockCode, row.customers]));
      return stockCodes.map((stockCode) => ({
        stockCode,
        score:
          (bought.has(stockCode) ? 1 : 0) +
          Math.log1p(reach.get(stockCode) ?? 0) / 10,
      }));
    },
  };
}
