/**
 * The ranking evaluation: train on purchases before a cutoff 91 days before
 * the reference date, then rank the whole catalogue (as of the cutoff) for
 * every customer who bought after it. Ties are broken at random for every
 * model, so a baseline that scores many items equally gets no free order.
 *
 * Baselines: ownRepeats (the customer's own purchase counts), popularity
 * (distinct buyers in the 91 days before the cutoff) and, for discovery,
 * item-kNN: the co-purchase neighbours of the customer's items, each item
 * weighted by how recently they bought it (the strongest kNN variant tried).
 */
import { createFeatureContext, type TextVectors } from './features.ts';
import { fitRanker, type FitRankerOptions } from './fit-ranker.ts';
import { MetricsAccumulator, topK, type RankingMetrics } from './metrics.ts';
import type { PurchaseLog } from './purchase-log.ts';
import { CatalogueScorer } from './scorer.ts';
import { createRandom } from './seeded-random.ts';
import { buildSnapshot, purchasesBetween } from './snapshot.ts';

export const EVAL_WINDOW_DAYS = 91;

export interface RankingEvaluation {
  cutoffDay: number;
  customers: { mixed: number; discover: number };
  /** Test purchases of items first sold after the cutoff (unrankable). */
  droppedNewItemPurchases: number;
  mixed: {
    dnn: RankingMetrics;
    ownRepeats: RankingMetrics;
    popularity: RankingMetrics;
  };
  discover: {
    dnn: RankingMetrics;
    popularity: RankingMetrics;
    itemKnn: RankingMetrics;
  };
  training: { seconds: number; rows: number; validationAuc: number };
}

export interface EvaluateOptions extends FitRankerOptions {
  seed?: number;
  /** Evaluate at most this many customers (sampled); all by default. */
  maxCustomers?: number;
}

/**
 * Runs the protocol on a purchase log whose last event is on `referenceDay`.
 */
export async function evaluateRanking(
  log: PurchaseLog,
  referenceDay: number,
  options: EvaluateOptions = {},
): Promise<RankingEvaluation> {
  const progress = options.onProgress ?? (() => {});
  const cutoffDay = referenceDay - EVAL_WINDOW_DAYS;
  progress('  training on the purchases before the cutoff …');
  const ranker = await fitRanker(log, cutoffDay, options);

  const snapshot = buildSnapshot(log, cutoffDay);
  const context = createFeatureContext(snapshot, options.text);
  const scorer = new CatalogueScorer(context, ranker.network);
  const stats = snapshot.itemStats;
  const catalogue = Int32Array.from(
    [...log.items.keys()].filter((item) => stats.nOrders[item] > 0),
  );
  const inCatalogue = new Uint8Array(log.items.length);
  for (const item of catalogue) inCatalogue[item] = 1;

  // The data's last transaction is the reference day itself: include it.
  const bought = purchasesBetween(log, cutoffDay, referenceDay + 1e-6);
  const random = createRandom(options.seed ?? 11);
  let customers = [...bought.keys()]
    .filter((customer) => snapshot.histories[customer])
    .sort((a, b) => a - b);
  if (options.maxCustomers && customers.length > options.maxCustomers)
    customers = customers.filter(
      () => random() < options.maxCustomers! / customers.length,
    );

  const mixed = {
    dnn: new MetricsAccumulator(),
    ownRepeats: new MetricsAccumulator(),
    popularity: new MetricsAccumulator(),
  };
  const discover = {
    dnn: new MetricsAccumulator(),
    popularity: new MetricsAccumulator(),
    itemKnn: new MetricsAccumulator(),
  };
  const dnnScore = new Float32Array(log.items.length);
  const tieKeys = new Float64Array(log.items.length);
  const randomTies = () => {
    for (let i = 0; i < tieKeys.length; i++) tieKeys[i] = random();
    return (item: number) => tieKeys[item];
  };
  const popularity = (item: number) => stats.nCustomersRecent[item];
  let dropped = 0;

  customers.forEach((customer, done) => {
    const history = snapshot.histories[customer]!;
    const relevant = new Set<number>();
    for (const item of bought.get(customer)!)
      if (inCatalogue[item]) relevant.add(item);
      else dropped++;
    if (relevant.size === 0) return;

    scorer.setCustomer(history);
    const logits = scorer.scoreItems(catalogue);
    catalogue.forEach((item, i) => (dnnScore[item] = logits[i]));
    const own = scorer.view.ownIndex;
    const ownCount = (item: number) =>
      own[item] >= 0 ? history.counts[own[item]] : 0;
    const dnn = (item: number) => dnnScore[item];

    mixed.dnn.add(topK(catalogue, dnn, randomTies(), 50), relevant);
    mixed.ownRepeats.add(topK(catalogue, ownCount, randomTies(), 50), relevant);
    mixed.popularity.add(
      topK(catalogue, popularity, randomTies(), 50),
      relevant,
    );

    const fresh = new Set([...relevant].filter((item) => own[item] < 0));
    if (fresh.size > 0) {
      const unowned = catalogue.filter((item) => own[item] < 0);
      const knn = (item: number) => scorer.view.coRecent[item];
      discover.dnn.add(topK(unowned, dnn, randomTies(), 50), fresh);
      discover.popularity.add(
        topK(unowned, popularity, randomTies(), 50),
        fresh,
      );
      discover.itemKnn.add(topK(unowned, knn, randomTies(), 50), fresh);
    }
    if ((done + 1) % 500 === 0)
      progress(
        `  ranked the catalogue for ${done + 1}/${customers.length} customers`,
      );
  });

  return {
    cutoffDay,
    customers: { mixed: mixed.dnn.count, discover: discover.dnn.count },
    droppedNewItemPurchases: dropped,
    mixed: {
      dnn: mixed.dnn.means(),
      ownRepeats: mixed.ownRepeats.means(),
      popularity: mixed.popularity.means(),
    },
    discover: {
      dnn: discover.dnn.means(),
      popularity: discover.popularity.means(),
      itemKnn: discover.itemKnn.means(),
    },
    training: {
      seconds: ranker.seconds,
      rows: ranker.fit.metrics.trainRows,
      validationAuc: ranker.fit.metrics.validationAuc,
    },
  };
}

export type { TextVectors };
