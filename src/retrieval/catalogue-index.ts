/**
 * The ANN index of the catalogue: product vectors in an hnswlib index, built
 * off the event loop at ingest, saved under STATE_DIR and loaded at start.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { CatalogueProduct } from './products.ts';

const IndexMetaSchema = z.object({
  embedderId: z.string(),
  dimension: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  catalogueHash: z.string(),
  builtAt: z.string(),
  buildSeconds: z.number(),
});

export type IndexMeta = z.infer<typeof IndexMetaSchema>;

export interface CatalogueIndex {
  meta: IndexMeta;
  hnsw: hnswlib.HierarchicalNSW;
  /** Row i is the unit vector of product i. */
  vectors: Float32Array;
}

export function indexFolder(config: Pick<Config, 'stateDir'>): string {
  return path.join(config.stateDir, 'search');
}

/** Changes whenever a product is added, removed or its searchable text changes. */
export function catalogueHash(products: CatalogueProduct[]): string {
  const hash = createHash('sha256');
  for (const p of products)
    hash.update(`${p.stockCode}\u0001${p.searchText}\n`);
  return hash.digest('hex').slice(0, 16);
}

export const HNSW_PARAMS = { m: 16, efConstruction: 200, efSearch: 128 };

export function buildHnsw(
  vectors: Float32Array,
  dimension: number,
  params = HNSW_PARAMS,
): hnswlib.HierarchicalNSW {
  const count = vectors.length / dimension;
  const hnsw = new hnswlib.HierarchicalNSW('cosine', dimension);
  hnsw.initIndex(Math.max(count, 1), params.m, params.efConstruction, 42);
  for (let i = 0; i < count; i++)
    hnsw.addPoint(
      Array.from(vectors.subarray(i * dimension, (i + 1) * dimension)),
      i,
    );
  hnsw.setEf(params.efSearch);
  return hnsw;
}

export function saveCatalogueIndex(
  folder: string,
  index: CatalogueIndex,
): void {
  fs.mkdirSync(folder, { recursive: true });
  index.hnsw.writeIndexSync(path.join(folder, 'catalogue.hnsw'));
  fs.writeFileSync(
    path.join(folder, 'vectors.f32'),
    Buffer.from(
      index.vectors.buffer,
      index.vectors.byteOffset,
      index.vectors.byteLength,
    ),
  );
  // The meta file is written last: its presence marks a complete index.
  fs.writeFileSync(
    path.join(folder, 'meta.json'),
    JSON.stringify(index.meta, null, 2),
  );
}

/** Loads a saved index, or undefined when there is none or it is incomplete. */
export function loadCatalogueIndex(folder: string): CatalogueIndex | undefined {
  const metaFile = path.join(folder, 'meta.json');
  if (!fs.existsSync(metaFile)) return undefined;
  const meta = IndexMetaSchema.safeParse(
    JSON.parse(fs.readFileSync(metaFile, 'utf8')),
  );
  if (!meta.success) return undefined;
  const buffer = fs.readFileSync(path.join(folder, 'vectors.f32'));
  const vectors = new Float32Array(
    buffer.buffer,
    buffer.byteOffset,
    buffer.byteLength / 4,
  );
  if (vectors.length !== meta.data.count * meta.data.dimension)
    return undefined;
  const hnsw = new hnswlib.HierarchicalNSW('cosine', meta.data.dimension);
  if (meta.data.count > 0) {
    hnsw.readIndexSync(path.join(folder, 'catalogue.hnsw'));
    hnsw.setEf(HNSW_PARAMS.efSearch);
  } else hnsw.initIndex(1);
  return { meta: meta.data, hnsw, vectors };
}
