import { describe, expect, it } from 'vitest';
import { categoriseTitle } from './categorise.ts';
import {
  CATEGORY_DEV_LABELS_FILE,
  loadCategoryLabels,
  scoreCategories,
} from './category-eval.ts';
import { CATEGORIES } from './taxonomy.ts';

const category = (title: string) => categoriseTitle(title).category;

describe('categoriseTitle', () => {
  it('reads the head noun at the end of a title', () => {
    expect(category('WHITE HANGING HEART T-LIGHT HOLDER')).toBe(
      'candles-lighting',
    );
    expect(category('MINI CAKE STAND T-LIGHT HOLDER')).toBe('candles-lighting');
    expect(category('REGENCY CAKESTAND 3 TIER')).toBe('baking');
    expect(category('PACK OF 72 RETROSPOT CAKE CASES')).toBe('baking');
    expect(category('SET/3 RED SPOTTY CAKE TINS')).toBe('baking');
    expect(category('DIAMANTE NECKLACE GREEN')).toBe('jewellery-accessories');
    expect(category('BLUE GINGHAM ROSE CUSHION COVER')).toBe('textiles');
  });

  it('reads the head noun at the start when a range follows', () => {
    expect(category('LUNCH BAG RED RETROSPOT')).toBe('bags');
    expect(category('JUMBO BAG PINK POLKADOT')).toBe('bags');
    expect(category('JUMBO BAG CHARLIE AND LOLA TOYS')).toBe('bags');
    expect(category('LUNCH BAG DOILEY PATTERN')).toBe('bags');
    expect(category('DOORMAT NEW ENGLAND')).toBe('textiles');
    expect(category('HERB MARKER BASIL')).toBe('garden');
  });

  it('sets aside what follows WITH / IN / + and motif words', () => {
    expect(category('CUPID SCENTED CANDLE IN GLASS')).toBe('candles-lighting');
    expect(category('ENGLISH ROSE MUG IN GIFT BOX')).toBe('kitchen-dining');
    expect(category('DINOSAUR PARTY BAG + STICKER SET')).toBe('party');
    expect(category('BLUE CUSHION COVER WITH FLOWER')).toBe('textiles');
    expect(category('DOORSTOP RACING CAR DESIGN')).toBe('home-decor');
    expect(category('TEA FOR ONE POLKADOT')).toBe('kitchen-dining');
  });

  it('makes anything for Christmas Christmas', () => {
    expect(category('CHRISTMAS TREE T-LIGHT HOLDER')).toBe('christmas');
    expect(category('PACK/12 XMAS FUN CARD')).toBe('christmas');
    expect(category("BOX OF 6 MINI 50'S CRACKERS")).toBe('christmas');
  });

  it('says which phrase decided, or none', () => {
    expect(categoriseTitle('RED RETROSPOT MUG')).toEqual({
      category: 'kitchen-dining',
      matched: 'mug',
    });
    expect(categoriseTitle('HAND OPEN SHAPE PINK')).toEqual({
      category: 'other',
      matched: null,
    });
    expect(categoriseTitle('')).toEqual({ category: 'other', matched: null });
  });
});

describe('category accuracy on hand-labelled titles', () => {
  // The rules' first, blind run on these labels scored 91.3%; the floor
  // sits just under it so a regression to before the fixes still fails.
  const FLOOR = 0.9;

  it(`is above ${FLOOR} and far above the majority class`, () => {
    const labels = loadCategoryLabels();
    expect(labels).toHaveLength(150);
    const score = scoreCategories(labels, category);
    expect(score.accuracy).toBeGreaterThan(FLOOR);
    expect(score.majority.accuracy).toBeLessThan(0.2);
  });

  it('keeps the development labels above 0.95', () => {
    const labels = loadCategoryLabels(CATEGORY_DEV_LABELS_FILE);
    expect(labels).toHaveLength(150);
    expect(scoreCategories(labels, category).accuracy).toBeGreaterThan(0.95);
  });

  it('labels with the taxonomy only, from distinct titles', () => {
    const labels = [
      ...loadCategoryLabels(),
      ...loadCategoryLabels(CATEGORY_DEV_LABELS_FILE),
    ];
    const ids = new Set<string>(CATEGORIES.map((c) => c.id));
    expect(labels.every((l) => ids.has(l.category))).toBe(true);
    expect(new Set(labels.map((l) => l.title)).size).toBe(300);
  });
});
