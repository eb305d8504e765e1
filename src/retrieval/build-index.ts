/**
 * Builds the catalogue index: embeds each product's expanded title and adds it
 * to hnswlib. `buildIndexInWorker` runs it in a worker thread, because both
 * steps block the event loop for tens of seconds.
 */
import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { ShopmateError } from '../errors.ts';
import { openIngestedDatabase } from '../store/index.ts';
import {
  buildHnsw,
  catalogueHash,
  indexFolder,
  loadCatalogueIndex,
  saveCatalogueIndex,
  type IndexMeta,
} from './catalogue-index.ts';
import { createEmbedder } from './embedders/index.ts';
import { readCatalogue } from './products.ts';

const BATCH = 64;

export async function buildIndex(
  config: Config,
  onProgress: (text: string) => void = () => {},
): Promise<IndexMeta> {
  const started = Date.now();
  const db = openIngestedDatabase(config.databasePath);
  const products = readCatalogue(db);
  db.close();

  const embedder = await createEmbedder(config);
  const vectors = new Float32Array(products.length * embedder.dimension);
  for (let start = 0; start < products.length; start += BATCH) {
    const batch = products.slice(start, start + BATCH);
    const embedded = await embedder.embed(
      batch.map((p) => p.searchText || p.title),
    );
    embedded.forEach((vector, i) =>
      vectors.set(vector, (start + i) * embedder.dimension),
    );
    if ((start / BATCH) % 10 === 0 || start + BATCH >= products.length)
      onProgress(
        `  embedded ${Math.min(start + BATCH, products.length)}/${products.length} products`,
      );
  }

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
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
      workerData: {
        entry: new URL('./build-index-worker.ts', import.meta.url).href,
      },
    });
    worker.on(
      'message',
      (message: { progress?: string; done?: IndexMeta; error?: string }) => {
        if (message.progress) onProgress(message.progress);
        if (message.done) resolve(message.done);
        if (message.error)
          reject(
            new ShopmateError(
              'INTERNAL',
              `Index build failed: ${message.error}`,
            ),
          );
      },
    );
    worker.on('error', (error) =>
      reject(
        new ShopmateError('INTERNAL', 'Index build worker crashed', {
          cause: error,
        }),
      ),
    );
    worker.on('exit', (code) => {
      if (code !== 0)
        reject(
          new ShopmateError(
            'INTERNAL',
            `Index build worker exited with ${code}`,
          ),
        );
    });
  });
}
