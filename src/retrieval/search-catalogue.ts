/**
 * Catalogue search: the ANN index and the lexical ranking, each with the hard
 * filters applied inside its search, fused into one list. A product is kept
 * only when it is close in meaning or matches the shopper's words, so a query
 * the shop cannot answer gets fewer results, or none.
 */
import { z } from 'zod';
import { ShopmateError } from '../errors.ts';
import type { CatalogueIndex } from './catalogue-index.ts';
import type { Embedder } from './embedders/index.ts';
import {
  contentTerms,
  LexicalIndex,
  meaningfulText,
  productWords,
} from './lexical.ts';
import type { CatalogueProduct } from './products.ts';

/** Longer texts are cut: no product title needs more words than this. */
export const MAX_QUERY_CHARS = 500;

export const SearchQuerySchema = z.object({
  text: z
    .string()
    .default('')
    .transform((text) => text.slice(0, MAX_QUERY_CHARS)),
  minPrice: z.number().nonnegative().optional(),
  maxPrice: z.number().nonnegative().optional(),
  categories: z.array(z.string()).optional(),
  colours: z.array(z.string()).optional(),
  excludeColours: z.array(z.string()).optional(),
  excludeStockCodes: z.array(z.string()).optional(),
  /** Products not sold for a year are treated as out of the catalogue. */
  includeDiscontinued: z.boolean().default(false),
  k: z.number().int().min(1).max(200).default(10),
  /** Adds the evidence (cosine, word coverage) to each hit and skips the relevance gate. */
  explain: z.boolean().default(false),
  /**
   * `fused` is the product's search; `lexical` (words only) and `vector`
   * (nearest neighbours only, no relevance gate) are the baselines it is
   * measured against.
   */
  strategy: z.enum(['fused', 'lexical', 'vector']).default('fused'),
});

export type SearchQuery = z.input<typeof SearchQuerySchema>;

export interface SearchHit {
  stockCode: string;
  title: string;
  price: number;
  category: string;
  colours: string[];
  score: number;
  evidence?: { cosine: number; coverage: number };
}

/**
 * When a product counts as relevant, from cosine similarity (USE lite) and the
 * share of the query's words (with jargon variants) found in its title.
 * Calibrated on this catalogue: true matches sit at cosine ≥ 0.45 with most
 * words matched, or ≥ 0.7 on meaning alone; "laptop charger" or "iphone case"
 * reach 0.55–0.6 through one shared word ("charger" plates, pencil cases).
 */
export const RELEVANCE = {
  /** Close enough in meaning on its own. */
  semanticCosine: 0.7,
  /** With more than half of the words matched. */
  partialCosine: 0.45,
  /** With every word matched. */
  fullCosine: 0.35,
  /** Results far below the best one are dropped. */
  maxGapFromBest: 0.25,
  /** How much the share of matched words adds to the cosine in the ranking. */
  coverageWeight: 0.4,
};

/** The relevance gate; see {@link RELEVANCE}. */
export function isRelevant(
  cosine: number,
  coverage: number,
  exactCode: boolean,
): boolean {
  if (exactCode) return true;
  if (cosine >= RELEVANCE.semanticCosine) return true;
  if (coverage > 0.5 && cosine >= RELEVANCE.partialCosine) return true;
  return coverage >= 0.99 && cosine >= RELEVANCE.fullCosine;
}

const DISCONTINUED_AFTER_DAYS = 365;

export interface CatalogueSearchOptions {
  products: CatalogueProduct[];
  index: CatalogueIndex;
  embedder: Embedder;
  referenceDate: Date;
  /** Adds the shop's jargon to a shopper's words (for the lexical side). */
  expandQuery?: (text: string) => string;
}

export class CatalogueSearch {
  readonly products: CatalogueProduct[];
  private readonly index: CatalogueIndex;
  private readonly embedder: Embedder;
  private readonly lexical: LexicalIndex;
  private readonly expandQuery: (text: string) => string;
  private readonly byCode: Map<string, number>;
  private readonly activeSince: string;

  constructor(options: CatalogueSearchOptions) {
    if (options.index.meta.count !== options.products.length)
      throw new ShopmateError(
        'STORE_MISSING',
        'The search index does not match the catalogue; run `npx shopmate ingest`.',
      );
    this.products = options.products;
    this.index = options.index;
    this.embedder = options.embedder;
    this.expandQuery = options.expandQuery ?? ((text) => text);
    this.byCode = new Map(this.products.map((p, i) => [p.stockCode, i]));
    this.lexical = new LexicalIndex(
      this.products.map((p, id) => ({
        id,
        stockCode: p.stockCode,
        text: p.searchText,
      })),
    );
    const since = new Date(
      options.referenceDate.getTime() - DISCONTINUED_AFTER_DAYS * 86_400_000,
    );
    this.activeSince = since.toISOString().slice(0, 19).replace('T', ' ');
  }

  get size(): number {
    return this.products.length;
  }

  /** Sold within the last year before the shop's reference date. */
  isInCatalogue(product: CatalogueProduct): boolean {
    return (product.lastSold ?? '') >= this.activeSince;
  }

  product(stockCode: string): CatalogueProduct | undefined {
    const i = this.byCode.get(stockCode);
    return i === undefined ? undefined : this.products[i];
  }

  /** The predicate of the hard filters, evaluated inside both searches. */
  private filterFor(
    query: z.output<typeof SearchQuerySchema>,
  ): (id: number) => boolean {
    const categories = query.categories?.length
      ? new Set(query.categories)
      : undefined;
    const colours = query.colours?.length ? new Set(query.colours) : undefined;
    const excludeColours = new Set(query.excludeColours ?? []);
    const excluded = new Set(query.excludeStockCodes ?? []);
    return (id) => {
      const p = this.products[id];
      if (!p) return false;
      if (query.minPrice !== undefined && p.price < query.minPrice)
        return false;
      if (query.maxPrice !== undefined && p.price > query.maxPrice)
        return false;
      if (categories && !categories.has(p.category)) return false;
      if (colours && !p.colours.some((c) => colours.has(c))) return false;
      if (p.colours.some((c) => excludeColours.has(c))) return false;
      if (excluded.has(p.stockCode)) return false;
      if (!query.includeDiscontinued && !this.isInCatalogue(p)) return false;
      return true;
    };
  }

  private cosine(id: number, vector: Float32Array): number {
    const dim = this.index.meta.dimension;
    const row = this.index.vectors.subarray(id * dim, (id + 1) * dim);
    let dot = 0;
    for (let i = 0; i < dim; i++) dot += row[i] * vector[i];
    return dot;
  }

  private annSearch(
    vector: Float32Array,
    accept: (id: number) => boolean,
    k: number,
  ): number[] {
    const count = this.index.hnsw.getCurrentCount();
    if (count === 0 || !vector.some((v) => v !== 0)) return [];
    const result = this.index.hnsw.searchKnn(
      Array.from(vector),
      Math.min(k, count),
      accept,
    );
    return result.neighbors;
  }

  async search(input: SearchQuery): Promise<SearchHit[]> {
    const query = SearchQuerySchema.parse(input);
    const accept = this.filterFor(query);
    const text = query.text.trim();
    if (contentTerms(text).length === 0) return [];

    if (query.strategy === 'lexical')
      return this.lexical
        .query(this.expandQuery(text), accept, query.k)
        .map((hit) => this.toHit(hit.id, hit.score, query.explain));

    const [vector] = await this.embedder.embed([meaningfulText(text)]);
    if (query.strategy === 'vector')
      return this.annSearch(vector, accept, query.k).map((id) =>
        this.toHit(id, this.cosine(id, vector), query.explain),
      );

    const candidates = new Set<number>(
      this.annSearch(vector, accept, Math.max(query.k * 5, 50)),
    );
    const lexicalHits = this.lexical.query(
      this.expandQuery(text),
      accept,
      Math.max(query.k * 5, 50),
    );
    const lexicalById = new Map(lexicalHits.map((hit) => [hit.id, hit]));
    for (const hit of lexicalHits) candidates.add(hit.id);

    // A colour asked for is already a hard filter; counting it again as a
    // matched word would let any red thing pass for a "red lunch bag".
    const filterWords = new Set([
      ...(query.colours ?? []),
      ...(query.excludeColours ?? []),
    ]);
    const words = productWords(text).filter((word) => !filterWords.has(word));
    const scored = [...candidates].flatMap((id) => {
      const cosine = this.cosine(id, vector);
      const lexical = lexicalById.get(id);
      const coverage = this.lexical.coverage(id, words);
      const relevant = isRelevant(
        cosine,
        coverage,
        lexical?.exactCode ?? false,
      );
      if (!relevant && !query.explain) return [];
      const score =
        cosine +
        RELEVANCE.coverageWeight * coverage +
        (lexical?.exactCode ? 1 : 0);
      return [{ id, score, cosine, coverage }];
    });
    scored.sort(
      (a, b) =>
        b.score - a.score ||
        this.products[a.id].stockCode.localeCompare(
          this.products[b.id].stockCode,
        ),
    );
    const best = scored[0]?.score ?? 0;
    return scored
      .filter(
        (s) => query.explain || s.score >= best - RELEVANCE.maxGapFromBest,
      )
      .slice(0, query.k)
      .map(({ id, score, cosine, coverage }) =>
        this.toHit(id, score, query.explain, { cosine, coverage }),
      );
  }

  private toHit(
    id: number,
    score: number,
    explain: boolean,
    evidence?: { cosine: number; coverage: number },
  ): SearchHit {
    const p = this.products[id];
    return {
      stockCode: p.stockCode,
      title: p.title,
      price: p.price,
      category: p.category,
      colours: p.colours,
      score: Number.isFinite(score) ? Math.round(score * 1000) / 1000 : 1,
      ...(explain &&
        evidence && {
          evidence: {
            cosine: Math.round(evidence.cosine * 1000) / 1000,
            coverage: Math.round(evidence.coverage * 100) / 100,
          },
        }),
    };
  }
}
