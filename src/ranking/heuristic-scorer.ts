/**
 * The stand-in when no trained ranker is saved yet: a hand-set blend of the
 * same signals (own purchases and their due-ness, co-purchases, popularity).
 * The recommender says when it is in use; `shopmate train` replaces it.
 */
import {
  createCustomerView,
  loadCustomerView,
  type CustomerView,
  type FeatureContext,
} from './features.ts';
import type { ItemScorer } from './scorer.ts';
import type { CustomerHistory } from './snapshot.ts';

export class HeuristicScorer implements ItemScorer {
  readonly view: CustomerView;
  private logits: Float32Array;

  constructor(readonly context: FeatureContext) {
    const nItems = context.snapshot.log.items.length;
    this.view = createCustomerView(nItems);
    this.logits = new Float32Array(nItems);
  }

  setCustomer(history: CustomerHistory | undefined): void {
    loadCustomerView(this.context, this.view, history);
  }

  scoreItems(items: ArrayLike<number>): Float32Array {
    if (items.length > this.logits.length)
      this.logits = new Float32Array(items.length);
    const { view } = this;
    const { itemStats, cutoffDay } = this.context.snapshot;
    for (let r = 0; r < items.length; r++) {
      const item = items[r];
      const popularity = 0.3 * Math.log1p(itemStats.nCustomersRecent[item]);
      const own = view.ownIndex[item];
      if (view.history && own >= 0) {
        const history = view.history;
        const since = cutoffDay - history.lastDays[own];
        const cycle = history.cycles[own];
        const dueness = Number.isNaN(cycle)
          ? 0
          : Math.abs(Math.log((since + 1) / (cycle + 1)));
        this.logits[r] =
          1.5 * Math.log1p(history.counts[own]) - dueness - 1 + popularity;
      } else {
        this.logits[r] = 4 * view.coMax[item] + popularity - 4;
      }
    }
    return this.logits.subarray(0, items.length);
  }
}
