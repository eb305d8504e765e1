/**
 * `shopmate eval` section "ranking": the DNN ranker against the
 * own-most-bought, popularity and item-kNN baselines on the last 91 days.
 */
import {
  evaluateRankingOnStore,
  type RankingMetrics,
} from '../../ranking/index.ts';
import type { Section } from '../sections.ts';

function describe(name: string, metrics: RankingMetrics): string {
  return `${name.padEnd(12)} NDCG@10 ${metrics.ndcg10.toFixed(4)}  HR@10 ${metrics.hr10.toFixed(4)}  recall@50 ${metrics.recall50.toFixed(4)}`;
}

export const rankingSection: Section = {
  key: 'ranking',
  title:
    'DNN ranker: reorder + discover (full-catalogue ranking after the cutoff)',
  async run({ db, config, progress }) {
    const { json, details, text } = await evaluateRankingOnStore(
      db(),
      config,
      progress,
    );
    return {
      json,
      lines: [
        `cutoff ${json.cutoff}; trained on the purchases before it (${details.training.rows} rows, ${details.training.seconds.toFixed(0)} s, text feature ${text ? 'on' : 'off'}); ties broken at random`,
        `mixed, ${details.customers.mixed} customers, all items they bought after the cutoff:`,
        `  ${describe('dnn', json.mixed.dnn)}`,
        `  ${describe('ownRepeats', json.mixed.ownRepeats)}`,
        `  ${describe('popularity', json.mixed.popularity)}`,
        `discover, ${details.customers.discover} customers, only items new to each:`,
        `  ${describe('dnn', json.discover.dnn)}`,
        `  ${describe('popularity', json.discover.popularity)}`,
        `  ${describe('itemKnn', json.discover.itemKnn)}`,
        `${details.droppedNewItemPurchases} purchases of items first sold after the cutoff are not rankable and left out`,
      ],
    };
  },
};
