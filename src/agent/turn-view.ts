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

/** One product request's results: its search, its filters, its cards. */
export interface SearchGroup {
  search: SearchCatalogueResult;
  /** The filters every card of this group satisfies. */
  filters: ActiveFilters;
  cards: ProductCard[];
}

export interface TurnView {
  /**
   * The last search's filters (recommendation cards satisfy them too); the
   * next turn's filters.
   */
  filters: ActiveFilters;
  /** The last search of the turn, if there was one. */
  search?: SearchCatalogueResult;
  /** One group per search of the turn (at most MAX_SEARCH_GROUPS), in order. */
  searchGroups: SearchGroup[];
  /** Every group's cards, in order. */
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

/**
 * Searches shown as groups: one per product request of the message. A model
 * that searched more often (retries, narrowing) shows only its last ones.
 */
export const MAX_SEARCH_GROUPS = 2;

/** Builds the turn's cards from its findings, enforcing the active filters. */
export function buildTurnView(
  findings: TurnFindings,
  state: ConversationState,
): TurnView {
  const searches = findings.searches.slice(-MAX_SEARCH_GROUPS);
  const search = searches.at(-1);
  const hasRecommendations = findings.recommendations.length > 0;
  const filters = search
    ? filtersOfSearch(search.query)
    : hasRecommendations
      ? NO_FILTERS
      : state.filters;

  let dropped = 0;
  const used = new Set<string>();
  // Each card is checked against the filters of the request it answers.
  // A page at most; a card is used up only once shown, so a hit past the
  // first group's page can still appear in the second group.
  const page = (candidates: ProductCard[], groupFilters: ActiveFilters) => {
    const kept: ProductCard[] = [];
    for (const card of candidates) {
      if (kept.length === PAGE_SIZE) break;
      if (used.has(card.stockCode)) continue;
      if (!matchesFilters(card, groupFilters)) {
        dropped++;
        continue;
      }
      used.add(card.stockCode);
      kept.push(card);
    }
    return kept;
  };

  const searchGroups: SearchGroup[] = searches.map((found) => {
    const groupFilters = filtersOfSearch(found.query);
    return {
      search: found,
      filters: groupFilters,
      cards: page(rankedHits(findings, found.hits).map(hitCard), groupFilters),
    };
  });
  const searchCards = searchGroups.flatMap((group) => group.cards);
  const recommendationCards = page(
    findings.recommendations.flatMap((list) =>
      list.results.map(recommendationCard),
    ),
    filters,
  );

  const invoices = new Set<string>();
  const orderCards = findings.orders
    .filter(
      (order) => !invoices.has(order.invoice) && invoices.add(order.invoice),
    )
    .map(orderCard);

  return {
    filters,
    search,
    searchGroups,
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
  // With two product requests in one message, the state follows the LAST
  // group only: its filters are view.filters, and "the second one" or
  // "cheaper" next turn refer to its cards, not the earlier group's.
  const lastGroup = view.searchGroups.at(-1);
  const cards = [
    ...(lastGroup ? lastGroup.cards : view.searchCards),
    ...view.recommendationCards,
  ];
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
