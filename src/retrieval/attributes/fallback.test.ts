import { describe, expect, it } from 'vitest';
import {
  deriveCatalogueAttributes,
  deriveCatalogueAttributesByEmbedding,
  featureWords,
  trainCategoryClassifier,
  type EmbedFn,
} from './fallback.ts';

const CATALOGUE = [
  'RED RETROSPOT MUG',
  'SPACEBOY COFFEE MUG',
  'DOLLY GIRL BEAKER',
  'SPACEBOY LUNCH BOX',
  'SPACEBOY CHILDRENS BOWL',
  'DIAMANTE NECKLACE GREEN',
  'GOLD CHARM NECKLACE',
  'PINK SWEETHEART BRACELET',
  'BLACK CRYSTAL DROP EARRINGS',
  // No rule recognises these two.
  'SPACEBOY BREAKFAST THING',
  'DIAMANTE SPARKLY THING',
];

describe('naive Bayes fallback', () => {
  it('learns from the titles the rules place', () => {
    const classifier = trainCategoryClassifier(CATALOGUE);
    expect(classifier.predict('SPACEBOY THING').category).toBe(
      'kitchen-dining',
    );
    const jewel = classifier.predict('DIAMANTE THING');
    expect(jewel.category).toBe('jewellery-accessories');
    expect(jewel.probability).toBeGreaterThan(0.5);
  });

  it('places only the titles no rule recognises', () => {
    const attributes = deriveCatalogueAttributes(CATALOGUE);
    expect(attributes.map((a) => a.category).slice(-2)).toEqual([
      'kitchen-dining',
      'jewellery-accessories',
    ]);
    expect(attributes[0].category).toBe('kitchen-dining');
    expect(attributes[5].category).toBe('jewellery-accessories');
  });

  it('copes with an empty catalogue and unknown words', () => {
    expect(trainCategoryClassifier([]).predict('ANYTHING').category).toBe(
      'other',
    );
    expect(deriveCatalogueAttributes([])).toEqual([]);
    expect(featureWords('12 PINK MUGS')).toEqual(['mug']);
  });
});

/** A bag-of-words embedding over a fixed vocabulary, for tests. */
const VOCABULARY = ['spaceboy', 'diamante', 'mug', 'necklace', 'sparkly'];
const fakeEmbed: EmbedFn = async (texts) =>
  texts.map(
    (text) =>
      new Float32Array(
        VOCABULARY.map((word) => (text.includes(word) ? 1 : 0.01)),
      ),
  );

describe('embedding fallback', () => {
  it('gives unplaced titles the nearest category centroid', async () => {
    const attributes = await deriveCatalogueAttributesByEmbedding(CATALOGUE, {
      embed: fakeEmbed,
    });
    expect(attributes.at(-2)?.category).toBe('kitchen-dining');
    expect(attributes.at(-1)?.category).toBe('jewellery-accessories');
  });

  it('uses given vectors instead of embedding again', async () => {
    const vectors = await fakeEmbed(CATALOGUE.map((t) => t.toLowerCase()));
    const embed: EmbedFn = async () => {
      throw new Error('should not embed');
    };
    const attributes = await deriveCatalogueAttributesByEmbedding(CATALOGUE, {
      embed,
      vectors,
    });
    expect(attributes.at(-1)?.category).toBe('jewellery-accessories');
  });

  it('does not embed when every title is placed by rules', async () => {
    const embed: EmbedFn = async () => {
      throw new Error('should not embed');
    };
    const attributes = await deriveCatalogueAttributesByEmbedding(
      ['RED RETROSPOT MUG'],
      { embed },
    );
    expect(attributes[0].category).toBe('kitchen-dining');
  });
});
