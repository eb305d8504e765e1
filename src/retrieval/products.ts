import { z } from 'zod';
import type { Db } from '../store/index.ts';

const jsonList = z
  .string()
  .transform((text) => z.array(z.string()).parse(JSON.parse(text)));

export const CatalogueProductSchema = z.object({
  stockCode: z.string(),
  title: z.string(),
  price: z.number(),
  category: z.string(),
  colours: jsonList,
  themes: jsonList,
  searchText: z.string(),
  orders: z.number(),
  lastSold: z.string().nullable(),
});

export type CatalogueProduct = z.infer<typeof CatalogueProductSchema>;

/** The catalogue in a fixed order (by stock code): index i is hnsw label i. */
export function readCatalogue(db: Db): CatalogueProduct[] {
  const rows = db
    .prepare(
      `SELECT stock_code AS stockCode, title, price, category, colours, themes,
              search_text AS searchText, n_orders AS orders, last_sold AS lastSold
       FROM products ORDER BY stock_code`,
    )
    .all();
  return rows.map((row) => CatalogueProductSchema.parse(row));
}
