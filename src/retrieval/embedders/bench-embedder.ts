/**
 * Measures the configured embedder on this machine: load time, throughput in
 * batches as the index build uses it, and single-query latency.
 */
import type { Config } from '../../config.ts';
import { ShopmateError } from '../../errors.ts';
import { createEmbedder } from './create-embedder.ts';
import { ensureTfBackend } from './tf-backend.ts';

/** The figure DESIGN.md recorded for USE lite on wasm, for comparison. */
const DESIGN_USE_MS_PER_SENTENCE = 7;

const SAMPLE_SIZE = 640;
const BATCH_SIZE = 64;
const SINGLE_QUERIES = 20;

/**
 * Embeds `titles` (the first 640, in batches of 64) and 20 single queries
 * with the embedder `config` chooses; returns the figures as JSON and lines.
 */
export async function benchEmbedder(
  config: Config,
  titles: string[],
  progress: (text: string) => void,
): Promise<{ json: unknown; lines: string[] }> {
  if (titles.length === 0)
    throw new ShopmateError('STORE_MISSING', 'No product titles to embed');

  let started = performance.now();
  const embedder = await createEmbedder(config);
  const loadMs = performance.now() - started;
  const backend =
    config.EMBEDDER === 'use' ? await ensureTfBackend() : undefined;
  const sample = Array.from(
    { length: Math.min(SAMPLE_SIZE, titles.length) },
    (_, i) => titles[i],
  );

  // One warm-up batch: the first run compiles kernels and allocates memory.
  await embedder.embed(sample.slice(0, BATCH_SIZE));
  progress(`  embedding ${sample.length} titles in batches of ${BATCH_SIZE}`);
  started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let at = 0; at < sample.length; at += BATCH_SIZE)
    await embedder.embed(sample.slice(at, at + BATCH_SIZE));
  const batchMsPerText = (performance.now() - started) / sample.length;
  // CPU time as well as wall time: on a shared machine the wall clock
  // mostly measures the neighbours.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMsPerText = (cpu.user + cpu.system) / 1000 / sample.length;

  const singleMs: number[] = [];
  for (const title of sample.slice(0, SINGLE_QUERIES)) {
    const queryStarted = performance.now();
    await embedder.embed([title]);
    singleMs.push(performance.now() - queryStarted);
  }
  const medianSingleMs = median(singleMs);
  const catalogueSeconds = (batchMsPerText * titles.length) / 1000;

  return {
    json: {
      embedder: embedder.id,
      dimension: embedder.dimension,
      backend,
      loadMs: round(loadMs),
      batchSize: BATCH_SIZE,
      texts: sample.length,
      msPerText: round(batchMsPerText, 2),
      cpuMsPerText: round(cpuMsPerText, 2),
      singleQueryMedianMs: round(medianSingleMs, 1),
      catalogueTexts: titles.length,
      catalogueSeconds: round(catalogueSeconds, 1),
    },
    lines: [
      `${embedder.id} (${embedder.dimension}-d${backend ? `, ${backend} backend` : ''}), loaded in ${round(loadMs)} ms`,
      `batches of ${BATCH_SIZE}: ${round(batchMsPerText, 2)} ms/text ` +
        `(${round(cpuMsPerText, 2)} ms of CPU)` +
        (embedder.id.startsWith('use-lite')
          ? ` (DESIGN.md measured ~${DESIGN_USE_MS_PER_SENTENCE} ms)`
          : ''),
      `one query alone: ${round(medianSingleMs, 1)} ms median of ${singleMs.length}`,
      `whole catalogue (${titles.length} titles): ~${round(catalogueSeconds, 1)} s`,
    ],
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
