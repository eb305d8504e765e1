/**
 * A category for the titles no keyword rule recognises (about 1% of the
 * catalogue: "SPACE CADET RED", "HAND OPEN SHAPE PINK"), learnt from the
 * titles the rules did place. Two ways, both trained on the catalogue itself:
 *   - a multinomial naive Bayes over title words (sync, no model needed);
 *   - with an injected embedder, the nearest category centroid of the
 *     rule-placed products' embedded search texts.
 */
import { moduleLogger } from '../../logger.ts';
import { categoriseTitle } from './categorise.ts';
import { COLOUR_WORD_SET } from './colours.ts';
import { deriveAttributes, type Attributes } from './derive.ts';
import { STOPWORDS } from './jargon-dictionary.ts';
import { normaliseTokens, singular } from './normalise.ts';
import type { CategoryId } from './taxonomy.ts';

const log = moduleLogger('attributes');

/** Embeds texts in one batch; the embedders of retrieval/ fit this. */
export type EmbedFn = (texts: string[]) => Promise<Float32Array[]>;

export interface CategoryClassifier {
  /** The most likely category of a title, with its posterior probability. */
  predict(title: string): { category: CategoryId; probability: number };
}

/** Words a classifier learns from: no stopwords, numbers or colours. */
export function featureWords(title: string): string[] {
  return normaliseTokens(title)
    .map(singular)
    .filter(
      (word) =>
        word.length > 1 &&
        !/^\d/.test(word) &&
        !STOPWORDS.has(word) &&
        !COLOUR_WORD_SET.has(word),
    );
}

/**
 * A naive Bayes classifier (Laplace smoothing) trained on the titles the
 * keyword rules place; titles they cannot place are left out of training.
 */
export function trainCategoryClassifier(
  titles: readonly string[],
): CategoryClassifier {
  const docs = new Map<CategoryId, number>();
  const words = new Map<CategoryId, Map<string, number>>();
  const totals = new Map<CategoryId, number>();
  const vocabulary = new Set<string>();
  let n = 0;

  for (const title of titles) {
    const decision = categoriseTitle(title);
    if (!decision.matched) continue;
    const category = decision.category;
    n++;
    docs.set(category, (docs.get(category) ?? 0) + 1);
    const counts = words.get(category) ?? new Map<string, number>();
    for (const word of featureWords(title)) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
      totals.set(category, (totals.get(category) ?? 0) + 1);
      vocabulary.add(word);
    }
    words.set(category, counts);
  }

  return {
    predict(title) {
      const features = featureWords(title).filter((w) => vocabulary.has(w));
      const scores = [...docs].map(([category, count]) => {
        const counts = words.get(category)!;
        const denominator = (totals.get(category) ?? 0) + vocabulary.size;
        let logP = Math.log(count / n);
        for (const word of features)
          logP += Math.log(((counts.get(word) ?? 0) + 1) / denominator);
        return { category, logP };
      });
      if (scores.length === 0) return { category: 'other', probability: 0 };
      const max = Math.max(...scores.map((s) => s.logP));
      const sum = scores.reduce((acc, s) => acc + Math.exp(s.logP - max), 0);
      const best = scores.reduce((a, b) => (b.logP > a.logP ? b : a));
      return { category: best.category, probability: 1 / sum };
    },
  };
}

/**
 * Attributes of a whole catalogue: the keyword rules for every title, and
 * the naive Bayes fallback (trained on this catalogue) for the titles no
 * rule recognises. Sync; about a second for the real catalogue.
 */
export function deriveCatalogueAttributes(
  titles: readonly string[],
): Attributes[] {
  const classifier = trainCategoryClassifier(titles);
  let placed = 0;
  const result = titles.map((title) => {
    const attributes = deriveAttributes(title);
    if (categoriseTitle(title).matched) return attributes;
    placed++;
    return { ...attributes, category: classifier.predict(title).category };
  });
  log.debug({ products: titles.length, placed }, 'categories by fallback');
  return result;
}

function normalised(vector: Float32Array): Float32Array {
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/**
 * Like deriveCatalogueAttributes, but a title no rule recognises takes the
 * category whose centroid (mean embedded search text of the rule-placed
 * products) is nearest. `vectors`, when given, are the already embedded
 * search texts (one per title, same order) and spare a second embedding.
 */
export async function deriveCatalogueAttributesByEmbedding(
  titles: readonly string[],
  options: { embed: EmbedFn; vectors?: readonly Float32Array[] },
): Promise<Attributes[]> {
  const attributes = titles.map(deriveAttributes);
  const matched = titles.map((title) => categoriseTitle(title).matched);
  if (!matched.includes(null)) return attributes;

  const vectors =
    options.vectors ??
    (await options.embed(attributes.map((a) => a.searchText)));
  const sums = new Map<CategoryId, Float32Array>();
  attributes.forEach(({ category }, i) => {
    if (!matched[i]) return;
    const vector = normalised(vectors[i]);
    const sum = sums.get(category) ?? new Float32Array(vector.length);
    for (let d = 0; d < vector.length; d++) sum[d] += vector[d];
    sums.set(category, sum);
  });
  const centroids = [...sums].map(
    ([category, sum]) => [category, normalised(sum)] as const,
  );
  if (centroids.length === 0) return attributes;

  return attributes.map((a, i) => {
    if (matched[i]) return a;
    const vector = normalised(vectors[i]);
    const [category] = centroids.reduce((best, next) =>
      dot(vector, next[1]) > dot(vector, best[1]) ? next : best,
    );
    return { ...a, category };
  });
}
