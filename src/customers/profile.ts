/**
 * A customer's profile at the shop's reference date: RFM, interests,
 * returns, and the churn check (BG/NBD + lifecycle stage).
 */
import { z } from 'zod';
import { formatShopTime, parseShopTime, type Db } from '../store/index.ts';
import {
  expectedPurchases,
  pAlive as probabilityAlive,
  type BgNbdParams,
} from './bgnbd.ts';
import {
  classifyStage,
  stageEvidence,
  StageEvidenceSchema,
  StageSchema,
} from './lifecycle.ts';
import {
  dayNumber,
  PURCHASE_CONDITION,
  summarisePurchaseDays,
} from './purchase-history.ts';

const TOP_CATEGORIES = 3;
const FAVOURITE_PRODUCTS = 5;
export const DEFAULT_HORIZON_DAYS = 90;

export const ChurnCheckSchema = z.object({
  /** BG/NBD P(alive); 1 by assumption for one-time buyers (see stage). */
  pAlive: z.number(),
  /** Expected purchase days within the horizon. */
  expectedPurchases: z.number(),
  horizonDays: z.number(),
  stage: StageSchema,
  reason: z.string(),
  evidence: StageEvidenceSchema,
});
export type ChurnCheck = z.infer<typeof ChurnCheckSchema>;

export const CustomerProfileSchema = z.object({
  customerId: z.number().int(),
  country: z.string(),
  referenceDate: z.string(),
  /** Purchase invoices up to the reference date. */
  orders: z.number().int().min(0),
  firstOrderDate: z.string().nullable(),
  lastOrderDate: z.string().nullable(),
  /** RFM recency: days since the last purchase. */
  recencyDays: z.number().nullable(),
  /** RFM frequency: repeat purchases (distinct purchase days − 1). */
  frequency: z.number().int().min(0),
  monetary: z.object({
    /** Sum of purchase invoice totals, GBP, before returns. */
    totalSpend: z.number(),
    averageBasket: z.number(),
    /** Value of cancellations/returns (a positive amount). */
    returnedValue: z.number(),
  }),
  topCategories: z.array(
    z.object({ category: z.string(), spend: z.number(), share: z.number() }),
  ),
  favouriteProducts: z.array(
    z.object({
      stockCode: z.string(),
      title: z.string(),
      timesBought: z.number().int(),
      units: z.number(),
    }),
  ),
  /** Cancellation/return invoices up to the reference date. */
  cancellations: z.number().int().min(0),
  horizonDays: z.number(),
  // The churn check; null when there is no purchase up to the reference date.
  pAlive: ChurnCheckSchema.shape.pAlive.nullable(),
  expectedPurchases: ChurnCheckSchema.shape.expectedPurchases.nullable(),
  stage: StageSchema.nullable(),
  stageReason: z.string().nullable(),
  evidence: StageEvidenceSchema.nullable(),
});
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>;

export interface ProfileOptions {
  /** The shop's "now" (getReferenceDate(db, config)). */
  referenceDate: Date;
  horizonDays?: number;
  /** The shop's fitted BG/NBD parameters (time unit: days). */
  model: BgNbdParams;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

interface ProductRow {
  stockCode: string;
  title: string;
  category: string;
  timesBought: number;
  units: number;
  spend: number;
}

function readProductRows(db: Db, customerId: number, until: string) {
  return db
    .prepare(
      `SELECT l.stock_code AS stockCode, p.title AS title,
              p.category AS category,
              COUNT(DISTINCT l.invoice) AS timesBought,
              SUM(l.quantity) AS units,
              SUM(l.quantity * l.unit_price) AS spend
       FROM orders o
       JOIN order_lines l ON l.invoice = o.invoice
       JOIN products p ON p.stock_code = l.stock_code
       WHERE o.customer_id = ? AND o.date <= ? AND o.is_cancellation = 0
         AND l.is_product = 1 AND l.quantity > 0
       GROUP BY l.stock_code`,
    )
    .all(customerId, until) as ProductRow[];
}

function topCategories(rows: ProductRow[]): CustomerProfile['topCategories'] {
  const spend = new Map<string, number>();
  for (const row of rows)
    spend.set(row.category, (spend.get(row.category) ?? 0) + row.spend);
  const total = [...spend.values()].reduce((sum, v) => sum + v, 0);
  return [...spend]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CATEGORIES)
    .map(([category, value]) => ({
      category,
      spend: round2(value),
      share: total > 0 ? Math.round((value / total) * 1000) / 1000 : 0,
    }));
}

function favouriteProducts(
  rows: ProductRow[],
): CustomerProfile['favouriteProducts'] {
  return [...rows]
    .sort(
      (a, b) =>
        b.timesBought - a.timesBought ||
        b.units - a.units ||
        a.stockCode.localeCompare(b.stockCode),
    )
    .slice(0, FAVOURITE_PRODUCTS)
    .map(({ stockCode, title, timesBought, units }) => ({
      stockCode,
      title,
      timesBought,
      units,
    }));
}

/**
 * The profile of one customer at `referenceDate`, or null for an id the store
 * does not know.
 */
export function getCustomerProfile(
  db: Db,
  customerId: number,
  options: ProfileOptions,
): CustomerProfile | null {
  const customer = db
    .prepare('SELECT country FROM customers WHERE customer_id = ?')
    .get(customerId) as { country: string } | undefined;
  if (!customer) return null;
  const until = formatShopTime(options.referenceDate);

  const purchases = db
    .prepare(
      `SELECT o.date AS date, o.total AS total FROM orders o
       WHERE o.customer_id = ? AND o.date <= ? AND ${PURCHASE_CONDITION}
       ORDER BY o.date`,
    )
    .all(customerId, until) as { date: string; total: number }[];
  const cancelled = db
    .prepare(
      `SELECT COUNT(*) AS n, COALESCE(SUM(total), 0) AS value FROM orders
       WHERE customer_id = ? AND date <= ? AND is_cancellation = 1`,
    )
    .get(customerId, until) as { n: number; value: number };
  const products = readProductRows(db, customerId, until);

  const days = [
    ...new Set(purchases.map((p) => dayNumber(parseShopTime(p.date)))),
  ];
  const endDay = dayNumber(options.referenceDate);
  const summary = summarisePurchaseDays(days, endDay);
  const totalSpend = purchases.reduce((sum, p) => sum + p.total, 0);
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const churn = summary
    ? churnCheck(options.model, summary, horizonDays)
    : undefined;

  return {
    customerId,
    country: customer.country,
    referenceDate: until,
    orders: purchases.length,
    firstOrderDate: purchases[0]?.date ?? null,
    lastOrderDate: purchases.at(-1)?.date ?? null,
    recencyDays: summary ? summary.T - summary.recency : null,
    frequency: summary?.frequency ?? 0,
    monetary: {
      totalSpend: round2(totalSpend),
      averageBasket: purchases.length
        ? round2(totalSpend / purchases.length)
        : 0,
      returnedValue: round2(Math.abs(cancelled.value)),
    },
    topCategories: topCategories(products),
    favouriteProducts: favouriteProducts(products),
    cancellations: cancelled.n,
    horizonDays,
    pAlive: churn?.pAlive ?? null,
    expectedPurchases: churn?.expectedPurchases ?? null,
    stage: churn?.stage ?? null,
    stageReason: churn?.reason ?? null,
    evidence: churn?.evidence ?? null,
  };
}

/** P(alive), expected purchases over the horizon and the lifecycle stage. */
export function churnCheck(
  params: BgNbdParams,
  summary: { frequency: number; recency: number; T: number },
  horizonDays: number,
): ChurnCheck {
  const { frequency: x, recency: tx, T } = summary;
  const alive = probabilityAlive(params, x, tx, T);
  const evidence = stageEvidence(summary, alive);
  const { stage, reason } = classifyStage(evidence);
  return {
    pAlive: alive,
    expectedPurchases: expectedPurchases(params, horizonDays, x, tx, T),
    horizonDays,
    stage,
    reason,
    evidence,
  };
}
