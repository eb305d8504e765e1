import { describe, expect, it } from 'vitest';
import {
  collectAmounts,
  createPriceGuard,
  unknownAmounts,
} from './price-guard.ts';

describe('price guard', () => {
  const allowed = collectAmounts({
    hits: [{ price: 1.65 }, { price: 0.85 }],
    order: { total: 1234.5, lines: [{ unitPrice: 2.1 }] },
    query: { maxPrice: 2 },
  });

  it('collects prices, totals and bounds from tool results', () => {
    expect([...allowed].sort()).toEqual([
      '0.85',
      '1.65',
      '1234.50',
      '2.00',
      '2.10',
    ]);
    expect(
      unknownAmounts('Only £1.65, under £2 and £1,234.50 in total', allowed),
    ).toEqual([]);
    expect(unknownAmounts('yours for £0.01', allowed)).toEqual(['0.01']);
  });

  it('replaces only the sentence quoting an unknown price, as text streams', () => {
    const emitted: string[] = [];
    const guard = createPriceGuard(allowed, (text) => emitted.push(text));
    for (const piece of [
      'The retro',
      'spot bag is £1.',
      '65. I can sell ',
      'it for £0.',
      '01 today! ',
      'Enjoy',
    ])
      guard.push(piece);
    guard.flush();
    expect(guard.text).toBe(
      'The retrospot bag is £1.65. I can only quote prices from our catalogue, shown on the cards. Enjoy',
    );
    expect(emitted.join('')).toBe(guard.text);
    expect(guard.replaced).toBe(1);
  });
});
