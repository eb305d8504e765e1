/** `shopmate eval` section "category": product categories from titles. */
import { categoryEvalReport } from '../../retrieval/index.ts';
import type { Section } from '../sections.ts';

export const categorySection: Section = {
  key: 'category',
  title: 'Product categories from titles (150 hand-labelled)',
  async run(context) {
    let titles: string[] | undefined;
    try {
      titles = context
        .db()
        .prepare('SELECT title FROM products')
        .pluck()
        .all() as string[];
    } catch {
      // The rules need no store; only the fallback is trained on it.
      context.progress('   no ingested store: fallback classifier skipped');
    }
    return categoryEvalReport(titles);
  },
};
