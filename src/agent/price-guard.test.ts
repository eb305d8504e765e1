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

  it('reads amounts of £1,000 or more whole, with or without commas (£1132.55 was read as £113)', () => {
    const totals = collectAmounts({ total: 1132.55, other: { total: 12000 } });
    expect(unknownAmounts('… £1132.55 …', new Set(['1132.55']))).toEqual([]);
    expect(unknownAmounts('Order total £1132.55.', totals)).toEqual([]);
    expect(unknownAmounts('Order total £1,132.55.', totals)).toEqual([]);
    expect(unknownAmounts('£12,000 and £12000.00 in all', totals)).toEqual([]);
    expect(unknownAmounts('£1132.56, £1,133 or £113', totals)).toEqual([
      '1132.56',
      '1133.00',
      '113.00',
    ]);

    const guard = createPriceGuard(totals, () => {});
    guard.push('Your order came to £1132.55. It is dispatched. ');
    guard.flush();
    expect(guard.text).toBe('Your order came to £1132.55. It is dispatched. ');
    expect(guard.replaced).toBe(0);
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
