import { describe, expect, it } from 'vitest';
import { ShopmateError } from '../../errors.ts';
import { dotProduct, normaliseVector } from './embedder.ts';
import {
  embedInBatches,
  prepareTexts,
  runOneAtATime,
} from './prepare-texts.ts';

function thrown(run: () => unknown): ShopmateError {
  try {
    run();
  } catch (error) {
    if (error instanceof ShopmateError) return error;
    throw error;
  }
  throw new Error('expected a ShopmateError');
}

describe('prepareTexts', () => {
  it('rejects empty and whitespace-only texts, naming the index', () => {
    const error = thrown(() => prepareTexts(['mug', ' \n\t ']));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.details).toEqual({ index: 1 });
    expect(thrown(() => prepareTexts([''])).code).toBe('INVALID_INPUT');
  });

  it('rejects values that are not strings', () => {
    expect(thrown(() => prepareTexts(['mug', 42])).code).toBe('INVALID_INPUT');
  });

  it('collapses whitespace and trims', () => {
    expect(prepareTexts(['  red\n\nretrospot   mug '])).toEqual([
      'red retrospot mug',
    ]);
  });

  it('cuts long texts by code points, never inside a surrogate pair', () => {
    const [cut] = prepareTexts(['🕯'.repeat(10)], 4);
    expect(Array.from(cut)).toEqual(['🕯', '🕯', '🕯', '🕯']);
    expect(prepareTexts(['x'.repeat(5000)])[0]).toHaveLength(2000);
  });

  it('replaces lone surrogates and keeps any script', () => {
    expect(prepareTexts(['a\uD800b'])).toEqual(['a\uFFFDb']);
    expect(prepareTexts(['Kerzenhalter', '燭台', 'подсвечник'])).toEqual([
      'Kerzenhalter',
      '燭台',
      'подсвечник',
    ]);
  });
});

describe('embedInBatches', () => {
  it('splits into batches, keeps order and normalises', async () => {
    const seen: string[][] = [];
    const vectors = await embedInBatches(
      ['a', 'b', 'c'],
      2,
      2,
      async (batch) => {
        seen.push(batch);
        return batch.map((_, i) => Float32Array.from([3, 4 + i]));
      },
    );
    expect(seen).toEqual([['a', 'b'], ['c']]);
    expect(Array.from(vectors[0])).toEqual([
      expect.closeTo(0.6, 6),
      expect.closeTo(0.8, 6),
    ]);
    expect(vectors).toHaveLength(3);
  });

  it('refuses vectors of the wrong length or with NaN', async () => {
    await expect(
      embedInBatches(['a'], 8, 3, async () => [new Float32Array(2)]),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
    await expect(
      embedInBatches(['a'], 8, 1, async () => [Float32Array.from([NaN])]),
    ).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  });
});

describe('vector helpers', () => {
  it('normalises to unit length and leaves zero vectors alone', () => {
    const vector = normaliseVector(Float32Array.from([3, 4]));
    expect(dotProduct(vector, vector)).toBeCloseTo(1, 6);
    expect(Array.from(normaliseVector(new Float32Array(3)))).toEqual([0, 0, 0]);
  });
});

describe('runOneAtATime', () => {
  it('runs calls in sequence even after a failure', async () => {
    const order: string[] = [];
    const run = runOneAtATime(async (name: string) => {
      order.push(`start ${name}`);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(`end ${name}`);
      if (name === 'a') throw new Error('a failed');
      return name;
    });
    const results = await Promise.allSettled([run('a'), run('b')]);
    expect(results.map((result) => result.status)).toEqual([
      'rejected',
      'fulfilled',
    ]);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
  });
});
