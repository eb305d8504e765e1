/**
 * Trains a ranker on the purchases before `endDay`: features at one or more
 * earlier cutoffs, labels in the window after each, never a day past `endDay`.
 * The evaluation and `shopmate train` both call this; only `endDay` differs.
 */
import {
  N_FEATURES,
  createFeatureContext,
  type TextVectors,
} from './features.ts';
import type { PurchaseLog } from './purchase-log.ts';
import type { RankerNetwork } from './scorer.ts';
import { createRandom } from './seeded-random.ts';
import { buildSnapshot } from './snapshot.ts';
import {
  DEFAULT_NETWORK,
  trainNetwork,
  type NetworkFit,
  type NetworkOptions,
  type ProgressHandler,
} from './train-network.ts';
import {
  DEFAULT_SAMPLING,
  buildTrainingSet,
  concatTrainingSets,
  type SamplingOptions,
} from './training-data.ts';

export interface FitRankerOptions {
  /** Label window after each feature cutoff, in days. */
  windowDays?: number;
  /** How many consecutive windows (cutoffs) to learn from. */
  windows?: number;
  sampling?: SamplingOptions;
  network?: NetworkOptions;
  text?: TextVectors;
  onProgress?: ProgressHandler;
}

export interface FittedRanker {
  network: RankerNetwork;
  fit: NetworkFit;
  featureCutoffDays: number[];
  windowDays: number;
  seconds: number;
}

/** Builds the training rows and fits the network. */
export async function fitRanker(
  log: PurchaseLog,
  endDay: number,
  options: FitRankerOptions = {},
): Promise<FittedRanker> {
  const started = Date.now();
  const windowDays = options.windowDays ?? 91;
  const windows = options.windows ?? 2;
  const progress = options.onProgress ?? (() => {});
  const network = options.network ?? DEFAULT_NETWORK;
  const random = createRandom(network.seed);

  const cutoffs = Array.from(
    { length: windows },
    (_, i) => endDay - windowDays * (i + 1),
  );
  const sets = cutoffs.map((cutoff, i) => {
    const context = createFeatureContext(
      buildSnapshot(log, cutoff),
      options.text,
    );
    const set = buildTrainingSet(
      context,
      cutoff + windowDays,
      random,
      options.sampling ?? DEFAULT_SAMPLING,
    );
    const positives = set.y.reduce((sum, label) => sum + label, 0);
    progress(
      `  window ${i + 1}/${windows}: ${set.n} rows, ${positives} purchases`,
    );
    return set;
  });

  const fit = await trainNetwork(
    concatTrainingSets(sets),
    N_FEATURES,
    network,
    progress,
  );
  return {
    network: { layers: fit.layers, normaliser: fit.normaliser },
    fit,
    featureCutoffDays: cutoffs,
    windowDays,
    seconds: (Date.now() - started) / 1000,
  };
}
