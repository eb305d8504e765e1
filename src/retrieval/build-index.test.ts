import { describe, expect, it } from 'vitest';
import { hashingEmbedder } from '../test-helpers/index.ts';
import { embedTexts } from './build-index.ts';

describe('embedTexts', () => {
  it('puts the vector of text i in row i, across batches', async () => {
    const embedder = hashingEmbedder(16);
    const texts = Array.from({ length: 150 }, (_, i) => `product number ${i}`);
    const done: number[] = [];
    const flat = await embedTexts(embedder, texts, (n) => done.push(n));
    const expected = await embedder.embed([texts[0], texts[149]]);
    expect(flat.length).toBe(150 * 16);
    expect(Array.from(flat.subarray(0, 16))).toEqual(Array.from(expected[0]));
    expect(Array.from(flat.subarray(149 * 16))).toEqual(
      Array.from(expected[1]),
    );
    expect(done.at(-1)).toBe(150);
  });
});
