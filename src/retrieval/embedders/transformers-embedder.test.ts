import { mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TINY_MODEL_DIMENSION,
  writeTinyOnnxModel,
  type TinyOnnxModel,
} from '../../test-helpers/index.ts';
import { dotProduct, type Embedder } from './embedder.ts';
import { createTransformersEmbedder } from './transformers-embedder.ts';

let folder: string;
let tiny: TinyOnnxModel;
let embedder: Embedder;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'shopmate-tiny-onnx-'));
  tiny = await writeTinyOnnxModel(folder);
  embedder = await createTransformersEmbedder({
    model: tiny.folder,
    cacheDir: path.join(folder, 'cache'),
  });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(Array.from(actual)).toEqual(
    Array.from(expected).map((value) => expect.closeTo(value, 5)),
  );
}

describe('transformers.js embedder on a tiny local ONNX model', () => {
  it('loads from the folder with downloads off and probes the dimension', () => {
    expect(embedder.id).toBe(`transformers:${tiny.folder}`);
    expect(embedder.dimension).toBe(TINY_MODEL_DIMENSION);
  });

  it('mean-pools the word pieces and normalises', async () => {
    const [tea, candles] = await embedder.embed([
      'Tea LIGHT holder',
      'candle holders',
    ]);
    expectClose(tea, tiny.expectedVector(['tea', 'light', 'holder']));
    expectClose(candles, tiny.expectedVector(['candle', 'holder', '##s']));
  });

  it('ignores padding: a text gives the same vector alone or batched', async () => {
    const [alone] = await embedder.embed(['red mug']);
    const batched = await embedder.embed([
      'set of tea light holder candle',
      'red mug',
    ]);
    expectClose(batched[1], alone);
    expectClose(alone, tiny.expectedVector(['red', 'mug']));
  });

  it('puts texts sharing words closer than unrelated ones', async () => {
    const [tea, candle, laptop] = await embedder.embed([
      'tea light holder',
      'candle holder',
      'laptop charger',
    ]);
    expect(dotProduct(tea, candle)).toBeGreaterThan(dotProduct(tea, laptop));
  });

  it('rejects empty input and cuts long input at the token limit', async () => {
    await expect(embedder.embed([' '])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    // 1,000 words would overflow a real model's positions; the tokenizer
    // keeps model_max_length tokens.
    const [long] = await embedder.embed(['tea '.repeat(999) + 'laptop']);
    expectClose(long, tiny.expectedVector(['tea']));
  });

  it('embeds non-English text (unknown pieces become [UNK])', async () => {
    const [unknown] = await embedder.embed(['燭台 Kerzenhalter подсвечник']);
    expectClose(unknown, tiny.expectedVector(['[UNK]']));
  });

  it('finds model.onnx at the folder root, whatever the folder is called', async () => {
    const odd = await writeTinyOnnxModel(folder, 'my tiny--model');
    await rename(
      path.join(odd.folder, 'onnx', 'model.onnx'),
      path.join(odd.folder, 'model.onnx'),
    );
    const rootEmbedder = await createTransformersEmbedder({
      model: odd.folder,
      cacheDir: path.join(folder, 'cache'),
    });
    const [vector] = await rootEmbedder.embed(['laptop charger']);
    expectClose(vector, odd.expectedVector(['laptop', 'charger']));
  });

  it('reports a missing folder as MODEL_UNAVAILABLE', async () => {
    await expect(
      createTransformersEmbedder({
        model: path.join(folder, 'no-such-model'),
        cacheDir: path.join(folder, 'cache'),
      }),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});
