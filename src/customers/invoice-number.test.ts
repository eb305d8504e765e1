import { describe, expect, it } from 'vitest';
import { normaliseInvoice } from './invoice-number.ts';

describe('normaliseInvoice', () => {
  it.each([
    ['536365', '536365'],
    ['#536365', '536365'],
    ['inv 536365', '536365'],
    ['INV-536365', '536365'],
    ['Invoice no. 536365', '536365'],
    ['order #536 365', '536365'],
    ['  invoice: 536365 ', '536365'],
    ['C536365', 'C536365'],
    ['c536365', 'C536365'],
    ['inv c536365', 'C536365'],
    ['A563185', 'A563185'],
  ])('reads %s as %s', (raw, expected) => {
    expect(normaliseInvoice(raw)).toBe(expected);
  });

  it.each(['', 'my order', '53636', '5363650', 'X536365', "536365'; DROP"])(
    'rejects %s',
    (raw) => {
      expect(normaliseInvoice(raw)).toBeNull();
    },
  );
});
