/**
 * Product attributes from titles: the category taxonomy, colours, themes,
 * and the two-way expansion of the shop's jargon (T-LIGHT ↔ tea light,
 * RETROSPOT ↔ polka dot, S/3 ↔ set of 3) for search.
 */
export {
  CATEGORIES,
  CATEGORY_IDS,
  CategoryIdSchema,
  FALLBACK_CATEGORY,
  isCategoryId,
  type CategoryId,
} from './taxonomy.ts';
export {
  AttributesSchema,
  deriveAttributes,
  type Attributes,
} from './derive.ts';
export { categoriseTitle, type CategoryDecision } from './categorise.ts';
export {
  COLOURS,
  coloursMatching,
  extractColours,
  parseColour,
  type Colour,
} from './colours.ts';
export { THEMES, extractThemes } from './themes.ts';
export {
  ExpandedQuerySchema,
  expandQuery,
  expandQueryTerms,
  expandTitle,
  type ExpandedQuery,
} from './jargon.ts';
export { normaliseTokens } from './normalise.ts';
export {
  deriveCatalogueAttributes,
  deriveCatalogueAttributesByEmbedding,
  trainCategoryClassifier,
  type CategoryClassifier,
  type EmbedFn,
} from './fallback.ts';
export {
  CategoryLabelSchema,
  categoryEvalReport,
  loadCategoryLabels,
  scoreCategories,
  type CategoryLabel,
  type CategoryScore,
} from './category-eval.ts';
