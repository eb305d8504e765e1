/**
 * Trains the ranker's MLP with TensorFlow.js on the sampled rows. The output
 * is logit(x) + offset during training (offset = the row's log inverse
 * sampling rate), so logit(x) alone estimates the full-catalogue log-odds.
 */
import * as tf from '@tensorflow/tfjs';
import { ensureTfBackend } from '../retrieval/embedders/index.ts';
import {
  applyNormaliser,
  fitNormaliser,
  forwardLogits,
  type DenseLayer,
  type Normaliser,
} from './mlp.ts';
import { createRandom, shuffleInPlace } from './seeded-random.ts';
import type { TrainingSet } from './training-data.ts';

export interface NetworkOptions {
  hidden: number[];
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Share of customers held out to measure the fit. */
  validationShare: number;
  seed: number;
}

export const DEFAULT_NETWORK: NetworkOptions = {
  hidden: [32, 16],
  epochs: 4,
  batchSize: 1024,
  learningRate: 0.002,
  validationShare: 0.1,
  seed: 7,
};

export interface NetworkFit {
  layers: DenseLayer[];
  normaliser: Normaliser;
  /** The tfjs model, for saving in its own format. */
  model: tf.LayersModel;
  metrics: {
    trainRows: number;
    validationRows: number;
    trainLoss: number;
    validationLoss: number;
    validationAuc: number;
    epochs: number;
    backend: string;
  };
}

export type ProgressHandler = (text: string) => void;

function buildModel(d: number, options: NetworkOptions): tf.LayersModel {
  const features = tf.input({ shape: [d], name: 'features' });
  const offset = tf.input({ shape: [1], name: 'offset' });
  let hidden: tf.SymbolicTensor = features;
  options.hidden.forEach((units, i) => {
    hidden = tf.layers
      .dense({
        units,
        activation: 'relu',
        name: `hidden${i + 1}`,
        kernelInitializer: tf.initializers.heNormal({ seed: options.seed + i }),
      })
      .apply(hidden) as tf.SymbolicTensor;
  });
  const logit = tf.layers
    .dense({
      units: 1,
      name: 'logit',
      kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed }),
    })
    .apply(hidden) as tf.SymbolicTensor;
  const shifted = tf.layers
    .add({ name: 'with_offset' })
    .apply([logit, offset]) as tf.SymbolicTensor;
  const probability = tf.layers
    .activation({ activation: 'sigmoid', name: 'probability' })
    .apply(shifted) as tf.SymbolicTensor;
  const model = tf.model({ inputs: [features, offset], outputs: probability });
  model.compile({
    optimizer: tf.train.adam(options.learningRate),
    loss: 'binaryCrossentropy',
  });
  return model;
}

function splitByCustomer(set: TrainingSet, share: number, seed: number) {
  const isValidation = (customer: number) =>
    createRandom(seed * 7919 + customer)() < share;
  const train: number[] = [];
  const validation: number[] = [];
  for (let r = 0; r < set.n; r++)
    (isValidation(set.customer[r]) ? validation : train).push(r);
  return { train, validation };
}

function gatherRows(set: TrainingSet, rows: number[], d: number) {
  const x = new Float32Array(rows.length * d);
  const y = new Float32Array(rows.length);
  const offset = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    x.set(set.x.subarray(row * d, (row + 1) * d), i * d);
    y[i] = set.y[row];
    offset[i] = set.offset[row];
  });
  return { x, y, offset, n: rows.length };
}

function extractLayers(model: tf.LayersModel, options: NetworkOptions) {
  const names = [...options.hidden.map((_, i) => `hidden${i + 1}`), 'logit'];
  return names.map((name, i): DenseLayer => {
    const [kernel, bias] = model.getLayer(name).getWeights();
    const [inputs, units] = kernel.shape;
    return {
      name,
      inputs,
      units,
      activation: i < names.length - 1 ? 'relu' : 'linear',
      kernel: kernel.dataSync() as Float32Array,
      bias: bias.dataSync() as Float32Array,
    };
  });
}

/** Log loss with the offsets (the training objective) and AUC of the logits. */
function measure(
  layers: DenseLayer[],
  data: { x: Float32Array; y: Float32Array; offset: Float32Array; n: number },
) {
  const logits = new Float32Array(data.n);
  forwardLogits(layers, data.x, data.n, logits);
  let loss = 0;
  for (let r = 0; r < data.n; r++) {
    const z = logits[r] + data.offset[r];
    // log(1 + e^z) - y z, written to stay finite for large |z|.
    loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - data.y[r] * z;
  }
  return { loss: loss / Math.max(data.n, 1), auc: auc(logits, data.y) };
}

/** Area under the ROC curve (ties count half). */
export function auc(scores: Float32Array, labels: Float32Array): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) j++;
    const averageRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++)
      if (labels[order[k]] === 1) {
        positives++;
        rankSum += averageRank;
      }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (
    (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
  );
}

/** Fits the normaliser and the MLP; reports progress per epoch. */
export async function trainNetwork(
  set: TrainingSet,
  d: number,
  options: NetworkOptions = DEFAULT_NETWORK,
  onProgress: ProgressHandler = () => {},
): Promise<NetworkFit> {
  const backend = await ensureTfBackend();
  const split = splitByCustomer(set, options.validationShare, options.seed);
  const random = createRandom(options.seed);
  shuffleInPlace(split.train, random);
  const train = gatherRows(set, split.train, d);
  const validation = gatherRows(set, split.validation, d);
  const normaliser = fitNormaliser(train.x, train.n, d);
  applyNormaliser(normaliser, train.x, train.n);
  applyNormaliser(normaliser, validation.x, validation.n);

  const model = buildModel(d, options);
  const x = tf.tensor2d(train.x, [train.n, d]);
  const offset = tf.tensor2d(train.offset, [train.n, 1]);
  const y = tf.tensor2d(train.y, [train.n, 1]);
  let trainLoss = Number.NaN;
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const started = Date.now();
      // tfjs shuffles with Math.random; a seeded permutation keeps runs equal.
      const order = Int32Array.from(train.y.keys());
      shuffleInPlace(order, random);
      const shuffled = tf.tidy(() => {
        const index = tf.tensor1d(order, 'int32');
        return [x.gather(index), offset.gather(index), y.gather(index)];
      });
      const fit = await model.fit([shuffled[0], shuffled[1]], shuffled[2], {
        epochs: 1,
        batchSize: options.batchSize,
        shuffle: false,
        verbose: 0,
      });
      tf.dispose(shuffled);
      trainLoss = fit.history.loss[0] as number;
      const check = measure(extractLayers(model, options), validation);
      onProgress(
        `  epoch ${epoch}/${options.epochs}: loss ${trainLoss.toFixed(4)}, validation loss ${check.loss.toFixed(4)}, AUC ${check.auc.toFixed(4)} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    tf.dispose([x, offset, y]);
  }

  const layers = extractLayers(model, options);
  const check = measure(layers, validation);
  return {
    layers,
    normaliser,
    model,
    metrics: {
      trainRows: train.n,
      validationRows: validation.n,
      trainLoss,
      validationLoss: check.loss,
      validationAuc: check.auc,
      epochs: options.epochs,
      backend,
    },
  };
}
