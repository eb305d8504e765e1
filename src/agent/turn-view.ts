/**
 * The cards a turn shows, built only from its tool results and checked
 * against the conversation's active filters, and the state they leave.
 */
import {
  matchesFilters,
  type CatalogueHit,
  type OrderDetail,
  type Recommendation,
  type SearchCatalogueResult,
} from '../tools/index.ts';
import type {
  ActiveFilters,
  ConversationState,
  ShownProduct,
} from './conversation-state.ts';
import { filtersOfSearch, PAGE_SIZE } from './refinements.ts';
import type { OrderCard, ProductCard } from './turn.ts';
import type { TurnFindings } from './turn-findings.ts';

export interface TurnView {
  /** The filters every product card satisfies; the next turn's filters. */
  filters: ActiveFilters;
  /** The last search of the turn, if there was one. */
  search?: SearchCatalogueResult;
  searchCards: ProductCard[];
  recommendationCards: ProductCard[];
  orderCards: OrderCard[];
  /** Cards dropped because they broke an active filter (should be 0). */
  dropped: number;
}

const NO_FILTERS: ActiveFilters = {
  colours: [],
  excludeColours: [],
  categories: [],
};

function hitCard(hit: CatalogueHit): ProductCard {
  return {
    type: 'product',
    stockCode: hit.stockCode,
    title: hit.title,
    price: hit.price,
    category: hit.category,
    colours: hit.colours,
  };
}

function recommendationCard(item: Recommendation): ProductCard {
  return {
    type: 'product',
    stockCode: item.stockCode,
    title: item.title,
    price: item.price,
    category: item.category,
    colours: item.colours,
    reason: item.reason,
  };
}

export function orderCard(order: OrderDetail): OrderCard {
  return {
    type: 'order',
    invoice: order.invoice,
    date: order.date,
    status: order.status,
    total: order.total,
    lines: order.lines.map((line) => ({
      stockCode: line.stockCode,
      title: line.title,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
    })),
  };
}

/** Search hits in the ranker's order when it personalised them. */
function rankedHits(findings: TurnFindings, hits: CatalogueHit[]) {
  const scores = new Map(
    (findings.rerank?.scores ?? []).map((s) => [s.stockCode, s.score]),
  );
  if (scores.size === 0) return hits;
  const scored = hits.filter((hit) => scores.has(hit.stockCode));
  const unscored = hits.filter((hit) => !scores.has(hit.stockCode));
  scored.sort(
    (a, b) => (scores.get(b.stockCode) ?? 0) - (scores.get(a.stockCode) ?? 0),
  );
  return [...scored, ...unscored];
}

/** Builds the turn's cards from its findings, enforcing the active filters. */
export function buildTurnView(
  findings: TurnFindings,
  state: ConversationState,
): TurnView {
  const search = findings.searches.at(-1);
  const hasRecommendations = findings.recommendations.length > 0;
  const filters = search
    ? filtersOfSearch(search.query)
    : hasRecommendations
      ? NO_FILTERS
      : state.filters;

  let dropped = 0;
  const used = new Set<string>();
  const keep = (card: ProductCard) => {
    if (used.has(card.stockCode)) return false;
    if (!matchesFilters(card, filters)) {
      dropped++;
      return false;
    }
    used.add(card.stockCode);
    return true;
  };

  const searchCards = search
    ? rankedHits(findings, search.hits)
        .map(hitCard)
        .filter(keep)
        .slice(0, PAGE_SIZE)
    : [];
  const recommendationCards = findings.recommendations
    .flatMap((list) => list.results.map(recommendationCard))
    .filter(keep)
    .slice(0, PAGE_SIZE);

  const invoices = new Set<string>();
  const orderCards = findings.orders
    .filter(
      (order) => !invoices.has(order.invoice) && invoices.add(order.invoice),
    )
    .map(orderCard);

  return {
    filters,
    search,
    searchCards,
    recommendationCards,
    orderCards,
    dropped,
  };
}

/** The product cards of a view, in the order they are shown. */
export function productCards(view: TurnView): ProductCard[] {
  return [...view.searchCards, ...view.recommendationCards];
}

function shownOf(card: ProductCard): ShownProduct {
  return {
    stockCode: card.stockCode,
    title: card.title,
    price: card.price,
    category: card.category,
    colours: card.colours ?? [],
  };
}

function sameFilters(a: ActiveFilters, b: ActiveFilters): boolean {
  const sameList = (x: string[], y: string[]) =>
    x.length === y.length && x.every((value) => y.includes(value));
  return (
    a.text === b.text &&
    a.minPrice === b.minPrice &&
    a.maxPrice === b.maxPrice &&
    sameList(a.colours, b.colours) &&
    sameList(a.excludeColours, b.excludeColours) &&
    sameList(a.categories, b.categories)
  );
}

/** The state after a turn: its filters, what it showed, what it has seen. */
export function nextStateAfter(
  state: ConversationState,
  view: TurnView,
): Pick<ConversationState, 'filters' | 'shown' | 'seen'> {
  const cards = productCards(view);
  // A search that found nothing leaves the last good one to refine further.
  if (cards.length === 0)
    return view.search
      ? { filters: state.filters, shown: state.shown, seen: state.seen }
      : { filters: view.filters, shown: state.shown, seen: state.seen };
  const shown = cards.map(shownOf);
  const codes = shown.map((product) => product.stockCode);
  // "Show more" keeps paging through the same search; anything else restarts.
  const paging =
    view.search !== undefined &&
    sameFilters(filtersOfSearch(view.search.query), state.filters) &&
    (view.search.query.excludeStockCodes?.length ?? 0) > 0;
  return {
    filters: view.filters,
    shown: cards.length > 0 ? shown : state.shown,
    seen: paging ? [...new Set([...state.seen, ...codes])] : codes,
  };
}
