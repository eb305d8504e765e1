/**
 * Why an item was recommended, in words that name the signal behind it: the
 * customer's own purchase cycle, a co-purchase with one of their items, a
 * similar title, their favourite category, or plain popularity.
 */
import type { CustomerView, FeatureContext } from './features.ts';

/** Co-purchase similarity above which "bought together" is worth saying. */
export const CO_PURCHASE_REASON_MIN = 0.2;
/** Title similarity (cosine) above which "similar to" is worth saying. */
export const TEXT_REASON_MIN = 0.8;
/** Share of a customer's purchases that makes a category one they buy often. */
export const CATEGORY_REASON_MIN = 0.15;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** "3 days ago", "7 weeks ago", "5 months ago". */
export function describeAgo(days: number): string {
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  if (days < 14) return `${plural(Math.round(days), 'day')} ago`;
  if (days < 91) return `${plural(Math.round(days / 7), 'week')} ago`;
  return `${plural(Math.round(days / 30.4), 'month')} ago`;
}

/** "every 10 days", "every 6 weeks", "every month". */
export function describeEvery(days: number): string {
  const say = (n: number, unit: string) =>
    n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;
  if (days < 14) return say(Math.max(Math.round(days), 1), 'day');
  if (days < 91) return say(Math.round(days / 7), 'week');
  return say(Math.round(days / 30.4), 'month');
}

function reorderReason(
  view: CustomerView,
  item: number,
  cutoff: number,
): string {
  const history = view.history!;
  const own = view.ownIndex[item];
  const count = history.counts[own];
  const since = Math.max(cutoff - history.lastDays[own], 0);
  const cycle = history.cycles[own];
  if (!Number.isNaN(cycle)) {
    // Long overdue: the habit may have stopped, so say it in the past.
    const lapsed = since > 4 * cycle && since > 60;
    return `you ${lapsed ? 'used to buy' : 'buy'} this about ${describeEvery(cycle)} — last bought ${describeAgo(since)}`;
  }
  if (count === 1) return `you bought this once, ${describeAgo(since)}`;
  return `you bought this ${count} times, last ${describeAgo(since)}`;
}

function mostSimilarOwned(
  context: FeatureContext,
  view: CustomerView,
  item: number,
): { item: number; similarity: number } | undefined {
  const text = context.text;
  if (!text || !view.history) return undefined;
  const { dim, vectors } = text;
  let best: { item: number; similarity: number } | undefined;
  for (const owned of view.history.items) {
    let dot = 0;
    for (let d = 0; d < dim; d++)
      dot += vectors[item * dim + d] * vectors[owned * dim + d];
    if (!best || dot > best.similarity) best = { item: owned, similarity: dot };
  }
  return best;
}

/** "popular right now: 41 customers bought it in the last 3 months". */
export function popularityReason(
  context: FeatureContext,
  item: number,
): string {
  const buyers = context.snapshot.itemStats.nCustomersRecent[item];
  if (buyers === 0) return 'one of the shop’s regular items';
  return `popular right now: ${plural(buyers, 'customer')} bought it in the last 3 months`;
}

function discoverReason(
  context: FeatureContext,
  view: CustomerView,
  item: number,
): string {
  const { log } = context.snapshot;
  const history = view.history!;
  const source = view.coSource[item];
  if (view.coMax[item] >= CO_PURCHASE_REASON_MIN && source >= 0)
    return `often bought together with ${log.items[source].title}, which you buy`;

  const similar = mostSimilarOwned(context, view, item);
  if (similar && similar.similarity >= TEXT_REASON_MIN && similar.item !== item)
    return `similar to ${log.items[similar.item].title}, which you bought`;

  const category = log.itemCategory[item];
  const name = log.categories[category];
  if (name !== 'other') {
    if (history.topCategory === category)
      return `popular in ${name}, your most-bought category`;
    if (history.categoryShare[category] >= CATEGORY_REASON_MIN)
      return `popular in ${name}, a category you buy often`;
  }
  if (view.coMax[item] > 0 && source >= 0)
    return `bought by customers who also buy ${log.items[source].title}`;
  return popularityReason(context, item);
}

/** The reason for one recommended item of the view's customer. */
export function explain(
  context: FeatureContext,
  view: CustomerView,
  item: number,
): string {
  if (!view.history) return popularityReason(context, item);
  return view.ownIndex[item] >= 0
    ? reorderReason(view, item, context.snapshot.cutoffDay)
    : discoverReason(context, view, item);
}
