import { tool } from 'langchain';
import { z } from 'zod';
import { TOOL_DESCRIPTIONS } from '../prompts/index.ts';
import { matchesFilters, ProductFiltersSchema } from './product-filters.ts';
import { CatalogueHitSchema, type ShopServices } from './services.ts';

export const SearchCatalogueInputSchema = z.object({
  text: z.string().min(1).max(500),
  minPrice: z.number().nonnegative().optional(),
  maxPrice: z.number().nonnegative().optional(),
  categories: z.array(z.string()).max(20).optional(),
  colours: z.array(z.string()).max(20).optional(),
  excludeColours: z.array(z.string()).max(20).optional(),
  excludeStockCodes: z.array(z.string()).max(500).optional(),
  k: z.number().int().min(1).max(50).default(8),
});

export const SearchCatalogueResultSchema = z.object({
  ok: z.literal(true),
  query: SearchCatalogueInputSchema,
  hits: z.array(CatalogueHitSchema),
});

export type SearchCatalogueInput = z.infer<typeof SearchCatalogueInputSchema>;
export type SearchCatalogueResult = z.infer<typeof SearchCatalogueResultSchema>;

/** The card filters a search query asks for. */
export function filtersOfQuery(query: SearchCatalogueInput) {
  return ProductFiltersSchema.parse({
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    colours: query.colours ?? [],
    excludeColours: query.excludeColours ?? [],
    categories: query.categories ?? [],
  });
}

/** `search_catalogue`: filtered semantic search over the catalogue. */
export function createSearchCatalogueTool(services: ShopServices) {
  return tool(
    async (query): Promise<SearchCatalogueResult> => {
      const hits = await services.searchCatalogue(query);
      // The index promises the filters; a hit breaking one is dropped anyway.
      const filters = filtersOfQuery(query);
      const excluded = new Set(query.excludeStockCodes ?? []);
      return {
        ok: true,
        query,
        hits: hits.filter(
          (hit) => !excluded.has(hit.stockCode) && matchesFilters(hit, filters),
        ),
      };
    },
    {
      name: 'search_catalogue',
      description: TOOL_DESCRIPTIONS.search_catalogue,
      schema: SearchCatalogueInputSchema,
    },
  );
}
