/**
 * The filters a product card must satisfy, and the check itself. Search
 * applies them inside the index; the agent checks every card again.
 */
import { z } from 'zod';

export const ProductFiltersSchema = z.object({
  minPrice: z.number().nonnegative().optional(),
  maxPrice: z.number().nonnegative().optional(),
  colours: z.array(z.string()).default([]),
  excludeColours: z.array(z.string()).default([]),
  categories: z.array(z.string()).default([]),
});

export type ProductFilters = z.infer<typeof ProductFiltersSchema>;

export interface FilterableProduct {
  title: string;
  price: number;
  category?: string;
  colours?: string[];
}

function hasColour(product: FilterableProduct, colour: string): boolean {
  const wanted = colour.toLowerCase();
  if (product.colours?.some((c) => c.toLowerCase() === wanted)) return true;
  return new RegExp(`\\b${wanted}\\b`, 'i').test(product.title);
}

/** True when the product satisfies every filter. */
export function matchesFilters(
  product: FilterableProduct,
  filters: ProductFilters,
): boolean {
  if (filters.minPrice !== undefined && product.price < filters.minPrice)
    return false;
  if (filters.maxPrice !== undefined && product.price > filters.maxPrice)
    return false;
  if (
    filters.categories.length > 0 &&
    !filters.categories.some(
      (category) => category.toLowerCase() === product.category?.toLowerCase(),
    )
  )
    return false;
  if (
    filters.colours.length > 0 &&
    !filters.colours.some((colour) => hasColour(product, colour))
  )
    return false;
  return !filters.excludeColours.some((colour) => hasColour(product, colour));
}
