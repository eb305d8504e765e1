/**
 * Top-k ranking metrics with binary relevance, and the top-k selection the
 * evaluation uses (ties broken by per-item keys, random in the evaluation).
 */

/** DCG of the ranked list over the ideal DCG, both cut at k. */
export function ndcgAt(
  ranked: readonly number[],
  relevant: ReadonlySet<number>,
  k: number,
): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++)
    if (relevant.has(ranked[i])) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++)
    ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

/** 1 when any relevant item is in the first k, else 0. */
export function hitRateAt(
  ranked: readonly number[],
  relevant: ReadonlySet<number>,
  k: number,
): number {
  for (let i = 0; i < Math.min(k, ranked.length); i++)
    if (relevant.has(ranked[i])) return 1;
  return 0;
}

/** Share of the relevant items found in the first k. */
export function recallAt(
  ranked: readonly number[],
  relevant: ReadonlySet<number>,
  k: number,
): number {
  if (relevant.size === 0) return 0;
  let found = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++)
    if (relevant.has(ranked[i])) found++;
  return found / relevant.size;
}

/**
 * The k best candidates by score, best first; equal scores are ordered by
 * `tieKey` (higher first). O(n log k).
 */
export function topK(
  candidates: ArrayLike<number>,
  score: (item: number) => number,
  tieKey: (item: number) => number,
  k: number,
): number[] {
  const kept: { item: number; score: number; tie: number }[] = [];
  const better = (
    a: { score: number; tie: number },
    b: { score: number; tie: number },
  ) => a.score > b.score || (a.score === b.score && a.tie > b.tie);
  // kept is a min-heap on "better": its root is the worst of the best k.
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      let worst = at;
      if (left < kept.length && better(kept[worst], kept[left])) worst = left;
      if (left + 1 < kept.length && better(kept[worst], kept[left + 1]))
        worst = left + 1;
      if (worst === at) return;
      [kept[at], kept[worst]] = [kept[worst], kept[at]];
      at = worst;
    }
  };
  for (let c = 0; c < candidates.length; c++) {
    const item = candidates[c];
    const entry = { item, score: score(item), tie: tieKey(item) };
    if (kept.length < k) {
      kept.push(entry);
      let at = kept.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!better(kept[parent], kept[at])) break;
        [kept[at], kept[parent]] = [kept[parent], kept[at]];
        at = parent;
      }
    } else if (k > 0 && better(entry, kept[0])) {
      kept[0] = entry;
      siftDown(0);
    }
  }
  return kept
    .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
    .map((entry) => entry.item);
}

export interface RankingMetrics {
  ndcg10: number;
  hr10: number;
  recall50: number;
}

/** Running means of the three reported metrics. */
export class MetricsAccumulator {
  private sums = { ndcg10: 0, hr10: 0, recall50: 0 };
  count = 0;

  add(ranked: readonly number[], relevant: ReadonlySet<number>): void {
    this.sums.ndcg10 += ndcgAt(ranked, relevant, 10);
    this.sums.hr10 += hitRateAt(ranked, relevant, 10);
    this.sums.recall50 += recallAt(ranked, relevant, 50);
    this.count++;
  }

  means(): RankingMetrics {
    const n = Math.max(this.count, 1);
    const round = (value: number) => Math.round((value / n) * 10000) / 10000;
    return {
      ndcg10: round(this.sums.ndcg10),
      hr10: round(this.sums.hr10),
      recall50: round(this.sums.recall50),
    };
  }
}
