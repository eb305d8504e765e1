import type { Config } from '../config.ts';
import { ShopmateError } from '../errors.ts';
import { getReferenceDate, type Db } from '../store/index.ts';
import { expandQuery } from './attributes/index.ts';
import {
  catalogueHash,
  indexFolder,
  loadCatalogueIndex,
} from './catalogue-index.ts';
import { createEmbedder, type Embedder } from './embedders/index.ts';
import { readCatalogue } from './products.ts';
import { CatalogueSearch } from './search-catalogue.ts';

/** Loads the saved index and the catalogue into a ready search service. */
export async function loadCatalogueSearch(
  db: Db,
  config: Config,
  options: { embedder?: Embedder } = {},
): Promise<CatalogueSearch> {
  const products = readCatalogue(db);
  const index = loadCatalogueIndex(indexFolder(config));
  if (!index || index.meta.catalogueHash !== catalogueHash(products))
    throw new ShopmateError(
      'STORE_MISSING',
      `The catalogue index in ${indexFolder(config)} is missing or out of date; run \`npx shopmate ingest\`.`,
    );
  const embedder = options.embedder ?? (await createEmbedder(config));
  if (embedder.id !== index.meta.embedderId)
    throw new ShopmateError(
      'STORE_MISSING',
      `The catalogue index was built with ${index.meta.embedderId}, but EMBEDDER gives ${embedder.id}; run \`npx shopmate ingest\`.`,
    );
  return new CatalogueSearch({
    products,
    index,
    embedder,
    referenceDate: getReferenceDate(db, config),
    expandQuery,
  });
}
