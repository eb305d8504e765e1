/**
 * Baselines the classifier must beat: the majority class, and a keyword
 * voter that learns, for each word, the intent it most often signals.
 */
import type { LabelledUtterance } from './data-sources.ts';
import type { IntentName } from './intent-names.ts';
import { classifierTokens } from './normalise-text.ts';

export type Predictor = (text: string) => IntentName;

/** Always the most frequent training intent. */
export function majorityBaseline(
  train: readonly LabelledUtterance[],
): Predictor {
  const counts = new Map<IntentName, number>();
  for (const item of train)
    counts.set(item.intent, (counts.get(item.intent) ?? 0) + 1);
  const [majority] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return () => majority;
}

/**
 * Each word seen 3+ times votes for the intent it co-occurs with most, with
 * weight = that intent's share of the word's uses (precision); the top vote
 * wins, the majority class when no word votes.
 */
export function keywordBaseline(
  train: readonly LabelledUtterance[],
): Predictor {
  const byWord = new Map<string, Map<IntentName, number>>();
  for (const item of train)
    for (const word of new Set(classifierTokens(item.text))) {
      const counts = byWord.get(word) ?? new Map<IntentName, number>();
      counts.set(item.intent, (counts.get(item.intent) ?? 0) + 1);
      byWord.set(word, counts);
    }
  const votes = new Map<string, { intent: IntentName; weight: number }>();
  for (const [word, counts] of byWord) {
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    if (total < 3) continue;
    const [intent, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
    votes.set(word, { intent, weight: count / total });
  }
  const fallback = majorityBaseline(train);
  return (text) => {
    const tally = new Map<IntentName, number>();
    for (const word of classifierTokens(text)) {
      const vote = votes.get(word);
      if (vote)
        tally.set(vote.intent, (tally.get(vote.intent) ?? 0) + vote.weight);
    }
    const best = [...tally].sort((a, b) => b[1] - a[1])[0];
    return best ? best[0] : fallback(text);
  };
}
