/**
 * `npm run bench` section: hnswlib search against an exact scan over the
 * same vectors, measured side by side in one run, on the real catalogue and on
 * a 100k-vector catalogue made by repeating it with noise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type hnswlib from 'hnswlib-node';
import {
  buildHnsw,
  indexFolder,
  loadCatalogueIndex,
} from './catalogue-index.ts';
import { ShopmateError } from '../errors.ts';
import { createRandom } from '../seeded-random.ts';

const K = 10;

/** Standard normal draws from a seeded generator, so every run measures the same vectors. */
function gaussian(seed: number): () => number {
  const uniform = createRandom(seed);
  return () =>
    Math.sqrt(-2 * Math.log(uniform() + 1e-12)) *
    Math.cos(2 * Math.PI * uniform());
}

function noisyCopies(
  base: Float32Array,
  dim: number,
  count: number,
  noise: number,
  seed: number,
): Float32Array {
  const normal = gaussian(seed);
  const baseCount = base.length / dim;
  const out = new Float32Array(count * dim);
  for (let i = 0; i < count; i++) {
    const source = base.subarray(
      (i % baseCount) * dim,
      ((i % baseCount) + 1) * dim,
    );
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      const value = source[d] + noise * normal();
      out[i * dim + d] = value;
      norm += value * value;
    }
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) out[i * dim + d] /= norm;
  }
  return out;
}

/** Indices of the k largest dot products: the ground truth. */
export function exactTopK(
  vectors: Float32Array,
  dim: number,
  query: Float32Array,
  k: number,
): number[] {
  const count = vectors.length / dim;
  const best: { id: number; score: number }[] = [];
  for (let i = 0; i < count; i++) {
    let dot = 0;
    const offset = i * dim;
    for (let d = 0; d < dim; d++) dot += vectors[offset + d] * query[d];
    if (best.length < k || dot > best[best.length - 1].score) {
      best.push({ id: i, score: dot });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.id);
}

interface Measure {
  vectors: number;
  queries: number;
  exactMsPerQuery: number;
  annMsPerQuery: number;
  speedup: number;
  recallAt10: number;
  buildSeconds?: number;
  bytesPerVector?: number;
}

function measure(
  hnsw: hnswlib.HierarchicalNSW,
  vectors: Float32Array,
  dim: number,
  queries: Float32Array,
): Measure {
  const count = queries.length / dim;
  const truth: number[][] = [];
  let started = performance.now();
  for (let q = 0; q < count; q++)
    truth.push(
      exactTopK(vectors, dim, queries.subarray(q * dim, (q + 1) * dim), K),
    );
  const exactMs = (performance.now() - started) / count;

  let hits = 0;
  started = performance.now();
  const answers: number[][] = [];
  for (let q = 0; q < count; q++)
    answers.push(
      hnsw.searchKnn(Array.from(queries.subarray(q * dim, (q + 1) * dim)), K)
        .neighbors,
    );
  const annMs = (performance.now() - started) / count;
  answers.forEach((answer, q) => {
    const expected = new Set(truth[q]);
    hits += answer.filter((id) => expected.has(id)).length;
  });
  return {
    vectors: vectors.length / dim,
    queries: count,
    exactMsPerQuery: round(exactMs, 3),
    annMsPerQuery: round(annMs, 3),
    speedup: round(exactMs / annMs, 1),
    recallAt10: round(hits / (count * K), 3),
  };
}

const round = (value: number, digits: number) =>
  Math.round(value * 10 ** digits) / 10 ** digits;

export async function benchSearch(
  stateDir: string,
  progress: (text: string) => void,
) {
  const index = loadCatalogueIndex(indexFolder({ stateDir }));
  if (!index)
    throw new ShopmateError(
      'STORE_MISSING',
      'No catalogue index; run `npx shopmate ingest` first.',
    );
  const dim = index.meta.dimension;

  progress('real catalogue: 500 noisy product vectors as queries');
  const realQueries = noisyCopies(index.vectors, dim, 500, 0.03, 7);
  const real = measure(index.hnsw, index.vectors, dim, realQueries);
  // Rebuilt here so both rows time the hnsw build alone (the saved index's
  // build time also includes embedding the catalogue).
  let started = performance.now();
  buildHnsw(index.vectors, dim);
  real.buildSeconds = round((performance.now() - started) / 1000, 1);

  progress(
    '100k catalogue: the real vectors repeated with noise; building hnsw …',
  );
  const large = noisyCopies(index.vectors, dim, 100_000, 0.03, 11);
  const rssBefore = process.memoryUsage().rss;
  started = performance.now();
  const hnsw = buildHnsw(large, dim);
  const buildSeconds = (performance.now() - started) / 1000;
  const rssGrowth = process.memoryUsage().rss - rssBefore;
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-bench-')),
    'large.hnsw',
  );
  hnsw.writeIndexSync(file);
  const fileBytes = fs.statSync(file).size;
  fs.rmSync(path.dirname(file), { recursive: true });

  progress('100k catalogue: 200 queries, exact scan vs hnsw');
  started = performance.now();
  const largeResult = measure(
    hnsw,
    large,
    dim,
    noisyCopies(index.vectors, dim, 200, 0.05, 13),
  );
  largeResult.buildSeconds = round(buildSeconds, 1);
  largeResult.bytesPerVector = Math.round(fileBytes / 100_000);

  const json = {
    dimension: dim,
    catalogue: real,
    large: {
      ...largeResult,
      rssGrowthBytesPerVector: Math.round(rssGrowth / 100_000),
    },
  };
  const line = (name: string, m: Measure) =>
    `${name}: ${m.vectors} vectors, hnsw ${m.annMsPerQuery} ms/query vs exact scan ${m.exactMsPerQuery} ms/query → ${m.speedup}× faster, recall@10 ${m.recallAt10}${m.buildSeconds !== undefined ? `, hnsw build ${m.buildSeconds} s` : ''}`;
  return {
    json,
    lines: [
      line('real catalogue', real),
      line('100k catalogue', largeResult),
      `memory per vector (100k, ${dim}-d float32 = ${dim * 4} B raw): index file ${largeResult.bytesPerVector} B, resident growth ${json.large.rssGrowthBytesPerVector} B`,
    ],
  };
}
