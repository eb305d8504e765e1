/**
 * ROC AUC by the rank-sum (Mann–Whitney) statistic; tied scores share their
 * average rank, so a constant score gives exactly 0.5.
 */
export function rocAuc(
  scores: readonly number[],
  labels: readonly boolean[],
): number {
  const order = scores
    .map((score, index) => ({ score, positive: labels[index] }))
    .sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && order[end].score === order[start].score) end++;
    // Ranks start..end-1 (1-based: start+1..end) share their mean.
    const meanRank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++)
      if (order[i].positive) {
        positives++;
        rankSum += meanRank;
      }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (
    (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
  );
}
