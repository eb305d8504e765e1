import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  fakeEmbedding,
  startOpenAiEmbeddingsServer,
  type OpenAiEmbeddingsServer,
} from '../../test-helpers/index.ts';
import { dotProduct, normaliseVector } from './embedder.ts';
import { createOpenAiEmbedder } from './openai-embedder.ts';

let server: OpenAiEmbeddingsServer;

beforeAll(async () => {
  server = await startOpenAiEmbeddingsServer(8);
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
});

function embedderFor(options: { batchSize?: number; apiKey?: string } = {}) {
  return createOpenAiEmbedder({
    model: 'text-embedding-3-small',
    baseURL: server.baseURL,
    maxRetries: 0,
    ...options,
  });
}

describe('OpenAI-compatible embedder on a loopback server', () => {
  it('probes the dimension and sends the key and model', async () => {
    const embedder = await embedderFor({ apiKey: 'sk-test' });
    expect(embedder.id).toBe('openai:text-embedding-3-small');
    expect(embedder.dimension).toBe(8);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      model: 'text-embedding-3-small',
      authorization: 'Bearer sk-test',
      encoding_format: 'float',
    });
  });

  it('returns the server vectors normalised, in order, in batches', async () => {
    const embedder = await embedderFor({ batchSize: 2 });
    server.requests.length = 0;
    const texts = ['tea light holder', 'candle holder', 'laptop charger'];
    const vectors = await embedder.embed(texts);

    expect(server.requests.map((request) => request.input)).toEqual([
      ['tea light holder', 'candle holder'],
      ['laptop charger'],
    ]);
    vectors.forEach((vector, i) => {
      const expected = normaliseVector(
        Float32Array.from(fakeEmbedding(texts[i], 8)),
      );
      expect(dotProduct(vector, vector)).toBeCloseTo(1, 5);
      expect(dotProduct(vector, expected)).toBeCloseTo(1, 5);
    });
  });

  it('rejects empty input before any request', async () => {
    const embedder = await embedderFor();
    server.requests.length = 0;
    await expect(embedder.embed(['ok', '\t'])).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('sends long and non-English texts, cut to the character limit', async () => {
    const embedder = await embedderFor();
    server.requests.length = 0;
    const vectors = await embedder.embed([
      'ü'.repeat(5000),
      '燭台',
      'подсвечник',
    ]);
    expect(vectors).toHaveLength(3);
    const [sent] = server.requests;
    expect(Array.isArray(sent.input) && sent.input[0]).toHaveLength(2000);
  });

  it('turns a failing server into MODEL_UNAVAILABLE', async () => {
    const embedder = await embedderFor();
    server.failNext(500);
    await expect(embedder.embed(['mug'])).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
    });
    server.failNext(401);
    await expect(embedderFor()).rejects.toMatchObject({
      code: 'MODEL_UNAVAILABLE',
    });
  });
});
