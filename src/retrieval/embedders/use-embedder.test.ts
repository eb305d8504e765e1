import { UniversalSentenceEncoder } from '@tensorflow-models/universal-sentence-encoder';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dotProduct, type Embedder } from './embedder.ts';
import { ensureTfBackend } from './tf-backend.ts';
import { createUseEmbedder, USE_DIMENSION } from './use-embedder.ts';
import { loadUseModel } from './use-model.ts';

let embedder: Embedder;

beforeAll(async () => {
  embedder = await createUseEmbedder();
});

function norm(vector: Float32Array): number {
  return Math.sqrt(dotProduct(vector, vector));
}

describe('USE lite embedder', () => {
  it('runs on the shared wasm backend, started once', async () => {
    expect(await ensureTfBackend()).toBe('wasm');
    expect(await ensureTfBackend()).toBe('wasm');
  });

  it('leaves no wasm-runtime listener rethrowing process errors', () => {
    // Emscripten's runtime adds listeners that rethrow every uncaught error
    // (printing its 30 kB minified line) ahead of the server's handlers.
    const sources = [
      ...process.listeners('uncaughtException'),
      ...process.listeners('unhandledRejection'),
    ].map(String);
    expect(
      sources.filter((source) => /ExitStatus|throw reason/.test(source)),
    ).toEqual([]);
  });

  it('gives 512-d unit vectors, one per text, in order', async () => {
    expect(embedder.id).toBe('use-lite');
    expect(embedder.dimension).toBe(USE_DIMENSION);
    const vectors = await embedder.embed(['red retrospot mug', 'lunch bag']);
    expect(vectors).toHaveLength(2);
    for (const vector of vectors) {
      expect(vector).toHaveLength(512);
      expect(norm(vector)).toBeCloseTo(1, 4);
    }
    expect(await embedder.embed([])).toEqual([]);
  });

  it('puts similar products closer than unrelated ones', async () => {
    const [tea, candle, laptop] = await embedder.embed([
      'tea light holder',
      'candle holder',
      'laptop charger',
    ]);
    expect(dotProduct(tea, candle)).toBeGreaterThan(dotProduct(tea, laptop));
    expect(dotProduct(candle, tea)).toBeGreaterThan(dotProduct(candle, laptop));
  });

  it('treats upper-case catalogue titles like lower-case text', async () => {
    const [upper, lower] = await embedder.embed([
      'WHITE HANGING HEART T-LIGHT HOLDER',
      'white hanging heart t-light holder',
    ]);
    expect(dotProduct(upper, lower)).toBeCloseTo(1, 5);
  });

  it('gives the same vector alone or inside a large batch', async () => {
    const titles = Array.from({ length: 150 }, (_, i) => `gift box ${i}`);
    titles[137] = 'jumbo bag red retrospot';
    const batched = await embedder.embed(titles);
    const [alone] = await embedder.embed(['jumbo bag red retrospot']);
    expect(batched).toHaveLength(150);
    expect(dotProduct(batched[137], alone)).toBeCloseTo(1, 4);
  });

  it('frees every tensor it creates', async () => {
    await embedder.embed(['warm-up']);
    const before = tf.memory().numTensors;
    await embedder.embed(['paper chain kit', 'doormat union flag']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects empty and whitespace-only texts', async () => {
    await expect(embedder.embed(['mug', ''])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(embedder.embed(['  \n '])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('embeds long and non-English texts', async () => {
    const vectors = await embedder.embed([
      'vintage christmas bunting '.repeat(800),
      'Kerzenhalter aus Glas',
      '燭台とティーライト',
      'подсвечник для чайных свечей',
      'حامل شموع',
      '🕯️✨',
      'a\uD800b',
    ]);
    for (const vector of vectors) {
      expect(vector).toHaveLength(512);
      expect(norm(vector)).toBeCloseTo(1, 4);
    }
  });
});

describe('USE lite against the reference encoder', () => {
  it('gives the vectors of @tensorflow-models/universal-sentence-encoder', async () => {
    const { graph, tokenizer } = await loadUseModel();
    const texts = ['Pack of 72 Retrospot cake cases', 'note: 3 :-) smiles'];
    // The reference class fetches its model from the network; run its
    // embed() on ours instead.
    const expected = await UniversalSentenceEncoder.prototype.embed.call(
      { model: graph, tokenizer },
      texts,
    );
    const expectedRows = (await expected.array()) as number[][];
    expected.dispose();

    const cased = await createUseEmbedder({ lowercase: false });
    expect(cased.id).toBe('use-lite-cased');
    const vectors = await cased.embed(texts);
    vectors.forEach((vector, row) => {
      expect(
        dotProduct(vector, Float32Array.from(expectedRows[row])),
      ).toBeCloseTo(1, 5);
    });
  });
});
