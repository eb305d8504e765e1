/**
 * The "intent" section of `shopmate eval`: numbers and printable lines.
 */
import type { Config } from '../config.ts';
import { buildIntentDataset } from './dataset.ts';
import {
  evaluateHeldOut,
  evaluateMessy,
  evaluateMultiIntent,
} from './evaluate.ts';
import { loadIntentModel, readIntentMetrics } from './load.ts';

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

/** Loads (or trains) the model and measures it; `json` goes under "intent". */
export async function intentEvalReport(
  config: Config,
  options: { onProgress?: (text: string) => void } = {},
): Promise<{ json: Record<string, unknown>; lines: string[] }> {
  const progress = options.onProgress ?? (() => {});
  const model = await loadIntentModel(config, {
    trainIfMissing: true,
    onProgress: progress,
  });
  progress('   rebuilding the held-out split …');
  const data = buildIntentDataset(config.dataDir, model.parts.datasetOptions);
  const heldOut = evaluateHeldOut(model, data);
  progress('   two-request messages and the messy set …');
  const multiIntent = evaluateMultiIntent(model, data);
  const messy = evaluateMessy(model, {
    trainKeys: data.trainKeys,
    train: data.train,
  });
  const trained = readIntentMetrics(config);
  const { baselines } = heldOut;

  const json = {
    accuracy: heldOut.accuracy,
    macroF1: heldOut.macroF1,
    n: heldOut.n,
    baselines,
    worstPairs: heldOut.worstPairs,
    bySource: heldOut.bySource,
    multiIntent,
    messy: { ...messy, failures: messy.failures.slice(0, 20) },
    trainingSeconds: trained?.trainingSeconds,
    model: 'softmax regression on hashed word + char n-grams',
  };
  const lines = [
    `held-out accuracy ${pct(heldOut.accuracy)}, macro-F1 ${heldOut.macroF1} (n=${heldOut.n}); majority class ${pct(baselines.majority.accuracy)} / ${baselines.majority.macroF1}; keyword voter ${pct(baselines.keyword.accuracy)} / ${baselines.keyword.macroF1}`,
    `by source: ${Object.entries(heldOut.bySource)
      .map(([source, s]) => `${source} ${pct(s.accuracy)} (n=${s.n})`)
      .join(', ')}`,
    `worst confusions: ${heldOut.worstPairs
      .slice(0, 6)
      .map((p) => `${p.expected}→${p.predicted} ${p.count}`)
      .join(', ')}`,
    `two held-out requests in one message: both found ${pct(multiIntent.pairExact)} (n=${multiIntent.pairs}); single requests split wrongly ${pct(multiIntent.falseMulti)} (n=${multiIntent.singles})`,
    `messy set: accuracy ${pct(messy.accuracy)} (n=${messy.n}, first intent right ${pct(messy.top1Accuracy)}); majority class ${pct(messy.baselines?.majority ?? 0)}; keyword voter ${pct(messy.baselines?.keyword ?? 0)}`,
    `messy details: two requests ${pct(messy.multiIntent.accuracy)} (n=${messy.multiIntent.n}), non-English noticed ${pct(messy.nonEnglishDetected.accuracy)} (n=${messy.nonEnglishDetected.n}), entities ${pct(messy.entities.accuracy)} (n=${messy.entities.n}), ${messy.overlapWithTraining ?? 0} texts also in training`,
    `sentiment: messy ${pct(messy.sentiment.accuracy)} (always-neutral ${pct(messy.sentiment.neutralBaseline)}), negative recall ${pct(messy.sentiment.negativeRecall)}; second set ${pct(messy.sentiment.holdout.accuracy)} (n=${messy.sentiment.holdout.n})`,
    ...(trained?.trainingSeconds !== undefined
      ? [`training took ${String(trained.trainingSeconds)} s`]
      : []),
  ];
  return { json, lines };
}
