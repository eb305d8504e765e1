/**
 * The offline default embedder: Universal Sentence Encoder lite, 512-d, run on
 * TensorFlow.js (wasm backend).
 */
import * as tf from '@tensorflow/tfjs';
import { ShopmateError } from '../../errors.ts';
import { moduleLogger } from '../../logger.ts';
import type { Embedder } from './embedder.ts';
import {
  embedInBatches,
  prepareTexts,
  runOneAtATime,
} from './prepare-texts.ts';
import { loadUseModel, type UseModel } from './use-model.ts';

const log = moduleLogger('embedders');

/** Length of a USE lite vector. */
export const USE_DIMENSION = 512;

export interface UseEmbedderOptions {
  /**
   * Lower-cases texts before tokenising (default true). The model's 8k-piece
   * vocabulary is mostly lower case, so the catalogue's upper-case titles
   * would otherwise break into single letters; it also makes queries
   * case-insensitive. Changes the embedder id when turned off.
   */
  lowercase?: boolean;
  /** Texts per graph run (default 64). */
  batchSize?: number;
  /** Code points kept per text (default MAX_INPUT_CHARS). */
  maxChars?: number;
}

/**
 * Creates the USE lite embedder. The model loads once per process, so a
 * second embedder costs nothing. Throws `MODEL_UNAVAILABLE` when it cannot
 * load.
 */
export async function createUseEmbedder(
  options: UseEmbedderOptions = {},
): Promise<Embedder> {
  const lowercase = options.lowercase ?? true;
  const batchSize = options.batchSize ?? 64;
  const model = await loadUseModel();

  const embedBatch = runOneAtATime((batch: string[]) => runGraph(model, batch));
  return {
    id: lowercase ? 'use-lite' : 'use-lite-cased',
    dimension: USE_DIMENSION,
    embed: async (texts) => {
      let prepared = prepareTexts(texts, options.maxChars);
      if (lowercase) prepared = prepared.map((text) => text.toLowerCase());
      return embedInBatches(prepared, batchSize, USE_DIMENSION, embedBatch);
    },
  };
}

/**
 * Feeds one batch to the graph as a sparse matrix of token ids: `indices`
 * holds [row, position] pairs and `values` the piece ids, as the USE lite
 * graph expects.
 */
async function runGraph(
  model: UseModel,
  texts: string[],
): Promise<Float32Array[]> {
  const started = performance.now();
  const encodings = texts.map((text) => model.tokenizer.encode(text));
  const tokenCount = encodings.reduce((sum, ids) => sum + ids.length, 0);
  // A row without tokens would shrink the batch and shift every vector.
  if (encodings.some((ids) => ids.length === 0))
    throw new ShopmateError('INTERNAL', 'A text tokenised to no pieces');

  const indices = new Int32Array(tokenCount * 2);
  const values = new Int32Array(tokenCount);
  let at = 0;
  encodings.forEach((ids, row) => {
    ids.forEach((id, position) => {
      indices[at * 2] = row;
      indices[at * 2 + 1] = position;
      values[at] = id;
      at++;
    });
  });

  const data = await executeGraph(model.graph, indices, values);
  log.debug(
    {
      texts: texts.length,
      tokens: tokenCount,
      latencyMs: Math.round(performance.now() - started),
    },
    'use batch embedded',
  );
  return texts.map((_, row) =>
    data.slice(row * USE_DIMENSION, (row + 1) * USE_DIMENSION),
  );
}

async function executeGraph(
  graph: tf.GraphModel,
  indices: Int32Array,
  values: Int32Array,
): Promise<Float32Array> {
  const inputs = {
    indices: tf.tensor2d(indices, [values.length, 2], 'int32'),
    values: tf.tensor1d(values, 'int32'),
  };
  try {
    const output = await graph.executeAsync(inputs);
    const outputs = Array.isArray(output) ? output : [output];
    try {
      const data = await outputs[0].data();
      if (!(data instanceof Float32Array))
        throw new ShopmateError('INTERNAL', 'USE returned non-float output');
      return data;
    } finally {
      tf.dispose(outputs);
    }
  } finally {
    tf.dispose([inputs.indices, inputs.values]);
  }
}
