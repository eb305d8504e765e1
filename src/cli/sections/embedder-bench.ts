import { benchEmbedder, readCatalogue } from '../../retrieval/index.ts';
import type { Section } from '../sections.ts';

export const embedderBenchSection: Section = {
  key: 'embedder',
  title: 'Sentence embedder: ms per text in batches and per query',
  run: ({ config, db, progress }) =>
    benchEmbedder(
      config,
      readCatalogue(db()).map((product) => product.title),
      progress,
    ),
};
