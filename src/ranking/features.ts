/**
 * Features of (customer, product) pairs as of a snapshot's cutoff. One row of
 * FEATURE_NAMES per pair; the order is the model's input order and is saved
 * with the model, so changing it makes old models stale (they are retrained).
 */
import {
  buildItemNeighbours,
  scoreCoPurchase,
  type ItemNeighbours,
} from './item-similarity.ts';
import type { CustomerHistory, Snapshot } from './snapshot.ts';

export const FEATURE_NAMES = [
  'owned',
  'logCount',
  'orderShare',
  'logDaysSinceBought',
  'hasCycle',
  'logCycle',
  'dueness',
  'logDueness',
  'relativeRecency',
  'inLastOrder',
  'logDaysSinceFirstBought',
  'logItemCustomers',
  'logItemOrdersRecent',
  'logItemOrdersLatest',
  'logDaysSinceItemSold',
  'logItemAge',
  'logPrice',
  'itemRepeatRate',
  'itemRecentShare',
  'logPriceRatio',
  'categoryShare',
  'isTopCategory',
  'coMax',
  'logCoSum',
  'coSumNorm',
  'textSimilarity',
  'logCoRecent',
  'logCustomerOrders',
  'logCustomerOrdersRecent',
  'logDaysSinceLastOrder',
  'logTenure',
  'logDistinctItems',
  'logMeanGap',
] as const;

export const N_FEATURES = FEATURE_NAMES.length;

const ITEM_FEATURES = 8;
/** Days used for items never sold before the cutoff. */
const NEVER_DAYS = 730;

/** Product text vectors, unit length, `dim` floats per catalogue item. */
export interface TextVectors {
  dim: number;
  vectors: Float32Array;
}

/** Everything per-product, computed once per snapshot. */
export interface FeatureContext {
  snapshot: Snapshot;
  neighbours: ItemNeighbours;
  text?: TextVectors;
  /** nItems × ITEM_FEATURES, the product-only columns 11..18. */
  itemTable: Float32Array;
}

/** Per-customer dense lookups over the catalogue, reused across customers. */
export interface CustomerView {
  history?: CustomerHistory;
  /** Index into the history's arrays, or -1 when never bought. */
  ownIndex: Int32Array;
  coMax: Float32Array;
  coSum: Float32Array;
  /** Co-purchase sum with the customer's items weighted by recency. */
  coRecent: Float32Array;
  coSource: Int32Array;
  textSimilarity: Float32Array;
  customerRow: Float32Array;
}

const log1p = Math.log1p;

function buildItemTable(snapshot: Snapshot): Float32Array {
  const { itemStats: s, cutoffDay, log } = snapshot;
  const n = log.items.length;
  const table = new Float32Array(n * ITEM_FEATURES);
  for (let i = 0; i < n; i++) {
    const sold = !Number.isNaN(s.lastDay[i]);
    const row = i * ITEM_FEATURES;
    table[row] = log1p(s.nCustomers[i]);
    table[row + 1] = log1p(s.nOrdersRecent[i]);
    table[row + 2] = log1p(s.nOrdersLatest[i]);
    table[row + 3] = log1p(sold ? cutoffDay - s.lastDay[i] : NEVER_DAYS);
    table[row + 4] = log1p(sold ? cutoffDay - s.firstDay[i] : 0);
    table[row + 5] = Math.log(Math.max(log.items[i].price, 0.01));
    table[row + 6] = s.nRepeatCustomers[i] / Math.max(s.nCustomers[i], 1);
    table[row + 7] = s.nOrdersRecent[i] / Math.max(s.nOrders[i], 1);
  }
  return table;
}

/** Precomputes the per-product parts of the features for a snapshot. */
export function createFeatureContext(
  snapshot: Snapshot,
  text?: TextVectors,
): FeatureContext {
  return {
    snapshot,
    neighbours: buildItemNeighbours(
      snapshot.histories,
      snapshot.log.items.length,
    ),
    text,
    itemTable: buildItemTable(snapshot),
  };
}

/** Allocates the reusable per-customer buffers for a catalogue. */
export function createCustomerView(nItems: number): CustomerView {
  return {
    ownIndex: new Int32Array(nItems).fill(-1),
    coMax: new Float32Array(nItems),
    coSum: new Float32Array(nItems),
    coRecent: new Float32Array(nItems),
    coSource: new Int32Array(nItems),
    textSimilarity: new Float32Array(nItems),
    customerRow: new Float32Array(6),
  };
}

function fillTextSimilarity(
  text: TextVectors | undefined,
  history: CustomerHistory | undefined,
  out: Float32Array,
): void {
  out.fill(0);
  if (!text || !history) return;
  const { dim, vectors } = text;
  const profile = new Float32Array(dim);
  history.items.forEach((item, i) => {
    const weight = Math.log1p(history.counts[i]);
    for (let d = 0; d < dim; d++)
      profile[d] += weight * vectors[item * dim + d];
  });
  const norm = Math.hypot(...profile) || 1;
  for (let item = 0; item < out.length; item++) {
    let dot = 0;
    for (let d = 0; d < dim; d++) dot += profile[d] * vectors[item * dim + d];
    out[item] = dot / norm;
  }
}

/** Points the view at a customer (or at nobody, for a cold start). */
export function loadCustomerView(
  context: FeatureContext,
  view: CustomerView,
  history: CustomerHistory | undefined,
): void {
  if (view.history)
    for (const item of view.history.items) view.ownIndex[item] = -1;
  view.history = history;
  const cutoff = context.snapshot.cutoffDay;
  const items = history?.items ?? new Int32Array(0);
  items.forEach((item, i) => (view.ownIndex[item] = i));
  const daysSince = Float64Array.from(
    history?.lastDays ?? [],
    (day) => cutoff - day,
  );
  scoreCoPurchase(context.neighbours, items, daysSince, {
    max: view.coMax,
    sum: view.coSum,
    recent: view.coRecent,
    source: view.coSource,
  });
  fillTextSimilarity(context.text, history, view.textSimilarity);

  const row = view.customerRow;
  row.fill(0);
  if (!history) return;
  const tenure = cutoff - history.firstOrderDay;
  row[0] = log1p(history.nOrders);
  row[1] = log1p(history.nOrdersRecent);
  row[2] = log1p(cutoff - history.lastOrderDay);
  row[3] = log1p(tenure);
  row[4] = log1p(history.items.length);
  row[5] = log1p(tenure / Math.max(history.nOrders - 1, 1));
}

/** Mean days between the customer's orders (their own rhythm). */
function meanGap(history: CustomerHistory, cutoff: number): number {
  const span = Math.max(history.lastOrderDay - history.firstOrderDay, 0);
  return history.nOrders > 1
    ? span / (history.nOrders - 1)
    : Math.max(cutoff - history.firstOrderDay, 1);
}

function writeOwnFeatures(
  view: CustomerView,
  item: number,
  cutoff: number,
  out: Float32Array,
  at: number,
): void {
  const history = view.history;
  const own = view.ownIndex[item];
  if (!history || own < 0) return;
  const count = history.counts[own];
  const since = Math.max(cutoff - history.lastDays[own], 0);
  const cycle = history.cycles[own];
  out[at] = 1;
  out[at + 1] = log1p(count);
  out[at + 2] = count / history.nOrders;
  out[at + 3] = log1p(since);
  out[at + 8] = Math.min(since / Math.max(meanGap(history, cutoff), 1), 20);
  out[at + 9] = history.lastOrderItems.has(item) ? 1 : 0;
  out[at + 10] = log1p(Math.max(cutoff - history.firstDays[own], 0));
  if (Number.isNaN(cycle)) return;
  const dueness = since / Math.max(cycle, 1);
  out[at + 4] = 1;
  out[at + 5] = log1p(cycle);
  out[at + 6] = Math.min(dueness, 10);
  out[at + 7] = Math.max(-3, Math.min(3, Math.log(dueness + 0.05)));
}

/**
 * Writes the feature rows of `items` for the view's customer into `out`
 * (row-major, N_FEATURES per row). Columns never written stay 0.
 */
export function writeFeatures(
  context: FeatureContext,
  view: CustomerView,
  items: ArrayLike<number>,
  out: Float32Array,
): void {
  const { snapshot, itemTable } = context;
  const { history } = view;
  const cutoff = snapshot.cutoffDay;
  const itemCategory = snapshot.log.itemCategory;
  const items_ = snapshot.log.items;
  out.fill(0, 0, items.length * N_FEATURES);

  for (let r = 0; r < items.length; r++) {
    const item = items[r];
    const at = r * N_FEATURES;
    writeOwnFeatures(view, item, cutoff, out, at);
    for (let f = 0; f < ITEM_FEATURES; f++)
      out[at + 11 + f] = itemTable[item * ITEM_FEATURES + f];
    if (history) {
      const price = Math.max(items_[item].price, 0.01);
      out[at + 19] = Math.log(price / Math.max(history.medianPrice, 0.01));
      out[at + 20] = history.categoryShare[itemCategory[item]];
      out[at + 21] = history.topCategory === itemCategory[item] ? 1 : 0;
      out[at + 22] = view.coMax[item];
      out[at + 23] = log1p(view.coSum[item]);
      out[at + 24] = view.coSum[item] / Math.sqrt(history.items.length);
      out[at + 25] = view.textSimilarity[item];
      out[at + 26] = log1p(view.coRecent[item]);
    }
    for (let c = 0; c < 6; c++) out[at + 27 + c] = view.customerRow[c];
  }
}
