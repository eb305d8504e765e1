/**
 * The DNN ranker: features of (customer, product) pairs, a tfjs MLP trained
 * on real purchases, serving (recommend + rerank) and its evaluation.
 *
 * Start-up: `const recommender = createRecommender(db, config)`; per turn:
 * `recommender.recommend(customerId, { k, mode })` or
 * `recommender.rerank(customerId, stockCodes)` (synchronous, never throws for
 * unknown customers). Retrain with `trainRanker(db, config, { onProgress })`.
 */
export {
  createRecommender,
  RecommendModeSchema,
  RecommendOptionsSchema,
  RecommendedItemSchema,
  RecommendationSchema,
  type CreateRecommenderOptions,
  type RecommendMode,
  type RecommendOptions,
  type RecommendedItem,
  type Recommendation,
  type Recommender,
  type RecommenderInfo,
  type RerankedItem,
} from './recommender.ts';
export { trainRanker, type TrainRankerOptions } from './train-ranker.ts';
export {
  evaluateRankingOnStore,
  type RankingEvalJson,
} from './evaluate-store.ts';
export {
  evaluateRanking,
  EVAL_WINDOW_DAYS,
  type RankingEvaluation,
} from './evaluate.ts';
export { loadRanker, rankerFolder, type RankerMeta } from './model-store.ts';
export { FEATURE_NAMES, N_FEATURES } from './features.ts';
export { ndcgAt, hitRateAt, recallAt, type RankingMetrics } from './metrics.ts';
