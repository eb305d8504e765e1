import { describe, expect, it } from 'vitest';
import {
  dropOverlap,
  isProductCode,
  linkCancellations,
  looksLikeTitle,
  summariseProducts,
} from './clean.ts';
import type { RetailRow } from './retail-files.ts';

function row(overrides: Partial<RetailRow>): RetailRow {
  return {
    invoice: '500000',
    stockCode: '85123A',
    description: 'WHITE HANGING HEART T-LIGHT HOLDER',
    quantity: 6,
    date: '2010-12-01 08:26:00',
    price: 2.55,
    customerId: 17850,
    country: 'United Kingdom',
    ...overrides,
  };
}

describe('isProductCode', () => {
  it('keeps real products and drops charges, fees, vouchers and adjustments', () => {
    for (const code of ['85123A', '22423', 'DCGS0058', 'SP1002'])
      expect(isProductCode(code)).toBe(true);
    for (const code of [
      'POST',
      'DOT',
      'M',
      'C2',
      'D',
      'S',
      'BANK CHARGES',
      'AMAZONFEE',
      'ADJUST2',
      'TEST001',
      'GIFT_0001_20',
      'DCGSSGIRL',
    ])
      expect(isProductCode(code)).toBe(false);
  });
});

describe('dropOverlap', () => {
  it('counts a line present in both files once, but keeps repeats inside one file', () => {
    const shared = row({ date: '2010-12-02 10:00:00' });
    const first = [row({ date: '2010-11-30 10:00:00' }), shared, shared];
    const second = [
      shared,
      row({ invoice: '500001', date: '2010-12-10 09:00:00' }),
    ];
    const { rows, dropped } = dropOverlap(first, second);
    expect(dropped).toBe(1);
    expect(rows).toHaveLength(4);
  });
});

describe('summariseProducts', () => {
  it('takes the most written title, ignores stock notes and uses the median positive price', () => {
    const rows = [
      row({ invoice: '1', price: 2.55 }),
      row({ invoice: '2', price: 2.95 }),
      row({
        invoice: '3',
        price: 3.25,
        description: 'WHITE HANGING HEART T-LIGHT HOLDER',
      }),
      row({
        invoice: '4',
        price: 2.55,
        description: 'CREAM HANGING HEART T-LIGHT HOLDER',
      }),
      row({ invoice: '5', price: 0, description: 'damaged' }),
    ];
    const [product] = summariseProducts(rows);
    expect(product.title).toBe('WHITE HANGING HEART T-LIGHT HOLDER');
    expect(product.price).toBe(2.75);
    expect(product.orders).toBe(4);
  });

  it('recognises stock notes typed into the title field', () => {
    expect(looksLikeTitle('damaged')).toBe(false);
    expect(looksLikeTitle('?')).toBe(false);
    expect(looksLikeTitle(null)).toBe(false);
    expect(looksLikeTitle('SET/3 RED SPOTTY CAKE TINS')).toBe(true);
  });
});

describe('linkCancellations', () => {
  it('links a cancellation to the latest earlier order of the same customer with the product', () => {
    const rows = [
      row({ invoice: '100', date: '2010-01-01 10:00:00' }),
      row({ invoice: '101', date: '2010-02-01 10:00:00' }),
      row({ invoice: 'C102', quantity: -6, date: '2010-02-03 10:00:00' }),
      row({
        invoice: 'C103',
        quantity: -1,
        customerId: 99,
        date: '2010-02-03 10:00:00',
      }),
    ];
    const links = linkCancellations(rows);
    expect(links.get('C102')).toBe('101');
    expect(links.has('C103')).toBe(false);
  });
});
