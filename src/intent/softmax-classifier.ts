/**
 * Multinomial logistic regression over hashed sparse features, trained with
 * Adagrad. Plain TypeScript: a sparse linear model trains in seconds on two
 * cores and needs no tensor backend at serving time.
 */
import type { SparseVector } from './features.ts';
import { createRandom, shuffle } from './random.ts';

export interface SoftmaxWeights {
  /** Hash bucket of each weight row. */
  buckets: Int32Array;
  /** rows × classes, row-major. */
  weights: Float32Array;
  bias: Float32Array;
  classes: number;
  /** Divides the logits before the softmax; fitted on the dev split. */
  temperature: number;
}

export interface TrainingSet {
  vectors: SparseVector[];
  labels: Int32Array;
}

export interface SoftmaxTrainOptions {
  classes: number;
  epochs: number;
  learningRate: number;
  /** L2 penalty applied to the rows an example touches. */
  l2: number;
  /** Buckets seen in fewer training examples are dropped (noise, size). */
  minBucketCount: number;
  /** Class weight = (mean count / class count) ^ balancePower. */
  balancePower: number;
  seed: number;
  onEpoch?: (epoch: number, loss: number) => void;
}

export class SoftmaxClassifier {
  readonly classes: number;
  private readonly rowOf = new Map<number, number>();

  constructor(readonly model: SoftmaxWeights) {
    this.classes = model.classes;
    model.buckets.forEach((bucket, row) => this.rowOf.set(bucket, row));
  }

  /** Logits before temperature; buckets never seen in training add nothing. */
  logits(vector: SparseVector): Float64Array {
    const { weights, bias, classes } = this.model;
    const out = Float64Array.from(bias);
    for (let i = 0; i < vector.indices.length; i++) {
      const row = this.rowOf.get(vector.indices[i]);
      if (row === undefined) continue;
      const value = vector.values[i];
      const offset = row * classes;
      for (let c = 0; c < classes; c++) out[c] += value * weights[offset + c];
    }
    return out;
  }

  /** Class probabilities, temperature-scaled. */
  predict(vector: SparseVector, temperature = this.model.temperature) {
    return softmax(this.logits(vector), temperature);
  }

  /** How much of the message the model has seen: known weight / all weight. */
  coverage(vector: SparseVector): number {
    let known = 0;
    let total = 0;
    for (let i = 0; i < vector.indices.length; i++) {
      const weight = vector.values[i] * vector.values[i];
      total += weight;
      if (this.rowOf.has(vector.indices[i])) known += weight;
    }
    return total > 0 ? known / total : 0;
  }
}

export function softmax(logits: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const value of logits) max = Math.max(max, value / temperature);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp(logits[c] / temperature - max);
    sum += out[c];
  }
  for (let c = 0; c < out.length; c++) out[c] /= sum;
  return out;
}

function keptBuckets(data: TrainingSet, minCount: number): Int32Array {
  const counts = new Map<number, number>();
  for (const vector of data.vectors)
    for (const bucket of vector.indices)
      counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  const kept = [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .map(([bucket]) => bucket)
    .sort((a, b) => a - b);
  return Int32Array.from(kept);
}

function classWeights(labels: Int32Array, classes: number, power: number) {
  const counts = new Float64Array(classes);
  for (const label of labels) counts[label]++;
  const present = counts.filter((count) => count > 0);
  const mean = present.reduce((sum, count) => sum + count, 0) / present.length;
  return Float64Array.from(counts, (count) =>
    count > 0 ? (mean / count) ** power : 0,
  );
}

/** Fits the weights; the temperature is left at 1 for calibrateTemperature. */
export function trainSoftmax(
  data: TrainingSet,
  options: SoftmaxTrainOptions,
): SoftmaxClassifier {
  const { classes } = options;
  const buckets = keptBuckets(data, options.minBucketCount);
  const model: SoftmaxWeights = {
    buckets,
    weights: new Float32Array(buckets.length * classes),
    bias: new Float32Array(classes),
    classes,
    temperature: 1,
  };
  const classifier = new SoftmaxClassifier(model);
  const rowOf = new Map<number, number>();
  buckets.forEach((bucket, row) => rowOf.set(bucket, row));
  // Rows resolved once: the inner loop then touches only typed arrays.
  const rows = data.vectors.map((vector) => {
    const kept: number[] = [];
    const values: number[] = [];
    vector.indices.forEach((bucket, i) => {
      const row = rowOf.get(bucket);
      if (row === undefined) return;
      kept.push(row);
      values.push(vector.values[i]);
    });
    return { rows: Int32Array.from(kept), values: Float32Array.from(values) };
  });

  const weightOf = classWeights(data.labels, classes, options.balancePower);
  const squared = new Float32Array(model.weights.length).fill(1e-6);
  const biasSquared = new Float64Array(classes).fill(1e-6);
  const order = Array.from(data.labels.keys());
  const random = createRandom(options.seed);
  const logits = new Float64Array(classes);
  const gradient = new Float64Array(classes);
  const { weights, bias } = model;
  const rate = options.learningRate;

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(random, order);
    let loss = 0;
    for (const index of order) {
      const example = rows[index];
      const label = data.labels[index];
      logits.set(bias);
      for (let i = 0; i < example.rows.length; i++) {
        const offset = example.rows[i] * classes;
        const value = example.values[i];
        for (let c = 0; c < classes; c++)
          logits[c] += value * weights[offset + c];
      }
      const probabilities = softmax(logits);
      const weight = weightOf[label];
      loss -= weight * Math.log(Math.max(probabilities[label], 1e-12));
      for (let c = 0; c < classes; c++)
        gradient[c] = weight * (probabilities[c] - (c === label ? 1 : 0));

      for (let c = 0; c < classes; c++) {
        biasSquared[c] += gradient[c] * gradient[c];
        bias[c] -= (rate * gradient[c]) / Math.sqrt(biasSquared[c]);
      }
      for (let i = 0; i < example.rows.length; i++) {
        const offset = example.rows[i] * classes;
        const value = example.values[i];
        for (let c = 0; c < classes; c++) {
          const k = offset + c;
          const g = gradient[c] * value + options.l2 * weights[k];
          squared[k] += g * g;
          weights[k] -= (rate * g) / Math.sqrt(squared[k]);
        }
      }
    }
    options.onEpoch?.(epoch, loss / order.length);
  }
  return classifier;
}

/** The temperature minimising the log-loss on held-out examples. */
export function calibrateTemperature(
  classifier: SoftmaxClassifier,
  data: TrainingSet,
): number {
  const logits = data.vectors.map((vector) => classifier.logits(vector));
  let best = { temperature: 1, loss: Infinity };
  for (let t = 0.3; t <= 4.01; t += 0.1) {
    let loss = 0;
    logits.forEach((values, i) => {
      const p = softmax(values, t)[data.labels[i]];
      loss -= Math.log(Math.max(p, 1e-12));
    });
    if (loss < best.loss) best = { temperature: t, loss };
  }
  return Math.round(best.temperature * 100) / 100;
}
