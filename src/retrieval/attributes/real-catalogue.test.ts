import { describe, expect, it } from 'vitest';
import { getIngestedDb } from '../../test-helpers/index.ts';
import { categoriseTitle } from './categorise.ts';
import { categoryEvalReport } from './category-eval.ts';
import { deriveCatalogueAttributes } from './fallback.ts';

describe('attributes of the real catalogue', () => {
  const titles = getIngestedDb()
    .prepare('SELECT title FROM products')
    .pluck()
    .all() as string[];

  it('places almost every title by rules, the rest by the fallback', () => {
    expect(titles.length).toBeGreaterThan(4000);
    const unmatched = titles.filter((t) => !categoriseTitle(t).matched);
    expect(unmatched.length / titles.length).toBeLessThan(0.02);
    const attributes = deriveCatalogueAttributes(titles);
    const other = attributes.filter((a) => a.category === 'other');
    expect(other.length / titles.length).toBeLessThan(0.03);
  });

  it('reports the eval section with the fallback trained on the store', () => {
    const report = categoryEvalReport(titles);
    expect(report.json).toMatchObject({ n: 150 });
    expect(report.json.withFallbackAccuracy).toBeGreaterThan(0.9);
    expect(report.lines[0]).toMatch(/vs majority class/);
  });
});
