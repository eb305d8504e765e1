/**
 * Catalogue retrieval: embedders, product attributes and the shop's jargon,
 * the hnswlib index and the fused lexical + vector search.
 */
export * from './embedders/index.ts';
export * from './attributes/index.ts';
export {
  CatalogueSearch,
  SearchQuerySchema,
  RELEVANCE,
  type SearchQuery,
  type SearchHit,
} from './search-catalogue.ts';
export { loadCatalogueSearch } from './load-search.ts';
export { buildIndex, buildIndexInWorker, isIndexFresh } from './build-index.ts';
export {
  buildHnsw,
  indexFolder,
  loadCatalogueIndex,
  HNSW_PARAMS,
  type CatalogueIndex,
} from './catalogue-index.ts';
export { readCatalogue, type CatalogueProduct } from './products.ts';
export { LexicalIndex, contentTerms } from './lexical.ts';
export { benchSearch, exactTopK } from './search-bench.ts';
export { evaluateSearch } from './search-eval.ts';
