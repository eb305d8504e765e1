/**
 * Optional text features: product title embeddings reduced by PCA to a few
 * dimensions. Vectors come from the search index's saved catalogue vectors
 * when it is fresh, else from the ranker's own cache, else (when allowed, at
 * training time) from embedding the titles once. Without any, the ranker
 * trains and serves with the text feature at zero.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { moduleLogger } from '../logger.ts';
import { createEmbedder } from '../retrieval/embedders/index.ts';
import {
  indexFolder,
  isIndexFresh,
  loadCatalogueIndex,
} from '../retrieval/index.ts';
import type { TextVectors } from './features.ts';
import type { CatalogueItem } from './purchase-log.ts';
import { createRandom } from './seeded-random.ts';

const log = moduleLogger('ranking');

/** Full-size unit vectors, one row per catalogue item (stock-code order). */
export interface CatalogueVectors {
  source: string;
  dim: number;
  vectors: Float32Array;
}

/** x ↦ normalise((x - mean) · components), components inputDim × dim. */
export interface TextProjection {
  inputDim: number;
  dim: number;
  mean: Float32Array;
  components: Float32Array;
}

const CacheMetaSchema = z.object({
  key: z.string(),
  source: z.string(),
  dim: z.number().int().positive(),
});

function catalogueKey(items: readonly CatalogueItem[]): string {
  const hash = createHash('sha256');
  for (const item of items)
    hash.update(`${item.stockCode}\u0001${item.title}\n`);
  return hash.digest('hex').slice(0, 16);
}

function fromSearchIndex(
  config: Config,
  items: readonly CatalogueItem[],
): CatalogueVectors | undefined {
  try {
    if (!isIndexFresh(config)) return undefined;
    const index = loadCatalogueIndex(indexFolder(config));
    if (!index || index.meta.count !== items.length) return undefined;
    return {
      source: `search-index:${index.meta.embedderId}`,
      dim: index.meta.dimension,
      vectors: index.vectors,
    };
  } catch (error) {
    log.debug({ err: error }, 'search index vectors unavailable');
    return undefined;
  }
}

function cacheFiles(folder: string) {
  return {
    meta: path.join(folder, 'title-vectors.json'),
    data: path.join(folder, 'title-vectors.f32'),
  };
}

function fromCache(
  folder: string,
  items: readonly CatalogueItem[],
): CatalogueVectors | undefined {
  const files = cacheFiles(folder);
  if (!fs.existsSync(files.meta) || !fs.existsSync(files.data))
    return undefined;
  const meta = CacheMetaSchema.safeParse(
    JSON.parse(fs.readFileSync(files.meta, 'utf8')),
  );
  if (!meta.success || meta.data.key !== catalogueKey(items)) return undefined;
  const bytes = fs.readFileSync(files.data);
  const vectors = new Float32Array(new Uint8Array(bytes).buffer);
  if (vectors.length !== items.length * meta.data.dim) return undefined;
  return { source: meta.data.source, dim: meta.data.dim, vectors };
}

async function embedTitles(
  config: Config,
  folder: string,
  items: readonly CatalogueItem[],
  onProgress: (text: string) => void,
): Promise<CatalogueVectors> {
  const embedder = await createEmbedder(config);
  const vectors = new Float32Array(items.length * embedder.dimension);
  const batch = 64;
  for (let start = 0; start < items.length; start += batch) {
    const titles = items
      .slice(start, start + batch)
      .map((item) => item.title.trim() || item.stockCode);
    const embedded = await embedder.embed(titles);
    embedded.forEach((vector, i) =>
      vectors.set(vector, (start + i) * embedder.dimension),
    );
    if ((start / batch) % 20 === 0)
      onProgress(`  embedded ${start + titles.length}/${items.length} titles`);
  }
  const result = {
    source: `titles:${embedder.id}`,
    dim: embedder.dimension,
    vectors,
  };
  const files = cacheFiles(folder);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(files.data, new Uint8Array(vectors.buffer));
  fs.writeFileSync(
    files.meta,
    JSON.stringify({
      key: catalogueKey(items),
      source: result.source,
      dim: result.dim,
    }),
  );
  return result;
}

/** Saved catalogue vectors (search index or own cache), if any; no embedding. */
export function findCatalogueVectors(
  config: Config,
  folder: string,
  items: readonly CatalogueItem[],
): CatalogueVectors | undefined {
  return fromSearchIndex(config, items) ?? fromCache(folder, items);
}

/**
 * The catalogue's text vectors, embedding the titles once (tens of seconds)
 * when nothing is saved; undefined when no embedder works. Training only.
 */
export async function loadCatalogueVectors(
  config: Config,
  folder: string,
  items: readonly CatalogueItem[],
  onProgress: (text: string) => void = () => {},
): Promise<CatalogueVectors | undefined> {
  const found = findCatalogueVectors(config, folder, items);
  if (found) return found;
  try {
    return await embedTitles(config, folder, items, onProgress);
  } catch (error) {
    log.warn({ err: error }, 'could not embed titles; ranking without text');
    return undefined;
  }
}

/** Gram–Schmidt on the columns of a rows × cols matrix, in place. */
function orthonormalise(matrix: Float32Array, rows: number, cols: number) {
  const at = (r: number, c: number) => r * cols + c;
  for (let c = 0; c < cols; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let r = 0; r < rows; r++) dot += matrix[at(r, c)] * matrix[at(r, p)];
      for (let r = 0; r < rows; r++) matrix[at(r, c)] -= dot * matrix[at(r, p)];
    }
    let norm = 0;
    for (let r = 0; r < rows; r++) norm += matrix[at(r, c)] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < rows; r++) matrix[at(r, c)] /= norm;
  }
}

/** PCA by orthogonal iteration on the covariance; seeded, so repeatable. */
export function fitProjection(
  source: CatalogueVectors,
  dim: number,
  iterations = 30,
): TextProjection {
  const d = source.dim;
  const n = source.vectors.length / d;
  const mean = new Float32Array(d);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < d; c++) mean[c] += source.vectors[r * d + c] / n;

  const covariance = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < d; c++)
      centred[c] = source.vectors[r * d + c] - mean[c];
    for (let i = 0; i < d; i++) {
      const value = centred[i];
      for (let j = i; j < d; j++) covariance[i * d + j] += value * centred[j];
    }
  }
  for (let i = 0; i < d; i++)
    for (let j = 0; j < i; j++) covariance[i * d + j] = covariance[j * d + i];

  const random = createRandom(17);
  let basis = Float32Array.from({ length: d * dim }, () => random() - 0.5);
  orthonormalise(basis, d, dim);
  for (let step = 0; step < iterations; step++) {
    const next = new Float32Array(d * dim);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++) {
        const value = covariance[i * d + j];
        for (let k = 0; k < dim; k++)
          next[i * dim + k] += value * basis[j * dim + k];
      }
    orthonormalise(next, d, dim);
    basis = next;
  }
  return { inputDim: d, dim, mean, components: basis };
}

/** Projects and re-normalises every catalogue vector. */
export function projectVectors(
  source: CatalogueVectors,
  projection: TextProjection,
): TextVectors {
  const { inputDim, dim, mean, components } = projection;
  const n = source.vectors.length / inputDim;
  const vectors = new Float32Array(n * dim);
  for (let r = 0; r < n; r++) {
    const out = vectors.subarray(r * dim, (r + 1) * dim);
    for (let i = 0; i < inputDim; i++) {
      const value = source.vectors[r * inputDim + i] - mean[i];
      for (let k = 0; k < dim; k++) out[k] += value * components[i * dim + k];
    }
    const norm = Math.hypot(...out) || 1;
    for (let k = 0; k < dim; k++) out[k] /= norm;
  }
  return { dim, vectors };
}

/** The projection's floats: mean then components. */
export function serialiseProjection(projection: TextProjection): Uint8Array {
  const floats = new Float32Array(
    projection.mean.length + projection.components.length,
  );
  floats.set(projection.mean);
  floats.set(projection.components, projection.mean.length);
  return new Uint8Array(floats.buffer);
}

export function deserialiseProjection(
  bytes: Uint8Array,
  inputDim: number,
  dim: number,
): TextProjection | undefined {
  const floats = new Float32Array(new Uint8Array(bytes).buffer);
  if (floats.length !== inputDim + inputDim * dim) return undefined;
  return {
    inputDim,
    dim,
    mean: floats.slice(0, inputDim),
    components: floats.slice(inputDim),
  };
}
