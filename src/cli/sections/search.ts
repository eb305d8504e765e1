import { evaluateSearch, loadCatalogueSearch } from '../../retrieval/index.ts';
import type { Section } from '../sections.ts';

export const searchSection: Section = {
  key: 'search',
  title: 'Search relevance (hand-judged shopper queries)',
  async run({ config, db }) {
    const search = await loadCatalogueSearch(db(), config);
    return evaluateSearch(search);
  },
};
