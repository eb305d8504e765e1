import type { Embedder } from '../retrieval/index.ts';

/**
 * A tiny deterministic embedder for tests: hashed bag of words, normalised.
 * `zero: true` returns all-zero vectors, as a broken model might.
 */
export function hashingEmbedder(
  dimension = 64,
  options: { zero?: boolean } = {},
): Embedder {
  return {
    id: `hashing-${dimension}${options.zero ? '-zero' : ''}`,
    dimension,
    async embed(texts) {
      return texts.map((text) => {
        const vector = new Float32Array(dimension);
        if (options.zero) return vector;
        for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
          let hash = 2166136261;
          for (const char of word)
            hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
          vector[Math.abs(hash) % dimension] += 1;
        }
        const norm = Math.hypot(...vector) || 1;
        return vector.map((v) => v / norm);
      });
    },
  };
}
