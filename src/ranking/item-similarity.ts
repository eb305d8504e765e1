/**
 * Item-item co-purchase neighbours: two items are similar when the same
 * customers buy both. Cosine of the customer-incidence vectors, shrunk so that
 * items with a handful of buyers do not look perfectly similar by chance.
 */
import type { CustomerHistory } from './snapshot.ts';

/** Top neighbours of every item in compressed rows (CSR). */
export interface ItemNeighbours {
  offsets: Int32Array;
  neighbours: Int32Array;
  similarities: Float32Array;
}

export interface NeighbourOptions {
  /** Neighbours kept per item. */
  k?: number;
  /** Added to the cosine's denominator (in buyers). */
  shrink?: number;
}

function buildBuyerLists(
  histories: readonly (CustomerHistory | undefined)[],
  nItems: number,
): { offsets: Int32Array; buyers: Int32Array } {
  const counts = new Int32Array(nItems + 1);
  for (const history of histories)
    if (history) for (const item of history.items) counts[item + 1]++;
  for (let i = 0; i < nItems; i++) counts[i + 1] += counts[i];
  const buyers = new Int32Array(counts[nItems]);
  const fill = counts.slice(0, nItems);
  histories.forEach((history, customer) => {
    if (history)
      for (const item of history.items) buyers[fill[item]++] = customer;
  });
  return { offsets: counts, buyers };
}

/**
 * Keeps the k best (id, value) pairs; ties prefer the smaller id so the
 * neighbour lists do not depend on iteration order.
 */
class TopK {
  private ids: Int32Array;
  private values: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.ids = new Int32Array(k);
    this.values = new Float64Array(k);
  }

  clear(): void {
    this.size = 0;
  }

  /** a ranks below b: the heap's root is the worst kept pair. */
  private worse(a: number, b: number): boolean {
    const va = this.values[a];
    const vb = this.values[b];
    return va < vb || (va === vb && this.ids[a] > this.ids[b]);
  }

  private swap(a: number, b: number): void {
    const id = this.ids[a];
    const value = this.values[a];
    this.ids[a] = this.ids[b];
    this.values[a] = this.values[b];
    this.ids[b] = id;
    this.values[b] = value;
  }

  offer(id: number, value: number): void {
    if (this.size < this.k) {
      let at = this.size++;
      this.ids[at] = id;
      this.values[at] = value;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.worse(at, parent)) break;
        this.swap(at, parent);
        at = parent;
      }
      return;
    }
    const root = this.values[0];
    if (value < root || (value === root && id > this.ids[0])) return;
    this.ids[0] = id;
    this.values[0] = value;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < this.size && this.worse(left, worst)) worst = left;
      if (right < this.size && this.worse(right, worst)) worst = right;
      if (worst === at) break;
      this.swap(at, worst);
      at = worst;
    }
  }

  /** Best first. */
  sorted(): [number, number][] {
    const pairs: [number, number][] = [];
    for (let i = 0; i < this.size; i++)
      pairs.push([this.ids[i], this.values[i]]);
    return pairs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}

/** Computes each item's top-k co-purchase neighbours. */
export function buildItemNeighbours(
  histories: readonly (CustomerHistory | undefined)[],
  nItems: number,
  options: NeighbourOptions = {},
): ItemNeighbours {
  const k = options.k ?? 50;
  const shrink = options.shrink ?? 5;
  const { offsets: buyerOffsets, buyers } = buildBuyerLists(histories, nItems);
  const nBuyers = (item: number) => buyerOffsets[item + 1] - buyerOffsets[item];

  const row = new Float32Array(nItems);
  const touched = new Int32Array(nItems);
  const heap = new TopK(k);
  const offsets = new Int32Array(nItems + 1);
  const neighbours: number[] = [];
  const similarities: number[] = [];

  for (let item = 0; item < nItems; item++) {
    let nTouched = 0;
    for (let b = buyerOffsets[item]; b < buyerOffsets[item + 1]; b++) {
      const history = histories[buyers[b]];
      if (!history) continue;
      const items = history.items;
      for (let i = 0; i < items.length; i++) {
        const other = items[i];
        if (row[other] === 0) touched[nTouched++] = other;
        row[other]++;
      }
    }
    heap.clear();
    for (let t = 0; t < nTouched; t++) {
      const other = touched[t];
      if (other !== item) {
        const denominator = Math.sqrt(nBuyers(item) * nBuyers(other)) + shrink;
        heap.offer(other, row[other] / denominator);
      }
      row[other] = 0;
    }
    for (const [other, similarity] of heap.sorted()) {
      neighbours.push(other);
      similarities.push(similarity);
    }
    offsets[item + 1] = neighbours.length;
  }

  return {
    offsets,
    neighbours: Int32Array.from(neighbours),
    similarities: Float32Array.from(similarities),
  };
}

/** How fast an item's pull on its neighbours fades after its last purchase. */
export const CO_RECENCY_DAYS = 60;

/**
 * For one customer: per catalogue item, the max and the sum of similarities
 * to the customer's items, which of their items gave the max (-1 if none),
 * and the sum with each item weighted by e^(-days since bought / 60).
 */
export function scoreCoPurchase(
  neighbours: ItemNeighbours,
  customerItems: ArrayLike<number>,
  daysSince: ArrayLike<number>,
  out: {
    max: Float32Array;
    sum: Float32Array;
    recent: Float32Array;
    source: Int32Array;
  },
): void {
  out.max.fill(0);
  out.sum.fill(0);
  out.recent.fill(0);
  out.source.fill(-1);
  for (let i = 0; i < customerItems.length; i++) {
    const item = customerItems[i];
    const weight = Math.exp(-daysSince[i] / CO_RECENCY_DAYS);
    for (
      let n = neighbours.offsets[item];
      n < neighbours.offsets[item + 1];
      n++
    ) {
      const other = neighbours.neighbours[n];
      const similarity = neighbours.similarities[n];
      out.sum[other] += similarity;
      out.recent[other] += weight * similarity;
      if (similarity > out.max[other]) {
        out.max[other] = similarity;
        out.source[other] = item;
      }
    }
  }
}
