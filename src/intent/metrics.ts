/**
 * Classification metrics for the intent eval.
 */

export interface ConfusionPair {
  expected: string;
  predicted: string;
  count: number;
}

export interface ClassificationReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perIntent: Record<string, { f1: number; support: number }>;
  worstPairs: ConfusionPair[];
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** Accuracy, macro-F1 over the expected labels, the most frequent confusions. */
export function scoreClassification(
  expected: readonly string[],
  predicted: readonly string[],
  worstPairs = 10,
): ClassificationReport {
  const labels = [...new Set(expected)].sort();
  const truePositives = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const support = new Map<string, number>();
  const confusions = new Map<string, number>();
  let correct = 0;

  expected.forEach((label, i) => {
    const guess = predicted[i];
    support.set(label, (support.get(label) ?? 0) + 1);
    predictedCount.set(guess, (predictedCount.get(guess) ?? 0) + 1);
    if (guess === label) {
      correct++;
      truePositives.set(label, (truePositives.get(label) ?? 0) + 1);
    } else {
      const pair = `${label}\t${guess}`;
      confusions.set(pair, (confusions.get(pair) ?? 0) + 1);
    }
  });

  const perIntent: ClassificationReport['perIntent'] = {};
  for (const label of labels) {
    const tp = truePositives.get(label) ?? 0;
    const precision = tp / Math.max(1, predictedCount.get(label) ?? 0);
    const recall = tp / Math.max(1, support.get(label) ?? 0);
    const f1 =
      precision + recall > 0
        ? (2 * precision * recall) / (precision + recall)
        : 0;
    perIntent[label] = { f1: round(f1), support: support.get(label) ?? 0 };
  }
  const macroF1 =
    labels.reduce((sum, label) => sum + perIntent[label].f1, 0) /
    Math.max(1, labels.length);

  return {
    n: expected.length,
    accuracy: round(correct / Math.max(1, expected.length)),
    macroF1: round(macroF1),
    perIntent,
    worstPairs: [...confusions.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, worstPairs)
      .map(([pair, count]) => {
        const [expectedLabel, predictedLabel] = pair.split('\t');
        return { expected: expectedLabel, predicted: predictedLabel, count };
      }),
  };
}
