import type { Db } from '../store/index.ts';
import type { ProductAttributes } from './load-store.ts';

interface ProductRow {
  stockCode: string;
  title: string;
  category: string;
  colours: string;
  themes: string;
  searchText: string;
}

/**
 * Re-derives every product's attributes from its title and updates the rows
 * that changed, so improved attribute rules reach the store (and, through the
 * catalogue hash, the search index) without a full ingest.
 */
export function refreshAttributes(
  db: Db,
  derive: (titles: readonly string[]) => ProductAttributes[],
): number {
  const rows = db
    .prepare(
      'SELECT stock_code AS stockCode, title, category, colours, themes, search_text AS searchText FROM products',
    )
    .all() as ProductRow[];
  const update = db.prepare(
    'UPDATE products SET category = ?, colours = ?, themes = ?, search_text = ? WHERE stock_code = ?',
  );
  const derived = derive(rows.map((row) => row.title));
  let changed = 0;
  db.transaction(() => {
    rows.forEach((row, i) => {
      const next = derived[i];
      const colours = JSON.stringify(next.colours);
      const themes = JSON.stringify(next.themes);
      if (
        next.category === row.category &&
        colours === row.colours &&
        themes === row.themes &&
        next.searchText === row.searchText
      )
        return;
      update.run(
        next.category,
        colours,
        themes,
        next.searchText,
        row.stockCode,
      );
      changed++;
    });
  })();
  return changed;
}
