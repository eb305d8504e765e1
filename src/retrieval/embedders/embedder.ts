/**
 * What every sentence embedder gives the rest of shopmate, whichever model is
 * behind it.
 */

/** Turns texts into unit-length vectors of one fixed dimension. */
export interface Embedder {
  /**
   * Names the model and every setting that changes its vectors; an index built
   * with one id must not be searched with vectors of another.
   */
  readonly id: string;
  /** Length of every vector this embedder returns. */
  readonly dimension: number;
  /**
   * One L2-normalised vector per text, in input order. Rejects an empty or
   * whitespace-only text with `INVALID_INPUT`; long texts are cut (see
   * {@link MAX_INPUT_CHARS}); any language is accepted.
   */
  embed(texts: string[]): Promise<Float32Array[]>;
}

/**
 * Inputs longer than this many characters (Unicode code points) are cut
 * before tokenising. It matches the default MAX_MESSAGE_CHARS: catalogue
 * titles and shopper messages fit well within it, and it bounds the cost of a
 * pathological input. Models with a token limit cut again at that limit.
 */
export const MAX_INPUT_CHARS = 2000;

/** Scales a vector to unit length in place; an all-zero vector stays zero. */
export function normaliseVector(vector: Float32Array): Float32Array {
  let sumOfSquares = 0;
  for (const value of vector) sumOfSquares += value * value;
  if (sumOfSquares === 0 || !Number.isFinite(sumOfSquares)) return vector;

  const scale = 1 / Math.sqrt(sumOfSquares);
  for (let i = 0; i < vector.length; i++) vector[i] *= scale;
  return vector;
}

/** Dot product; equals cosine similarity for an embedder's unit vectors. */
export function dotProduct(a: Float32Array, b: Float32Array): number {
  const length = Math.min(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < length; i++) sum += a[i] * b[i];
  return sum;
}
