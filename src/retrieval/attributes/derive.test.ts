import { describe, expect, it } from 'vitest';
import { AttributesSchema, deriveAttributes } from './derive.ts';

describe('deriveAttributes', () => {
  it('derives every attribute of a title', () => {
    expect(deriveAttributes('LUNCH BAG RED RETROSPOT')).toEqual({
      category: 'bags',
      colours: ['red'],
      themes: ['polka dot', 'retrospot'],
      searchText: expect.stringContaining('lunch bag red retrospot'),
    });
    const holder = deriveAttributes('WHITE HANGING HEART T-LIGHT HOLDER');
    expect(holder.category).toBe('candles-lighting');
    expect(holder.colours).toEqual(['white']);
    expect(holder.themes).toEqual(['heart']);
    expect(holder.searchText).toContain('tea light');
  });

  it('gives a valid, empty-ish result for odd titles', () => {
    for (const title of ['', '  ', 'SML', 'S/3', '?', 'PINK/WHITE']) {
      const attributes = deriveAttributes(title);
      expect(AttributesSchema.parse(attributes)).toEqual(attributes);
    }
    expect(deriveAttributes('PINK/WHITE').colours).toEqual(['pink', 'white']);
    expect(deriveAttributes('').category).toBe('other');
  });
});
