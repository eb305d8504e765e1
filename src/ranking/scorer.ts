/**
 * Scores catalogue items for one customer with a trained network: features,
 * normalisation, forward pass. Buffers are reused across calls, so a scorer
 * serves one call at a time (JavaScript runs one at a time anyway).
 */
import {
  N_FEATURES,
  createCustomerView,
  loadCustomerView,
  writeFeatures,
  type CustomerView,
  type FeatureContext,
} from './features.ts';
import {
  applyNormaliser,
  forwardLogits,
  type DenseLayer,
  type Normaliser,
} from './mlp.ts';
import type { CustomerHistory } from './snapshot.ts';

/** What the saved model holds and serving needs. */
export interface RankerNetwork {
  layers: DenseLayer[];
  normaliser: Normaliser;
}

/** Scores items for one customer at a time; the recommender's engine. */
export interface ItemScorer {
  readonly context: FeatureContext;
  readonly view: CustomerView;
  setCustomer(history: CustomerHistory | undefined): void;
  /** Log-odds per item, in a buffer the next call overwrites. */
  scoreItems(items: ArrayLike<number>): Float32Array;
}

export class CatalogueScorer implements ItemScorer {
  readonly view: CustomerView;
  private features: Float32Array;
  private logits: Float32Array;

  constructor(
    readonly context: FeatureContext,
    private readonly network: RankerNetwork,
  ) {
    const nItems = context.snapshot.log.items.length;
    this.view = createCustomerView(nItems);
    this.features = new Float32Array(nItems * N_FEATURES);
    this.logits = new Float32Array(nItems);
  }

  /** Loads the customer into the view (their co-purchase signals etc.). */
  setCustomer(history: CustomerHistory | undefined): void {
    loadCustomerView(this.context, this.view, history);
  }

  /**
   * Log-odds that the current customer buys each item in the coming window,
   * returned in a buffer that the next call overwrites.
   */
  scoreItems(items: ArrayLike<number>): Float32Array {
    if (items.length > this.logits.length) {
      this.features = new Float32Array(items.length * N_FEATURES);
      this.logits = new Float32Array(items.length);
    }
    writeFeatures(this.context, this.view, items, this.features);
    applyNormaliser(this.network.normaliser, this.features, items.length);
    forwardLogits(
      this.network.layers,
      this.features,
      items.length,
      this.logits,
    );
    return this.logits.subarray(0, items.length);
  }
}
