/**
 * The ranker's network at serving time: a plain forward pass over the saved
 * dense weights. Scoring a whole catalogue this way takes a few milliseconds
 * and needs no TensorFlow backend in the chat process.
 */
export interface DenseLayer {
  name: string;
  inputs: number;
  units: number;
  activation: 'relu' | 'linear';
  /** inputs × units, row-major (tfjs's kernel layout). */
  kernel: Float32Array;
  bias: Float32Array;
}

/** Feature normalisation learned on the training rows. */
export interface Normaliser {
  mean: Float32Array;
  std: Float32Array;
}

/** Mean and standard deviation per column; constant columns get std 1. */
export function fitNormaliser(
  x: Float32Array,
  n: number,
  d: number,
): Normaliser {
  const mean = new Float64Array(d);
  const square = new Float64Array(d);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < d; c++) {
      const value = x[r * d + c];
      mean[c] += value;
      square[c] += value * value;
    }
  const std = new Float32Array(d);
  for (let c = 0; c < d; c++) {
    mean[c] /= Math.max(n, 1);
    const variance = square[c] / Math.max(n, 1) - mean[c] * mean[c];
    std[c] = variance > 1e-8 ? Math.sqrt(variance) : 1;
  }
  return { mean: Float32Array.from(mean), std };
}

/** Normalises `n` rows of `x` in place. */
export function applyNormaliser(
  normaliser: Normaliser,
  x: Float32Array,
  n: number,
): void {
  const d = normaliser.mean.length;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < d; c++) {
      const at = r * d + c;
      x[at] = (x[at] - normaliser.mean[c]) / normaliser.std[c];
    }
}

/** Output logits of `n` rows (already normalised) into `out`. */
export function forwardLogits(
  layers: readonly DenseLayer[],
  x: Float32Array,
  n: number,
  out: Float32Array,
): void {
  let input = x;
  for (const layer of layers) {
    const output = new Float32Array(n * layer.units);
    denseForward(layer, input, n, output);
    input = output;
  }
  // The last layer has one unit: its output rows are the logits.
  out.set(input.subarray(0, n));
}

const transposed = new WeakMap<DenseLayer, Float32Array>();

/** units × inputs: each unit's weights contiguous, for register dot products. */
function unitMajor(layer: DenseLayer): Float32Array {
  let weights = transposed.get(layer);
  if (!weights) {
    weights = new Float32Array(layer.kernel.length);
    for (let i = 0; i < layer.inputs; i++)
      for (let u = 0; u < layer.units; u++)
        weights[u * layer.inputs + i] = layer.kernel[i * layer.units + u];
    transposed.set(layer, weights);
  }
  return weights;
}

/** One dense layer over a batch; whole-batch loops keep V8 on typed arrays. */
function denseForward(
  layer: DenseLayer,
  input: Float32Array,
  n: number,
  output: Float32Array,
): void {
  const { bias, units, inputs } = layer;
  const weights = unitMajor(layer);
  const relu = layer.activation === 'relu';
  for (let r = 0; r < n; r++) {
    const inAt = r * inputs;
    for (let u = 0; u < units; u++) {
      const wAt = u * inputs;
      let sum = bias[u];
      for (let i = 0; i < inputs; i++)
        sum += input[inAt + i] * weights[wAt + i];
      output[r * units + u] = relu && sum < 0 ? 0 : sum;
    }
  }
}

export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}
