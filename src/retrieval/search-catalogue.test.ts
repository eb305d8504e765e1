import { describe, expect, it } from 'vitest';
import { hashingEmbedder } from '../test-helpers/index.ts';
import { buildHnsw } from './catalogue-index.ts';
import type { CatalogueProduct } from './products.ts';
import { CatalogueSearch } from './search-catalogue.ts';
import type { Embedder } from './embedders/index.ts';

const REFERENCE = new Date('2011-09-30T17:22:00Z');

function product(
  stockCode: string,
  title: string,
  price: number,
  colours: string[] = [],
): CatalogueProduct {
  return {
    stockCode,
    title,
    price,
    category: title.includes('BAG') ? 'bags' : 'kitchen-dining',
    colours,
    themes: [],
    searchText: title.toLowerCase(),
    orders: 10,
    lastSold: '2011-09-01 10:00:00',
  };
}

async function makeSearch(
  products: CatalogueProduct[],
  embedder: Embedder = hashingEmbedder(),
) {
  const vectors = new Float32Array(products.length * embedder.dimension);
  const embedded = products.length
    ? await hashingEmbedder(embedder.dimension).embed(
        products.map((p) => p.searchText),
      )
    : [];
  embedded.forEach((v, i) => vectors.set(v, i * embedder.dimension));
  const hnsw = buildHnsw(vectors, embedder.dimension);
  const meta = {
    embedderId: embedder.id,
    dimension: embedder.dimension,
    count: products.length,
    catalogueHash: 'x',
    builtAt: '',
    buildSeconds: 0,
  };
  return new CatalogueSearch({
    products,
    index: { meta, hnsw, vectors },
    embedder,
    referenceDate: REFERENCE,
  });
}

const CATALOGUE = [
  product('20725', 'LUNCH BAG RED RETROSPOT', 1.65, ['red']),
  product('20728', 'LUNCH BAG CARS BLUE', 1.65, ['blue']),
  product('22382', 'LUNCH BAG SPACEBOY DESIGN', 1.65),
  product('85099B', 'JUMBO BAG RED RETROSPOT', 2.08, ['red']),
  product('21876', 'POTTERING MUG', 1.25),
];

describe('CatalogueSearch', () => {
  it('applies price and colour filters inside the search', async () => {
    const search = await makeSearch(CATALOGUE);
    const results = await search.search({
      text: 'red lunch bag',
      colours: ['red'],
      maxPrice: 2,
    });
    expect(results.map((r) => r.stockCode)).toEqual(['20725']);
  });

  it('excludes colours and stock codes', async () => {
    const search = await makeSearch(CATALOGUE);
    const results = await search.search({
      text: 'lunch bag',
      excludeColours: ['red'],
      excludeStockCodes: ['20728'],
    });
    expect(results.map((r) => r.stockCode)).toEqual(['22382']);
  });

  it('matches a stock code exactly', async () => {
    const search = await makeSearch(CATALOGUE);
    const [first] = await search.search({ text: 'do you have 85099B' });
    expect(first.stockCode).toBe('85099B');
  });

  it('never throws for k larger than the index', async () => {
    const search = await makeSearch(CATALOGUE);
    const results = await search.search({ text: 'bag', k: 200 });
    expect(results.length).toBeLessThanOrEqual(CATALOGUE.length);
  });

  it('answers an empty index with no results', async () => {
    const search = await makeSearch([]);
    expect(await search.search({ text: 'lunch bag' })).toEqual([]);
  });

  it('survives an embedder that gives a zero vector', async () => {
    const search = await makeSearch(
      CATALOGUE,
      hashingEmbedder(64, { zero: true }),
    );
    const results = await search.search({ text: 'lunch bag' });
    expect(Array.isArray(results)).toBe(true);
  });

  it('survives non-English text and text with no words', async () => {
    const search = await makeSearch(CATALOGUE);
    expect(await search.search({ text: 'sac à main rouge' })).toEqual([]);
    expect(await search.search({ text: '日本語のテキスト' })).toEqual([]);
    expect(await search.search({ text: '?!' })).toEqual([]);
  });

  it('treats products unsold for a year as out of the catalogue', async () => {
    const old = {
      ...product('11111', 'LUNCH BAG OLD STOCK', 1),
      lastSold: '2009-12-01 10:00:00',
    };
    const search = await makeSearch([...CATALOGUE, old]);
    const codes = (
      await search.search({ text: 'lunch bag old stock', k: 10 })
    ).map((r) => r.stockCode);
    expect(codes).not.toContain('11111');
    const all = await search.search({
      text: 'lunch bag old stock',
      k: 10,
      includeDiscontinued: true,
    });
    expect(all.map((r) => r.stockCode)).toContain('11111');
  });
});
