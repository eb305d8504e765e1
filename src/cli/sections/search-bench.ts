import { benchSearch } from '../../retrieval/index.ts';
import type { Section } from '../sections.ts';

export const searchBenchSection: Section = {
  key: 'search',
  title: 'Catalogue search: hnswlib vs exact scan',
  run: ({ config, progress }) => benchSearch(config.stateDir, progress),
};
