/**
 * Everything the catalogue knows about a product beyond its title, derived
 * from the title alone: category, colours, themes and the plain-English
 * search text. Pure and synchronous, so ingest can run it on every product.
 */
import { z } from 'zod';
import { categoriseTitle } from './categorise.ts';
import { COLOURS, extractColours } from './colours.ts';
import { expandTitle } from './jargon.ts';
import { CategoryIdSchema } from './taxonomy.ts';
import { extractThemes } from './themes.ts';

export const AttributesSchema = z.object({
  category: CategoryIdSchema,
  /** Canonical colours the title names (never guessed from a range). */
  colours: z.array(z.enum(COLOURS)),
  /** Plain-English pattern, motif and range names ("polka dot"). */
  themes: z.array(z.string()),
  /** Lower-case expanded title: the product's lexical and embedded text. */
  searchText: z.string(),
});

export type Attributes = z.infer<typeof AttributesSchema>;

/**
 * Attributes of one product from its title, by the keyword rules; a title
 * no rule recognises gets category 'other' (deriveCatalogueAttributes can
 * place those with a model trained on the rest of the catalogue).
 */
export function deriveAttributes(title: string): Attributes {
  const text = typeof title === 'string' ? title : '';
  return {
    category: categoriseTitle(text).category,
    colours: extractColours(text),
    themes: extractThemes(text),
    searchText: expandTitle(text),
  };
}
