/**
 * Turns one clause of a shopper's message, read against the conversation's
 * state, into the catalogue search to run: a new search, or the last one
 * refined ("cheaper", "in blue", "not red", "show more", "more like the
 * second one"). Pure; the offline model plans with it and the agent checks
 * a configured model's searches against it.
 */
import {
  stripColourWords,
  type MessagePart,
  type SearchCatalogueInput,
} from '../tools/index.ts';
import type {
  ActiveFilters,
  ConversationState,
  ShownProduct,
} from './conversation-state.ts';

export const PAGE_SIZE = 5;
/** Candidates fetched for a signed-in shopper, for the ranker to order. */
export const RERANK_POOL = 20;

export type SearchKind = 'new' | 'refine' | 'more' | 'similar';

export interface SearchPlan {
  kind: SearchKind;
  query: SearchCatalogueInput;
  /** Which refinements applied, for the reply's wording. */
  changes: RefinementChange[];
  /** The product "more like" refers to. */
  anchor?: ShownProduct;
}

export type RefinementChange =
  | 'cheaper'
  | 'pricier'
  | 'colour'
  | 'exclude_colour'
  | 'price'
  | 'category'
  | 'more'
  | 'similar';

/** Why a refinement could not be applied, for the reply. */
export type RefinementProblem =
  'nothing_shown' | 'no_such_item' | 'no_search_yet';

const roundDown = (value: number) => Math.floor(value * 100) / 100;
const roundUp = (value: number) => Math.ceil(value * 100) / 100;

function pickShown(
  shown: ShownProduct[],
  ordinals: number[],
): ShownProduct | undefined {
  if (shown.length === 0) return undefined;
  const ordinal = ordinals[0] ?? 1;
  return ordinal === -1 ? shown.at(-1) : shown[ordinal - 1];
}

/** The search text: what is wanted, in the colours wanted. */
function searchText(base: string, filters: ActiveFilters): string {
  return [...filters.colours, stripColourWords(base)].filter(Boolean).join(' ');
}

function queryOf(
  filters: ActiveFilters,
  text: string,
  k: number,
  excludeStockCodes: string[],
): SearchCatalogueInput {
  return {
    // The tool takes at most 500 characters; a longer message is cut, not refused.
    text: (searchText(text, filters) || text).slice(0, 500),
    minPrice: filters.minPrice,
    maxPrice: filters.maxPrice,
    colours: filters.colours.length ? filters.colours : undefined,
    excludeColours: filters.excludeColours.length
      ? filters.excludeColours
      : undefined,
    categories: filters.categories.length ? filters.categories : undefined,
    excludeStockCodes: excludeStockCodes.length ? excludeStockCodes : undefined,
    k,
  };
}

/** Applies the clause's filter changes to the active filters. */
function refineFilters(
  filters: ActiveFilters,
  part: MessagePart,
  shown: ShownProduct[],
  ignorePrices: boolean,
): { filters: ActiveFilters; changes: RefinementChange[] } {
  const { entities } = part;
  const next: ActiveFilters = { ...filters };
  const changes: RefinementChange[] = [];
  const refinements = new Set(entities.refinements);
  const prices = shown.map((product) => product.price);

  if (refinements.has('cheaper') && prices.length > 0) {
    next.maxPrice = roundDown(Math.min(...prices) - 0.01);
    if (next.minPrice !== undefined && next.minPrice > next.maxPrice)
      next.minPrice = undefined;
    changes.push('cheaper');
  }
  if (part.cues.pricier && prices.length > 0) {
    next.minPrice = roundUp(Math.max(...prices) + 0.01);
    if (next.maxPrice !== undefined && next.maxPrice < next.minPrice)
      next.maxPrice = undefined;
    changes.push('pricier');
  }
  if (!ignorePrices && entities.priceMax !== undefined) {
    next.maxPrice = entities.priceMax;
    changes.push('price');
  }
  if (!ignorePrices && entities.priceMin !== undefined) {
    next.minPrice = entities.priceMin;
    changes.push('price');
  }
  if (
    (part.cues.otherColour || refinements.has('other_colour')) &&
    entities.colours.length === 0
  ) {
    next.excludeColours = [
      ...new Set([...next.excludeColours, ...next.colours]),
    ];
    next.colours = [];
    changes.push('exclude_colour');
  }
  if (part.cues.anyColour && entities.colours.length === 0) {
    next.colours = [];
    changes.push('colour');
  }
  if (entities.colours.length > 0) {
    next.colours = [...entities.colours];
    next.excludeColours = next.excludeColours.filter(
      (colour) => !entities.colours.includes(colour),
    );
    changes.push('colour');
  }
  if (entities.excludeColours.length > 0) {
    next.excludeColours = [
      ...new Set([...next.excludeColours, ...entities.excludeColours]),
    ];
    next.colours = next.colours.filter(
      (colour) => !entities.excludeColours.includes(colour),
    );
    changes.push('exclude_colour');
  }
  if (entities.categories.length > 0) {
    next.categories = [...entities.categories];
    changes.push('category');
  }
  return { filters: next, changes };
}

/** True when the clause names something to look for, not only a change. */
export function namesProduct(part: MessagePart): boolean {
  return part.cues.productText.length > 0;
}

/** True when the clause only changes the last search. */
export function isRefinement(part: MessagePart): boolean {
  const { entities, cues } = part;
  if (namesProduct(part)) return false;
  return (
    cues.cheaper ||
    cues.pricier ||
    cues.showMore ||
    cues.moreLike ||
    cues.anyColour ||
    cues.otherColour ||
    entities.refinements.length > 0 ||
    entities.colours.length > 0 ||
    entities.excludeColours.length > 0 ||
    entities.priceMax !== undefined ||
    entities.priceMin !== undefined
  );
}

/**
 * The search a clause asks for, given the state; a problem when it refers to
 * results that do not exist yet.
 */
export function resolveSearch(
  state: ConversationState,
  part: MessagePart,
  options: { signedIn: boolean },
): SearchPlan | RefinementProblem {
  const k = options.signedIn ? RERANK_POOL : PAGE_SIZE * 2;
  const { cues, entities } = part;
  const ignorePrices = cues.manipulation;
  const hasSearch = Boolean(state.filters.text);

  if (cues.moreLike && !namesProduct(part)) {
    const anchor = pickShown(state.shown, entities.ordinals);
    if (!anchor)
      return state.shown.length === 0 ? 'nothing_shown' : 'no_such_item';
    const refined = refineFilters(
      state.filters,
      part,
      state.shown,
      ignorePrices,
    );
    return {
      kind: 'similar',
      // Everything on screen (the anchor included) is left out of the results.
      query: {
        ...queryOf(
          refined.filters,
          '',
          k,
          state.shown.map((product) => product.stockCode),
        ),
        text: anchor.title.toLowerCase(),
      },
      changes: ['similar', ...refined.changes],
      anchor,
    };
  }

  if (isRefinement(part)) {
    if (!hasSearch) return 'no_search_yet';
    const text = state.filters.text ?? '';
    if (cues.showMore) {
      const refined = refineFilters(
        state.filters,
        part,
        state.shown,
        ignorePrices,
      );
      return {
        kind: 'more',
        query: queryOf(refined.filters, text, k, state.seen),
        changes: ['more', ...refined.changes],
      };
    }
    const refined = refineFilters(
      state.filters,
      part,
      state.shown,
      ignorePrices,
    );
    return {
      kind: 'refine',
      query: queryOf(refined.filters, text, k, []),
      changes: refined.changes,
    };
  }

  const fresh: ActiveFilters = {
    colours: [],
    excludeColours: [],
    categories: [],
  };
  const refined = refineFilters(fresh, part, [], ignorePrices);
  const text =
    [...refined.filters.colours, cues.productText]
      .filter(Boolean)
      .join(' ')
      .trim() ||
    refined.filters.categories.join(' ') ||
    'gift';
  return {
    kind: 'new',
    query: queryOf(refined.filters, text, k, []),
    changes: refined.changes.filter((change) => change !== 'cheaper'),
  };
}

/** The active filters a search query stands for. */
export function filtersOfSearch(query: SearchCatalogueInput): ActiveFilters {
  return {
    text: query.text,
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    colours: query.colours ?? [],
    excludeColours: query.excludeColours ?? [],
    categories: query.categories ?? [],
  };
}
