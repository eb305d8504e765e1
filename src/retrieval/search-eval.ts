/**
 * `shopmate eval` section "search": the fused search against its two halves
 * (words only, nearest neighbours only) on hand-judged shopper queries.
 */
import fs from 'node:fs';
import { z } from 'zod';
import type { CatalogueSearch } from './search-catalogue.ts';

const JudgementsSchema = z.object({
  queries: z.array(
    z.object({ query: z.string(), relevant: z.string().nullable() }),
  ),
});

const FIXTURE = new URL('./fixtures/search-judgements.json', import.meta.url);
const K = 5;
const STRATEGIES = ['fused', 'lexical', 'vector'] as const;

interface StrategyScore {
  /** Relevant results in the top 5, over min(5, relevant products that exist). */
  precision5: number;
  /** Queries with at least one relevant result in the top 5. */
  success5: number;
  /** Queries for things the shop does not sell that got no results. */
  noMatch: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export async function evaluateSearch(search: CatalogueSearch) {
  const { queries } = JudgementsSchema.parse(
    JSON.parse(fs.readFileSync(FIXTURE, 'utf8')),
  );
  // Judged queries whose products are all discontinued are left out.
  const inCatalogue = queries.filter(
    (q) =>
      q.relevant !== null &&
      search.products.some(
        (p) => search.isInCatalogue(p) && new RegExp(q.relevant!).test(p.title),
      ),
  );
  const outOfCatalogue = queries.filter((q) => q.relevant === null);
  const scores = {} as Record<(typeof STRATEGIES)[number], StrategyScore>;
  const misses: string[] = [];

  for (const strategy of STRATEGIES) {
    let precision = 0;
    let success = 0;
    for (const q of inCatalogue) {
      const pattern = new RegExp(q.relevant!);
      const available = search.products.filter(
        (p) => search.isInCatalogue(p) && pattern.test(p.title),
      ).length;
      if (available === 0) continue;
      const results = await search.search({ text: q.query, k: K, strategy });
      const hits = results.filter((r) => pattern.test(r.title)).length;
      precision += hits / Math.min(K, Math.max(available, 1));
      if (hits > 0) success++;
      else if (strategy === 'fused') misses.push(q.query);
    }
    let empty = 0;
    for (const q of outOfCatalogue) {
      const results = await search.search({ text: q.query, k: K, strategy });
      if (results.length === 0) empty++;
    }
    scores[strategy] = {
      precision5: round(precision / inCatalogue.length),
      success5: round(success / inCatalogue.length),
      noMatch: round(empty / Math.max(outOfCatalogue.length, 1)),
    };
  }

  const line = (name: string, s: StrategyScore) =>
    `${name.padEnd(28)} precision@5 ${s.precision5.toFixed(3)}  success@5 ${s.success5.toFixed(3)}  no-match on unsold things ${s.noMatch.toFixed(3)}`;
  return {
    json: {
      n: inCatalogue.length,
      nOutOfCatalogue: outOfCatalogue.length,
      ...scores,
      misses,
    },
    lines: [
      `${inCatalogue.length} shopper queries with judged products, ${outOfCatalogue.length} for things the shop does not sell`,
      line('fused (shopmate)', scores.fused),
      line('baseline: words only', scores.lexical),
      line('baseline: vectors only', scores.vector),
      `fused misses: ${misses.join('; ') || 'none'}`,
    ],
  };
}
