// Needs huggingface.co: run on demand with
// `npx vitest run src/retrieval/embedders/transformers-embedder.online.test.ts`.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dotProduct } from './embedder.ts';
import {
  createTransformersEmbedder,
  DEFAULT_TRANSFORMERS_MODEL,
} from './transformers-embedder.ts';

let cacheDir: string | undefined;

afterAll(async () => {
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

describe('transformers.js embedder from the hub', () => {
  it('downloads the default model and embeds', async () => {
    cacheDir = await mkdtemp(path.join(os.tmpdir(), 'shopmate-hub-'));
    const embedder = await createTransformersEmbedder({
      model: DEFAULT_TRANSFORMERS_MODEL,
      cacheDir,
    });
    expect(embedder.dimension).toBe(384);
    const [tea, candle, laptop] = await embedder.embed([
      'tea light holder',
      'candle holder',
      'laptop charger',
    ]);
    expect(dotProduct(tea, candle)).toBeGreaterThan(dotProduct(tea, laptop));
  });
});
