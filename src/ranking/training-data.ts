/**
 * Training examples: features at a cutoff, labelled by what each customer
 * bought in the window after it. Negatives are sampled uniformly inside three
 * strata (items the customer owns, unowned items with a co-purchase signal,
 * the rest); each row carries log(1/sampling rate) of its stratum so the
 * model can be trained on the full-catalogue odds (a logQ correction).
 */
import {
  N_FEATURES,
  createCustomerView,
  loadCustomerView,
  writeFeatures,
  type FeatureContext,
} from './features.ts';
import { shuffleInPlace, type Random } from './seeded-random.ts';
import { purchasesBetween } from './snapshot.ts';

export interface SamplingOptions {
  /** Negatives kept per customer and stratum. */
  ownedNegatives: number;
  relatedNegatives: number;
  otherNegatives: number;
}

export const DEFAULT_SAMPLING: SamplingOptions = {
  ownedNegatives: 80,
  relatedNegatives: 40,
  otherNegatives: 40,
};

export interface TrainingSet {
  n: number;
  x: Float32Array;
  y: Float32Array;
  /** -log(sampling rate) of the row's stratum; 0 for kept-all strata. */
  offset: Float32Array;
  /** The customer of each row, to split validation by customer. */
  customer: Int32Array;
}

class RowBuffer {
  n = 0;
  x = new Float32Array(1 << 16);
  y: number[] = [];
  offset: number[] = [];
  customer: number[] = [];

  append(features: Float32Array, rows: number): void {
    const needed = (this.n + rows) * N_FEATURES;
    if (needed > this.x.length) {
      const grown = new Float32Array(Math.max(needed, this.x.length * 2));
      grown.set(this.x);
      this.x = grown;
    }
    this.x.set(features.subarray(0, rows * N_FEATURES), this.n * N_FEATURES);
    this.n += rows;
  }

  toSet(): TrainingSet {
    return {
      n: this.n,
      x: this.x.slice(0, this.n * N_FEATURES),
      y: Float32Array.from(this.y),
      offset: Float32Array.from(this.offset),
      customer: Int32Array.from(this.customer),
    };
  }
}

/** Samples up to `count` (≥ 1) of `pool`; returns them with -log(rate). */
export function sampleStratum(
  pool: number[],
  count: number,
  random: Random,
): { items: number[]; offset: number } {
  if (pool.length <= count) return { items: pool, offset: 0 };
  shuffleInPlace(pool, random);
  return { items: pool.slice(0, count), offset: Math.log(pool.length / count) };
}

/**
 * Examples for one feature cutoff: customers with a history at the cutoff
 * who bought at least one catalogue item in [cutoff, labelEndDay).
 */
export function buildTrainingSet(
  context: FeatureContext,
  labelEndDay: number,
  random: Random,
  options: SamplingOptions = DEFAULT_SAMPLING,
): TrainingSet {
  const buffer = new RowBuffer();
  const { snapshot } = context;
  const nItems = snapshot.log.items.length;
  const catalogue: number[] = [];
  for (let i = 0; i < nItems; i++)
    if (snapshot.itemStats.nOrders[i] > 0) catalogue.push(i);

  const labels = purchasesBetween(
    snapshot.log,
    snapshot.cutoffDay,
    labelEndDay,
  );
  const view = createCustomerView(nItems);
  const features = new Float32Array(nItems * N_FEATURES);
  const customers = [...labels.keys()].sort((a, b) => a - b);

  for (const customer of customers) {
    const history = snapshot.histories[customer];
    if (!history) continue;
    const bought = labels.get(customer) ?? new Set<number>();
    loadCustomerView(context, view, history);

    const positives: number[] = [];
    const owned: number[] = [];
    const related: number[] = [];
    const other: number[] = [];
    for (const item of catalogue) {
      if (bought.has(item)) positives.push(item);
      else if (view.ownIndex[item] >= 0) owned.push(item);
      else if (view.coSum[item] > 0) related.push(item);
      else other.push(item);
    }
    if (positives.length === 0) continue;

    const strata = [
      { items: positives, offset: 0, label: 1 },
      { ...sampleStratum(owned, options.ownedNegatives, random), label: 0 },
      { ...sampleStratum(related, options.relatedNegatives, random), label: 0 },
      { ...sampleStratum(other, options.otherNegatives, random), label: 0 },
    ];
    for (const stratum of strata) {
      if (stratum.items.length === 0) continue;
      writeFeatures(context, view, stratum.items, features);
      buffer.append(features, stratum.items.length);
      for (const item of stratum.items) {
        buffer.y.push(stratum.label);
        buffer.customer.push(customer);
        // A positive's stratum is the one it would have been sampled from.
        buffer.offset.push(
          stratum.label === 1
            ? positiveOffset(view, item, strata)
            : stratum.offset,
        );
      }
    }
  }
  return buffer.toSet();
}

function positiveOffset(
  view: ReturnType<typeof createCustomerView>,
  item: number,
  strata: { offset: number }[],
): number {
  if (view.ownIndex[item] >= 0) return strata[1].offset;
  return view.coSum[item] > 0 ? strata[2].offset : strata[3].offset;
}

/** Concatenates sets built at several cutoffs. */
export function concatTrainingSets(sets: TrainingSet[]): TrainingSet {
  const n = sets.reduce((sum, set) => sum + set.n, 0);
  const joined: TrainingSet = {
    n,
    x: new Float32Array(n * N_FEATURES),
    y: new Float32Array(n),
    offset: new Float32Array(n),
    customer: new Int32Array(n),
  };
  let at = 0;
  for (const set of sets) {
    joined.x.set(set.x, at * N_FEATURES);
    joined.y.set(set.y, at);
    joined.offset.set(set.offset, at);
    joined.customer.set(set.customer, at);
    at += set.n;
  }
  return joined;
}
