/**
 * Turns a message into a sparse, hashed feature vector: word unigrams and
 * bigrams for meaning, character n-grams inside words for typos ("adress",
 * "chrismas" share most n-grams with the right spelling).
 */
import { hashString } from './random.ts';
import { classifierTokens } from './normalise-text.ts';

export const HASH_BITS = 20;
const HASH_MASK = (1 << HASH_BITS) - 1;

export interface SparseVector {
  /** Hash buckets, ascending and distinct. */
  indices: Int32Array;
  values: Float32Array;
}

export interface FeatureOptions {
  charMin: number;
  charMax: number;
  /** Relative weight of each group after its own L2 normalisation. */
  wordWeight: number;
  bigramWeight: number;
  charWeight: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  charMin: 2,
  charMax: 5,
  wordWeight: 1,
  bigramWeight: 0.7,
  charWeight: 1,
};

function addGroup(
  target: Map<number, number>,
  features: string[],
  weight: number,
): void {
  if (features.length === 0 || weight === 0) return;
  const counts = new Map<number, number>();
  for (const feature of features) {
    const bucket = hashString(feature) & HASH_MASK;
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  let norm = 0;
  for (const count of counts.values()) norm += count * count;
  const scale = weight / Math.sqrt(norm);
  for (const [bucket, count] of counts)
    target.set(bucket, (target.get(bucket) ?? 0) + count * scale);
}

function charNgrams(tokens: string[], min: number, max: number): string[] {
  const grams: string[] = [];
  for (const token of tokens) {
    const padded = `<${token}>`;
    for (let n = min; n <= max; n++)
      for (let i = 0; i + n <= padded.length; i++)
        grams.push(`c${padded.slice(i, i + n)}`);
  }
  return grams;
}

/** The hashed features of one message, L2-normalised. */
export function featurise(
  text: string,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): SparseVector {
  const tokens = classifierTokens(text);
  const words = tokens.map((token) => `w${token}`);
  const bounded = ['^', ...tokens, '$'];
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < bounded.length; i++)
    bigrams.push(`b${bounded[i]} ${bounded[i + 1]}`);

  const weights = new Map<number, number>();
  addGroup(weights, words, options.wordWeight);
  addGroup(weights, tokens.length > 0 ? bigrams : [], options.bigramWeight);
  addGroup(
    weights,
    charNgrams(tokens, options.charMin, options.charMax),
    options.charWeight,
  );

  const indices = Int32Array.from([...weights.keys()].sort((a, b) => a - b));
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((bucket, i) => {
    values[i] = weights.get(bucket) ?? 0;
    norm += values[i] * values[i];
  });
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i] *= scale;
  return { indices, values };
}
