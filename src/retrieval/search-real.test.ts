import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../config.ts';
import { getIngestedDb } from '../test-helpers/index.ts';
import { loadCatalogueSearch } from './load-search.ts';
import type { CatalogueSearch } from './search-catalogue.ts';

// The acceptance cases of issue #2, on the real catalogue with the real embedder.
describe('catalogue search on the real shop', () => {
  let search: CatalogueSearch;
  beforeAll(async () => {
    search = await loadCatalogueSearch(getIngestedDb(), getConfig());
  });

  it('"lunch bag" finds the lunch bags', async () => {
    const results = await search.search({ text: 'lunch bag', k: 10 });
    expect(results).toHaveLength(10);
    for (const r of results) expect(r.title).toMatch(/LUNCH BAG/);
  });

  it('"red lunch bag under £2" returns only red bags at ≤ £2', async () => {
    const results = await search.search({
      text: 'red lunch bag',
      colours: ['red'],
      maxPrice: 2,
      k: 10,
    });
    expect(results.length).toBeGreaterThan(0);
    expect(results[0].title).toMatch(/LUNCH BAG RED/);
    for (const r of results) {
      expect(r.price).toBeLessThanOrEqual(2);
      expect(r.colours).toContain('red');
      expect(r.category).toBe('bags');
    }
  });

  it('"something to hang tea lights in" finds tea-light holders without the words matching', async () => {
    const results = await search.search({
      text: 'something to hang tea lights in',
      k: 5,
    });
    expect(results).toHaveLength(5);
    for (const r of results) expect(r.title).toMatch(/T-?LIGHT|TEA ?LIGHT/);
  });

  it('"polka dot" meets RETROSPOT', async () => {
    const results = await search.search({ text: 'polka dot', k: 10 });
    expect(results.some((r) => /RETROSPOT/.test(r.title))).toBe(true);
  });

  it('"laptop charger" and other things the shop does not sell return nothing', async () => {
    for (const text of ['laptop charger', 'iphone case', 'car tyres'])
      expect(await search.search({ text, k: 10 })).toEqual([]);
  });
});
