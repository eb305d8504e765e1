import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, COLOURS } from '../retrieval/index.ts';
import { COLOUR_WORDS, SHOPPER_CATEGORY_IDS } from './index.ts';

// intent/ keeps its own copies of the category ids and colour names (it must
// not load retrieval's models); this test keeps the copies in step.
describe('intent entities and product attributes agree', () => {
  it('every category a shopper can name is a product category', () => {
    for (const id of SHOPPER_CATEGORY_IDS) expect(CATEGORY_IDS).toContain(id);
  });

  it('every colour a shopper can name is a product colour', () => {
    for (const colour of new Set(Object.values(COLOUR_WORDS)))
      expect(COLOURS as readonly string[]).toContain(colour);
  });
});
