/**
 * `shopmate train` for intents: builds the data, trains the classifier on
 * the training split, calibrates on the dev split, measures on the held-out
 * split and saves model + metrics under `<stateDir>/intent-model/`.
 */
import { performance } from 'node:perf_hooks';
import type { Config } from '../config.ts';
import { moduleLogger } from '../logger.ts';
import {
  buildIntentDataset,
  DEFAULT_DATASET_OPTIONS,
  type DatasetOptions,
} from './dataset.ts';
import type { LabelledUtterance } from './data-sources.ts';
import { DEFAULT_FEATURE_OPTIONS, featurise } from './features.ts';
import { INTENT_NAMES, type IntentName } from './intent-names.ts';
import {
  DEFAULT_THRESHOLDS,
  IntentModel,
  type IntentModelParts,
} from './intent-model.ts';
import { scoreClassification } from './metrics.ts';
import { intentModelDir, saveIntentModel } from './model-store.ts';
import { classifierTokens } from './normalise-text.ts';
import {
  calibrateTemperature,
  trainSoftmax,
  type TrainingSet,
} from './softmax-classifier.ts';

const log = moduleLogger('intent');

export interface TrainIntentOptions {
  onProgress?: (text: string) => void;
  /** Overrides of the data options (tests train on a small subset). */
  dataset?: Partial<DatasetOptions>;
  epochs?: number;
  /** Write the model to the state folder (default true). */
  save?: boolean;
}

export interface TrainIntentResult {
  model: IntentModel;
  metrics: IntentTrainingMetrics;
}

export interface IntentTrainingMetrics {
  dataset: DatasetOptions & Record<string, unknown>;
  heldOut: ReturnType<typeof scoreClassification>;
  dev: { accuracy: number; macroF1: number; n: number };
  temperature: number;
  rows: number;
  epochs: number;
  trainingSeconds: number;
}

function encode(
  items: LabelledUtterance[],
  labels: readonly IntentName[],
): TrainingSet {
  const index = new Map(labels.map((name, i) => [name, i]));
  return {
    vectors: items.map((item) => featurise(item.text, DEFAULT_FEATURE_OPTIONS)),
    labels: Int32Array.from(items, (item) => index.get(item.intent) ?? 0),
  };
}

/** Words seen at least twice in the training texts (for the language check). */
function buildVocabulary(items: LabelledUtterance[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const token of classifierTokens(item.text))
      if (/^[a-z]+$/.test(token))
        counts.set(token, (counts.get(token) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count >= 2)
    .map(([word]) => word)
    .sort();
}

function evaluateSplit(model: IntentModel, items: LabelledUtterance[]) {
  return scoreClassification(
    items.map((item) => item.intent),
    items.map((item) => model.classify(item.text)[0].name),
  );
}

/** Trains, measures and (by default) saves the intent model. */
export async function trainIntentModel(
  config: Config,
  options: TrainIntentOptions = {},
): Promise<TrainIntentResult> {
  const progress = options.onProgress ?? (() => {});
  const started = performance.now();
  const datasetOptions = { ...DEFAULT_DATASET_OPTIONS, ...options.dataset };
  const epochs = options.epochs ?? 6;

  progress('intent: reading Bitext, WANDS and the shopping templates …');
  const data = buildIntentDataset(config.dataDir, datasetOptions);
  const { stats } = data;
  progress(
    `intent: ${stats.unique} unique utterances (of ${stats.raw}); train ${stats.train} + ${stats.augmented} noisy copies, dev ${stats.dev}, test ${stats.test}`,
  );

  const labels = INTENT_NAMES;
  const train = encode(data.train, labels);
  const dev = encode(data.dev, labels);
  progress(`intent: training a softmax classifier for ${epochs} epochs …`);
  const classifier = trainSoftmax(train, {
    classes: labels.length,
    epochs,
    learningRate: 0.3,
    l2: 0,
    minBucketCount: 2,
    balancePower: 0.5,
    seed: datasetOptions.seed,
    onEpoch: (epoch, loss) =>
      progress(`  epoch ${epoch}/${epochs}  loss ${loss.toFixed(4)}`),
  });
  // Let the event loop breathe between the long synchronous steps.
  await new Promise((resolve) => setImmediate(resolve));
  classifier.model.temperature = calibrateTemperature(classifier, dev);

  const parts: IntentModelParts = {
    labels,
    featureOptions: DEFAULT_FEATURE_OPTIONS,
    weights: classifier.model,
    vocabulary: buildVocabulary(data.train),
    thresholds: DEFAULT_THRESHOLDS,
    datasetOptions,
  };
  const model = new IntentModel(parts);
  const heldOut = evaluateSplit(model, data.test);
  const devReport = evaluateSplit(model, data.dev);
  const metrics: IntentTrainingMetrics = {
    dataset: { ...datasetOptions, ...stats },
    heldOut,
    dev: {
      accuracy: devReport.accuracy,
      macroF1: devReport.macroF1,
      n: devReport.n,
    },
    temperature: classifier.model.temperature,
    rows: classifier.model.buckets.length,
    epochs,
    trainingSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  progress(
    `intent: held-out accuracy ${heldOut.accuracy}, macro-F1 ${heldOut.macroF1} (n=${heldOut.n}) in ${metrics.trainingSeconds} s`,
  );

  if (options.save !== false) {
    const dir = intentModelDir(config.stateDir);
    saveIntentModel(dir, parts, { ...metrics });
    log.info(
      { dir, rows: metrics.rows, accuracy: heldOut.accuracy },
      'intent model saved',
    );
  }
  return { model, metrics };
}
