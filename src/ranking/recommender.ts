/**
 * Serving: recommendations and re-ranking for one customer at a time, from
 * the store as of the shop's reference date. Everything per product is
 * computed once at start; a call scores the catalogue in tens of ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { moduleLogger } from '../logger.ts';
import { formatShopTime, getReferenceDate, type Db } from '../store/index.ts';
import { createFeatureContext, type TextVectors } from './features.ts';
import { HeuristicScorer } from './heuristic-scorer.ts';
import { topK } from './metrics.ts';
import { sigmoid } from './mlp.ts';
import {
  PROJECTION_FILE,
  ingestSignature,
  loadRanker,
  rankerFolder,
  type RankerMeta,
} from './model-store.ts';
import { loadPurchaseLog, referenceDay } from './purchase-log.ts';
import { explain, popularityReason } from './reasons.ts';
import {
  CatalogueScorer,
  type ItemScorer,
  type RankerNetwork,
} from './scorer.ts';
import { buildSnapshot } from './snapshot.ts';
import {
  deserialiseProjection,
  findCatalogueVectors,
  projectVectors,
} from './text-vectors.ts';

const log = moduleLogger('ranking');

export const RecommendModeSchema = z.enum(['mixed', 'reorder', 'discover']);
export type RecommendMode = z.infer<typeof RecommendModeSchema>;

export const RecommendOptionsSchema = z.object({
  k: z.number().int().min(1).max(200).default(10),
  mode: RecommendModeSchema.default('mixed'),
  excludeStockCodes: z.array(z.string()).optional(),
});
export type RecommendOptions = z.input<typeof RecommendOptionsSchema>;

export const RecommendedItemSchema = z.object({
  stockCode: z.string(),
  title: z.string(),
  price: z.number(),
  /**
   * For a known customer: the model's probability (0–1) that they buy the item
   * in the next ~3 months if they shop in that time (the churn model says
   * whether they will). Cold start: popularity relative to the top item.
   * Compare scores within one list, not across customers.
   */
  score: z.number(),
  reason: z.string(),
  kind: z.enum(['reorder', 'discover']),
});
export type RecommendedItem = z.infer<typeof RecommendedItemSchema>;

export const RecommendationSchema = z.object({
  customerId: z.number().int().nullable(),
  /** True when the customer is unknown or has no purchases yet. */
  coldStart: z.boolean(),
  results: z.array(RecommendedItemSchema),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export interface RerankedItem {
  stockCode: string;
  score: number;
}

export interface RecommenderInfo {
  /** 'dnn' when a trained ranker is loaded, else the hand-set fallback. */
  model: 'dnn' | 'heuristic';
  referenceDate: string;
  products: number;
  customers: number;
  textFeature: boolean;
  /** Why the fallback is in use, or why the model may be stale. */
  note?: string;
  trainedMeta?: RankerMeta;
}

export interface Recommender {
  readonly info: RecommenderInfo;
  recommend(
    customerId: number | null,
    options?: RecommendOptions,
  ): Recommendation;
  /** Orders candidates for the customer; unknown codes go last with score 0. */
  rerank(
    customerId: number | null,
    stockCodes: readonly string[],
  ): RerankedItem[];
}

export interface CreateRecommenderOptions {
  /** A network to use instead of the saved one; null forces the fallback. */
  network?: RankerNetwork | null;
  text?: TextVectors;
}

const round = (value: number) => Math.round(value * 10000) / 10000;

function loadServedText(
  config: Config,
  meta: RankerMeta,
  items: Parameters<typeof findCatalogueVectors>[2],
): TextVectors | undefined {
  if (!meta.text) return undefined;
  const folder = rankerFolder(config);
  const source = findCatalogueVectors(config, folder, items);
  const file = path.join(folder, PROJECTION_FILE);
  if (!source || source.source !== meta.text.source || !fs.existsSync(file)) {
    log.warn(
      { trainedWith: meta.text.source, found: source?.source ?? null },
      'text vectors of the ranker unavailable; scoring without them (run `shopmate train`)',
    );
    return undefined;
  }
  const projection = deserialiseProjection(
    fs.readFileSync(file),
    meta.text.inputDim,
    meta.text.dim,
  );
  return projection ? projectVectors(source, projection) : undefined;
}

function chooseModel(
  db: Db,
  config: Config,
  options: CreateRecommenderOptions,
  items: Parameters<typeof findCatalogueVectors>[2],
): {
  network?: RankerNetwork;
  text?: TextVectors;
  note?: string;
  meta?: RankerMeta;
} {
  if (options.network !== undefined)
    return { network: options.network ?? undefined, text: options.text };
  const loaded = loadRanker(rankerFolder(config));
  if (!loaded.ranker)
    return { note: `${loaded.reason}; run \`shopmate train\`` };
  const { meta, network } = loaded.ranker;
  const stale =
    meta.ingestSignature !== ingestSignature(db) ||
    meta.referenceDate !== formatShopTime(getReferenceDate(db, config));
  return {
    network,
    meta,
    text: loadServedText(config, meta, items),
    note: stale
      ? 'the ranker was trained on other data or another reference date; run `shopmate train`'
      : undefined,
  };
}

/** Loads purchases and the saved ranker; never trains. */
export function createRecommender(
  db: Db,
  config: Config,
  options: CreateRecommenderOptions = {},
): Recommender {
  const started = performance.now();
  const purchases = loadPurchaseLog(db, { cacheDir: rankerFolder(config) });
  const chosen = chooseModel(db, config, options, purchases.items);
  const snapshot = buildSnapshot(purchases, referenceDay(db, config));
  const context = createFeatureContext(snapshot, chosen.text);
  const scorer: ItemScorer = chosen.network
    ? new CatalogueScorer(context, chosen.network)
    : new HeuristicScorer(context);
  const { items, itemIndex } = purchases;
  const stats = snapshot.itemStats;

  const catalogue = Int32Array.from(
    [...items.keys()].filter((item) => stats.nOrders[item] > 0),
  );
  const maxRecent = Math.max(1, ...stats.nCustomersRecent);
  // Cold start: most customers in the last 3 months, then stock code.
  const popular = [...catalogue].sort(
    (a, b) =>
      stats.nCustomersRecent[b] - stats.nCustomersRecent[a] ||
      stats.nOrdersLatest[b] - stats.nOrdersLatest[a] ||
      (items[a].stockCode < items[b].stockCode ? -1 : 1),
  );

  const info: RecommenderInfo = {
    model: chosen.network ? 'dnn' : 'heuristic',
    referenceDate: formatShopTime(getReferenceDate(db, config)),
    products: catalogue.length,
    customers: snapshot.histories.filter(Boolean).length,
    textFeature: Boolean(chosen.text),
    note: chosen.note,
    trainedMeta: chosen.meta,
  };
  const logFields = { ...info, trainedMeta: undefined };
  if (chosen.note) log.warn(logFields, 'recommender ready with a caveat');
  else
    log.info(
      { ...logFields, latencyMs: Math.round(performance.now() - started) },
      'recommender ready',
    );

  const historyOf = (customerId: number | null) => {
    if (customerId === null) return undefined;
    const index = purchases.customerIndex.get(customerId);
    return index === undefined ? undefined : snapshot.histories[index];
  };

  const toItem = (
    item: number,
    score: number,
    reason: string,
    owned: boolean,
  ) => ({
    stockCode: items[item].stockCode,
    title: items[item].title,
    price: items[item].price,
    score: round(score),
    reason,
    kind: owned ? ('reorder' as const) : ('discover' as const),
  });

  function coldStart(
    customerId: number | null,
    k: number,
    excluded: Set<string>,
  ): Recommendation {
    const results = popular
      .filter((item) => !excluded.has(items[item].stockCode))
      .slice(0, k)
      .map((item) =>
        toItem(
          item,
          stats.nCustomersRecent[item] / maxRecent,
          popularityReason(context, item),
          false,
        ),
      );
    return { customerId, coldStart: true, results };
  }

  function recommend(
    customerId: number | null,
    rawOptions: RecommendOptions = {},
  ): Recommendation {
    const options = RecommendOptionsSchema.parse(rawOptions);
    const excluded = new Set(options.excludeStockCodes ?? []);
    const history = historyOf(customerId);
    if (!history) return coldStart(customerId, options.k, excluded);

    const callStarted = performance.now();
    scorer.setCustomer(history);
    const own = scorer.view.ownIndex;
    const candidates = catalogue.filter(
      (item) =>
        !excluded.has(items[item].stockCode) &&
        (options.mode === 'mixed' ||
          (options.mode === 'reorder') === own[item] >= 0),
    );
    const logits = scorer.scoreItems(candidates);
    // Items are in stock-code order, so a lower index wins a tie.
    const order = topK(
      [...candidates.keys()],
      (at) => logits[at],
      (at) => -candidates[at],
      options.k,
    );
    const results = order.map((at) => {
      const item = candidates[at];
      return toItem(
        item,
        sigmoid(logits[at]),
        explain(context, scorer.view, item),
        own[item] >= 0,
      );
    });
    log.debug(
      {
        mode: options.mode,
        candidates: candidates.length,
        latencyMs: Math.round(performance.now() - callStarted),
      },
      'recommended',
    );
    return { customerId, coldStart: false, results };
  }

  function rerank(
    customerId: number | null,
    stockCodes: readonly string[],
  ): RerankedItem[] {
    const unique = [...new Set(stockCodes)];
    const known = unique.filter((code) => itemIndex.has(code));
    const unknown = unique.filter((code) => !itemIndex.has(code));
    const indices = known.map((code) => itemIndex.get(code)!);
    const history = historyOf(customerId);
    let scores: number[];
    if (history) {
      scorer.setCustomer(history);
      scores = [...scorer.scoreItems(indices)].map(sigmoid);
    } else {
      scores = indices.map((item) => stats.nCustomersRecent[item] / maxRecent);
    }
    // Equal scores keep the caller's order (e.g. search relevance).
    const ranked = known
      .map((stockCode, at) => ({ stockCode, score: scores[at], at }))
      .sort((a, b) => b.score - a.score || a.at - b.at)
      .map(({ stockCode, score }) => ({ stockCode, score: round(score) }));
    return [
      ...ranked,
      ...unknown.map((stockCode) => ({ stockCode, score: 0 })),
    ];
  }

  return { info, recommend, rerank };
}
