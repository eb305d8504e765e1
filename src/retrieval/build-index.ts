/**
 * Builds the catalogue index: embeds each product's expanded title and adds it
 * to hnswlib. `buildIndexInWorker` runs it in a worker thread, because both
 * steps block the event loop for tens of seconds.
 */
import os from 'node:os';
import type { Config } from '../config.ts';
import { openIngestedDatabase } from '../store/index.ts';
import {
  buildHnsw,
  catalogueHash,
  indexFolder,
  loadCatalogueIndex,
  saveCatalogueIndex,
  type IndexMeta,
} from './catalogue-index.ts';
import { createEmbedder, type Embedder } from './embedders/index.ts';
import { readCatalogue } from './products.ts';
import { runTsWorker } from './ts-worker.ts';

const BATCH = 64;
/** Below this many products a second worker costs more than it saves. */
const PARALLEL_FROM = 1000;

/** Embeds texts in batches into one flat array, row i for text i. */
export async function embedTexts(
  embedder: Embedder,
  texts: string[],
  onBatch: (done: number) => void = () => {},
): Promise<Float32Array> {
  const vectors = new Float32Array(texts.length * embedder.dimension);
  for (let start = 0; start < texts.length; start += BATCH) {
    const embedded = await embedder.embed(texts.slice(start, start + BATCH));
    embedded.forEach((vector, i) =>
      vectors.set(vector, (start + i) * embedder.dimension),
    );
    onBatch(Math.min(start + BATCH, texts.length));
  }
  return vectors;
}

/**
 * Embeds the catalogue, the second half in another worker thread when the
 * machine has a spare core (USE lite runs on one core).
 */
async function embedCatalogue(
  embedder: Embedder,
  texts: string[],
  onProgress: (text: string) => void,
): Promise<Float32Array> {
  const split =
    texts.length >= PARALLEL_FROM && os.availableParallelism() >= 2
      ? Math.ceil(texts.length / 2)
      : texts.length;
  const counts = [0, 0];
  let reported = 0;
  const report = (part: number, done: number) => {
    counts[part] = done;
    const total = counts[0] + counts[1];
    if (total - reported >= 640 || total === texts.length) {
      reported = total;
      onProgress(`  embedded ${total}/${texts.length} products`);
    }
  };
  const [first, second] = await Promise.all([
    embedTexts(embedder, texts.slice(0, split), (done) => report(0, done)),
    split < texts.length
      ? runTsWorker<{ vectors: Float32Array; embedderId: string }>(
          new URL('./embed-worker.ts', import.meta.url),
          { texts: texts.slice(split) },
          (done) => report(1, Number(done)),
        )
      : undefined,
  ]);
  if (!second) return first;
  if (second.embedderId !== embedder.id)
    throw new Error(
      `The embed worker used ${second.embedderId}, not ${embedder.id}`,
    );
  const vectors = new Float32Array(first.length + second.vectors.length);
  vectors.set(first);
  vectors.set(second.vectors, first.length);
  return vectors;
}

export async function buildIndex(
  config: Config,
  onProgress: (text: string) => void = () => {},
): Promise<IndexMeta> {
  const started = Date.now();
  const db = openIngestedDatabase(config.databasePath);
  const products = readCatalogue(db);
  db.close();

  const embedder = await createEmbedder(config);
  const vectors = await embedCatalogue(
    embedder,
    products.map((p) => p.searchText || p.title),
    onProgress,
  );

  onProgress('  building the hnsw index …');
  const hnsw = buildHnsw(vectors, embedder.dimension);
  const meta: IndexMeta = {
    embedderId: embedder.id,
    dimension: embedder.dimension,
    count: products.length,
    catalogueHash: catalogueHash(products),
    builtAt: new Date().toISOString(),
    buildSeconds: Math.round((Date.now() - started) / 100) / 10,
  };
  saveCatalogueIndex(indexFolder(config), { meta, hnsw, vectors });
  return meta;
}

/** True when the saved index matches the store's catalogue and the embedder. */
export function isIndexFresh(config: Config, embedderId?: string): boolean {
  const saved = loadCatalogueIndex(indexFolder(config));
  if (!saved) return false;
  const db = openIngestedDatabase(config.databasePath);
  try {
    const hash = catalogueHash(readCatalogue(db));
    return (
      saved.meta.catalogueHash === hash &&
      (embedderId === undefined || saved.meta.embedderId === embedderId)
    );
  } finally {
    db.close();
  }
}

export function buildIndexInWorker(
  config: Config,
  onProgress: (text: string) => void = () => {},
): Promise<IndexMeta> {
  return runTsWorker<IndexMeta>(
    new URL('./build-index-worker.ts', import.meta.url),
    {},
    onProgress,
  );
}
