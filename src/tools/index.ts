/**
 * The agent's tools, one file each, over the `ShopServices` port. The
 * customer is always the session's (runtime context), never an argument.
 */
export { createShopTools, type ShopTool } from './create-shop-tools.ts';
export {
  createDetectIntentTool,
  detectMessage,
  DetectIntentInputSchema,
  DetectIntentResultSchema,
  MessagePartSchema,
  type DetectIntentResult,
  type MessagePart,
} from './detect-intent.ts';
export {
  createSearchCatalogueTool,
  filtersOfQuery,
  SearchCatalogueInputSchema,
  SearchCatalogueResultSchema,
  type SearchCatalogueInput,
  type SearchCatalogueResult,
} from './search-catalogue.ts';
export {
  createRankForCustomerTool,
  RankForCustomerInputSchema,
  RankForCustomerResultSchema,
  type RankForCustomerInput,
  type RankForCustomerResult,
} from './rank-for-customer.ts';
export {
  createGetCustomerProfileTool,
  GetCustomerProfileResultSchema,
  type GetCustomerProfileResult,
} from './get-customer-profile.ts';
export {
  createCheckChurnTool,
  CheckChurnResultSchema,
  type CheckChurnResult,
} from './check-churn.ts';
export {
  createListOrdersTool,
  ListOrdersInputSchema,
  ListOrdersResultSchema,
  type ListOrdersResult,
} from './list-orders.ts';
export {
  createGetOrderStatusTool,
  GetOrderStatusInputSchema,
  GetOrderStatusResultSchema,
  type GetOrderStatusResult,
} from './get-order-status.ts';
export {
  ProductFiltersSchema,
  matchesFilters,
  type ProductFilters,
  type FilterableProduct,
} from './product-filters.ts';
export {
  extractProductText,
  readTextCues,
  splitClauses,
  stripColourWords,
  TextCuesSchema,
  type TextCues,
} from './text-cues.ts';
export { ShopSessionSchema, readSession, type ShopSession } from './session.ts';
export {
  ToolFailureSchema,
  toolFailure,
  type ToolFailure,
  type ToolFailureCode,
} from './tool-result.ts';
export { describeToolError } from './tool-errors.ts';
export {
  CatalogueHitSchema,
  CatalogueQuerySchema,
  CustomerProfileSchema,
  EntitiesSchema,
  IntentDetectionSchema,
  IntentScoreSchema,
  LifecycleStageSchema,
  OrderDetailSchema,
  OrderLineSchema,
  OrderSummarySchema,
  RecommendationSchema,
  RecommendationsSchema,
  RecommendModeSchema,
  RerankScoreSchema,
  type CatalogueHit,
  type CatalogueQuery,
  type CustomerProfile,
  type Entities,
  type IntentDetection,
  type LifecycleStage,
  type OrderDetail,
  type OrderLine,
  type OrderSummary,
  type Recommendation,
  type Recommendations,
  type RecommendMode,
  type RecommendOptions,
  type RerankScore,
  type ShopServices,
} from './services.ts';
