/**
 * Intent detection: what a shopper's message asks for (27 Bitext
 * customer-service intents + shopping intents, several per message), the
 * entities in it (order numbers, price bounds, quantities, colours,
 * categories, refinements), its sentiment and language.
 *
 * Start-up: `const model = await loadIntentModel(config)`; per message:
 * `model.detect(text)` (synchronous, never throws).
 */
export {
  BITEXT_INTENTS,
  INTENT_NAMES,
  IntentNameSchema,
  SHOPPING_INTENTS,
  SOCIAL_INTENTS,
  isIntentName,
  type IntentName,
} from './intent-names.ts';
export {
  DetectedIntentSchema,
  EntitiesSchema,
  IntentResultSchema,
  LanguageSchema,
  ProductReferenceSchema,
  SentimentSchema,
  type DetectedIntent,
  type Entities,
  type IntentResult,
  type Language,
  type ProductReference,
  type Sentiment,
} from './schema.ts';
export {
  IntentModel,
  DEFAULT_THRESHOLDS,
  type DetectThresholds,
} from './intent-model.ts';
export {
  loadIntentModel,
  readIntentMetrics,
  type LoadIntentOptions,
} from './load.ts';
export {
  trainIntentModel,
  type TrainIntentOptions,
  type TrainIntentResult,
  type IntentTrainingMetrics,
} from './train.ts';
export { intentModelDir, hasIntentModel } from './model-store.ts';
export { intentEvalReport } from './eval-report.ts';
export { extractEntities } from './entities/extract-entities.ts';
export { extractOrderNumbers } from './entities/order-numbers.ts';
export { extractPriceBounds, type PriceBounds } from './entities/prices.ts';
export { extractQuantity } from './entities/quantities.ts';
export { extractColours, COLOUR_WORDS } from './entities/colours.ts';
export {
  SHOPPER_CATEGORIES,
  SHOPPER_CATEGORY_IDS,
  extractCategories,
  type ShopperCategory,
} from './entities/categories.ts';
export { REFINEMENT_CUES, type RefinementCue } from './entities/refinements.ts';
export { scoreSentiment, type SentimentScore } from './sentiment.ts';
export { splitClauses } from './clauses.ts';
