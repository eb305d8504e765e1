/**
 * The ranking evaluation on the ingested store, as `shopmate eval` reports
 * it: the protocol of evaluate.ts with the store's reference date and the
 * same text features as the served model.
 */
import type { Config } from '../config.ts';
import { DAY_MS, formatShopTime, type Db } from '../store/index.ts';
import { evaluateRanking, type RankingEvaluation } from './evaluate.ts';
import type { RankingMetrics } from './metrics.ts';
import { rankerFolder } from './model-store.ts';
import { loadPurchaseLog, referenceDay } from './purchase-log.ts';
import { prepareTextFeature } from './train-ranker.ts';

/** The `ranking` key of `shopmate eval --json`. */
export interface RankingEvalJson {
  cutoff: string;
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
}

export async function evaluateRankingOnStore(
  db: Db,
  config: Config,
  onProgress: (text: string) => void = () => {},
): Promise<{
  json: RankingEvalJson;
  details: RankingEvaluation;
  text: boolean;
}> {
  const purchases = loadPurchaseLog(db, { cacheDir: rankerFolder(config) });
  const text = await prepareTextFeature(config, purchases.items, onProgress);
  const details = await evaluateRanking(purchases, referenceDay(db, config), {
    text: text?.text,
    onProgress,
  });
  return {
    json: {
      cutoff: formatShopTime(new Date(details.cutoffDay * DAY_MS)),
      mixed: details.mixed,
      discover: details.discover,
    },
    details,
    text: Boolean(text),
  };
}
