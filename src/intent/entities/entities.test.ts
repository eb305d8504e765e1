import { describe, expect, it } from 'vitest';
import { extractCategories } from './categories.ts';
import { extractColours } from './colours.ts';
import { extractEntities } from './extract-entities.ts';
import { extractOrderNumbers } from './order-numbers.ts';
import { extractPriceBounds } from './prices.ts';
import { extractQuantity } from './quantities.ts';
import { extractReference, extractRefinementCues } from './refinements.ts';

describe('order numbers', () => {
  it.each([
    ['#536365', ['536365']],
    ['order 536365', ['536365']],
    ['inv. 536365 is wrong', ['536365']],
    ['C536365', ['C536365']],
    ['refund for c536379 pls', ['C536379']],
    ['536 365', ['536365']],
    ['order no. 536-365', ['536365']],
    ['invoice no 536365', ['536365']],
    ['Invoice #: 536365', ['536365']],
    ['cancel 536365 and 536366 both', ['536365', '536366']],
    ['order 536365, I mean #536365', ['536365']],
  ])('reads %s', (text, expected) => {
    expect(extractOrderNumbers(text)).toEqual(expected);
  });

  it.each([
    '£536365',
    '536365p',
    'I want 100 200 mugs',
    'order 53636',
    'call 07700900123',
  ])('finds none in %s', (text) => {
    expect(extractOrderNumbers(text)).toEqual([]);
  });
});

describe('price bounds', () => {
  it.each([
    ['under £2', { max: 2 }],
    ['less than 2 pounds', { max: 2 }],
    ['under 2 quid', { max: 2 }],
    ['between 1 and 3 gbp', { min: 1, max: 3 }],
    ['below 50p', { max: 0.5 }],
    ['over £5', { min: 5 }],
    ['cheaper than 3', { max: 3 }],
    ['£2-£5 please', { min: 2, max: 5 }],
    ['from £2 to £4', { min: 2, max: 4 }],
    ['under a fiver', { max: 5 }],
    ['no more than £7.50', { max: 7.5 }],
    ['up to 8 pounds', { max: 8 }],
    ['around £10', { min: 8, max: 12 }],
    ['more expensive than 4', { min: 4 }],
  ])('reads %s', (text, expected) => {
    expect(extractPriceBounds(text)).toEqual(expected);
  });

  it.each([
    'toys for under 5s',
    'under 5 years old',
    'more than 12 of them',
    'over 5 days',
  ])('does not read %s as money', (text) => {
    expect(extractPriceBounds(text)).toBeUndefined();
  });
});

describe('quantities', () => {
  it.each([
    ['12 of them', 12],
    ['a dozen', 12],
    ['half a dozen mugs', 6],
    ['x6', 6],
    ['6x tea towels', 6],
    ['add 6 to basket', 6],
    ["i'll take three", 3],
    ['need 24 more of the regency teacups', 24],
    ['12 red lunch bags', 12],
    ['qty: 48', 48],
    ['a pair of earrings', 2],
  ])('reads %s', (text, expected) => {
    expect(extractQuantity(text)).toBe(expected);
  });

  it.each([
    'its been 10 days',
    'cake stand 3 tier',
    'under £2',
    'order 536365',
  ])('finds none in %s', (text) => {
    expect(extractEntities(text).quantity).toBeUndefined();
  });
});

describe('colours', () => {
  it('keeps wanted and unwanted colours apart', () => {
    expect(extractColours('red lunch bags')).toEqual({
      colours: ['red'],
      excludeColours: [],
    });
    expect(extractColours('christmas decorations not red')).toEqual({
      colours: [],
      excludeColours: ['red'],
    });
    expect(extractColours('anything but pink or blue, maybe green')).toEqual({
      colours: ['green'],
      excludeColours: ['pink', 'blue'],
    });
    expect(extractColours('non-red mugs').excludeColours).toEqual(['red']);
    expect(extractColours('grey or navy').colours).toEqual(['grey', 'blue']);
    expect(extractColours('like the spaceboy one but in pink').colours).toEqual(
      ['pink'],
    );
  });
});

describe('categories', () => {
  it('names taxonomy ids, Christmas first', () => {
    expect(extractCategories('tea light holders')).toEqual([
      'candles-lighting',
    ]);
    expect(extractCategories('show me christmas decorations')[0]).toBe(
      'christmas',
    );
    expect(extractCategories('a jumbo bag')).toEqual(['bags']);
    expect(extractCategories('add 6 to my basket')).toEqual([]);
  });
});

describe('refinements', () => {
  it('reads cues and references', () => {
    expect(
      extractRefinementCues('more like the second one but cheaper'),
    ).toEqual(['cheaper', 'more_like']);
    expect(extractReference('more like the second one')).toEqual({
      kind: 'ordinal',
      index: 2,
    });
    expect(extractReference('add the 3rd to my basket')).toEqual({
      kind: 'ordinal',
      index: 3,
    });
    expect(extractReference('the last one')).toEqual({ kind: 'last' });
    expect(extractReference('i want that one')).toEqual({ kind: 'that' });
    expect(
      extractReference('third time I ask where my parcel is'),
    ).toBeUndefined();
    expect(extractRefinementCues('show more')).toEqual(['show_more']);
    expect(extractRefinementCues('something more expensive')).toEqual([
      'more_expensive',
    ]);
  });

  it('drops "cheaper" when a price bound says more', () => {
    const entities = extractEntities('cheaper than 3 pounds');
    expect(entities.price).toEqual({ max: 3 });
    expect(entities.refinement).toBeUndefined();
  });
});

describe('extractEntities', () => {
  it('reads a whole message and leaves empty fields out', () => {
    expect(
      extractEntities(
        'cancel order 536365 and find 12 red lunch bags under 2 quid',
      ),
    ).toEqual({
      orderNumbers: ['536365'],
      price: { max: 2 },
      quantity: 12,
      colours: ['red'],
      categories: ['bags'],
    });
    expect(extractEntities('hello')).toEqual({});
  });
});
