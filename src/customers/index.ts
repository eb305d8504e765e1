/**
 * Customers: profiles (RFM, interests, returns), the BG/NBD churn model and
 * lifecycle stages, and order look-ups scoped to one customer.
 */
export {
  fit,
  pAlive,
  expectedPurchases,
  logLikelihood,
  customerLogLikelihood,
  PurchaseSummarySchema,
  BgNbdParamsSchema,
  BgNbdFitSchema,
  type PurchaseSummary,
  type BgNbdParams,
  type BgNbdFit,
} from './bgnbd.ts';
export { logGamma, logBeta } from './log-gamma.ts';
export {
  readCdnowSummary,
  CDNOW_PAPER_ESTIMATES,
  CDNOW_SUMMARY_FILE,
} from './cdnow.ts';
export {
  loadOrFitChurnModel,
  fitChurnModel,
  readPurchaseSummaries,
  ChurnModelSchema,
  CHURN_MODEL_FILE,
  type ChurnModel,
} from './churn-model.ts';
export {
  classifyStage,
  stageEvidence,
  STAGES,
  STAGE_POLICY,
  StageSchema,
  StageEvidenceSchema,
  type Stage,
  type StageEvidence,
} from './lifecycle.ts';
export {
  getCustomerProfile,
  churnCheck,
  CustomerProfileSchema,
  ChurnCheckSchema,
  DEFAULT_HORIZON_DAYS,
  type CustomerProfile,
  type ChurnCheck,
  type ProfileOptions,
} from './profile.ts';
export {
  listOrders,
  getOrder,
  lastOrder,
  shippingStatus,
  OrderSchema,
  OrderLineSchema,
  ORDER_STATUSES,
  STATUS_POLICY,
  type Order,
  type OrderStatus,
  type OrderLookupOptions,
} from './orders.ts';
export { normaliseInvoice } from './invoice-number.ts';
export {
  evaluateChurnHoldout,
  HOLDOUT_DAYS,
  type ChurnHoldoutResult,
} from './churn-holdout.ts';
export { rocAuc } from './auc.ts';
