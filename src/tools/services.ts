/**
 * The port the tools call: what the shop's search, ranker, customer models and
 * intent classifier offer, as plain async functions over zod-typed data.
 * agent/ wires the real modules behind it; tests pass fakes.
 */
import { z } from 'zod';

export const IntentScoreSchema = z.object({
  name: z.string(),
  confidence: z.number(),
});

/** Entities the intent model extracts; every list defaults to empty. */
export const EntitiesSchema = z.object({
  orderIds: z.array(z.string()).default([]),
  priceMin: z.number().optional(),
  priceMax: z.number().optional(),
  colours: z.array(z.string()).default([]),
  excludeColours: z.array(z.string()).default([]),
  categories: z.array(z.string()).default([]),
  quantities: z.array(z.number()).default([]),
  /** Refinement cues the model found, e.g. 'cheaper', 'show_more'. */
  refinements: z.array(z.string()).default([]),
  /** 1-based references to shown items ("the second one" → 2). */
  ordinals: z.array(z.number().int()).default([]),
});

export const IntentDetectionSchema = z.object({
  intents: z.array(IntentScoreSchema),
  entities: EntitiesSchema,
  sentiment: z.number().default(0),
});

export const CatalogueQuerySchema = z.object({
  text: z.string(),
  minPrice: z.number().nonnegative().optional(),
  maxPrice: z.number().nonnegative().optional(),
  categories: z.array(z.string()).optional(),
  colours: z.array(z.string()).optional(),
  excludeColours: z.array(z.string()).optional(),
  excludeStockCodes: z.array(z.string()).optional(),
  k: z.number().int().min(1).max(100),
});

export const CatalogueHitSchema = z.object({
  stockCode: z.string(),
  title: z.string(),
  price: z.number(),
  category: z.string(),
  colours: z.array(z.string()),
  score: z.number(),
});

export const RecommendModeSchema = z.enum(['mixed', 'reorder', 'discover']);

export const RecommendationSchema = z.object({
  stockCode: z.string(),
  title: z.string(),
  price: z.number(),
  score: z.number(),
  reason: z.string(),
  kind: z.string(),
  category: z.string().optional(),
  colours: z.array(z.string()).optional(),
});

export const RecommendationsSchema = z.object({
  customerId: z.number().nullable(),
  coldStart: z.boolean(),
  results: z.array(RecommendationSchema),
});

export const RerankScoreSchema = z.object({
  stockCode: z.string(),
  score: z.number(),
});

export const LifecycleStageSchema = z.enum([
  'new',
  'active',
  'at-risk',
  'lapsed',
  'one-time',
]);

export const CustomerProfileSchema = z.object({
  customerId: z.number(),
  country: z.string().optional(),
  stage: LifecycleStageSchema,
  firstOrder: z.string().optional(),
  lastOrder: z.string().optional(),
  orders: z.number(),
  totalSpent: z.number(),
  daysSinceLastOrder: z.number().nullable(),
  topCategories: z.array(z.string()),
  favourites: z.array(z.object({ stockCode: z.string(), title: z.string() })),
  /** Probability the customer is still "alive" (BG/NBD); null when unknown. */
  pAlive: z.number().nullable(),
  expectedPurchases: z.number().nullable(),
  horizonDays: z.number().optional(),
});

export const OrderLineSchema = z.object({
  stockCode: z.string(),
  title: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
});

export const OrderSummarySchema = z.object({
  invoice: z.string(),
  date: z.string(),
  status: z.string(),
  total: z.number(),
  nLines: z.number(),
});

export const OrderDetailSchema = OrderSummarySchema.extend({
  lines: z.array(OrderLineSchema),
});

export type IntentDetection = z.infer<typeof IntentDetectionSchema>;
export type Entities = z.infer<typeof EntitiesSchema>;
export type CatalogueQuery = z.infer<typeof CatalogueQuerySchema>;
export type CatalogueHit = z.infer<typeof CatalogueHitSchema>;
export type RecommendMode = z.infer<typeof RecommendModeSchema>;
export type Recommendation = z.infer<typeof RecommendationSchema>;
export type Recommendations = z.infer<typeof RecommendationsSchema>;
export type RerankScore = z.infer<typeof RerankScoreSchema>;
export type LifecycleStage = z.infer<typeof LifecycleStageSchema>;
export type CustomerProfile = z.infer<typeof CustomerProfileSchema>;
export type OrderLine = z.infer<typeof OrderLineSchema>;
export type OrderSummary = z.infer<typeof OrderSummarySchema>;
export type OrderDetail = z.infer<typeof OrderDetailSchema>;

export interface RecommendOptions {
  k: number;
  mode: RecommendMode;
  excludeStockCodes?: string[];
}

/**
 * What the tools need from the rest of shopmate. Every method takes the
 * customer id from the session (the tools pass it), never from a model.
 */
export interface ShopServices {
  detectIntent(text: string): Promise<IntentDetection>;
  searchCatalogue(query: CatalogueQuery): Promise<CatalogueHit[]>;
  recommend(
    customerId: number | null,
    options: RecommendOptions,
  ): Promise<Recommendations>;
  rerank(customerId: number, stockCodes: string[]): Promise<RerankScore[]>;
  /** Null when the store has no such customer. */
  getCustomerProfile(customerId: number): Promise<CustomerProfile | null>;
  /** Newest first. */
  listOrders(
    customerId: number,
    options: { limit: number },
  ): Promise<OrderSummary[]>;
  /** Null when the invoice does not exist or is not this customer's. */
  getOrder(customerId: number, invoice: string): Promise<OrderDetail | null>;
}
