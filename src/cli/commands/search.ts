import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { ShopmateError } from '../../errors.ts';
import {
  CATEGORY_IDS,
  COLOURS,
  loadCatalogueSearch,
  type CatalogueSearch,
  type SearchQuery,
} from '../../retrieval/index.ts';
import { openIngestedDatabase } from '../../store/index.ts';
import { readQueryConstraints } from '../query-constraints.ts';
import { argumentOrFileLines } from '../input-lines.ts';
import { writeJson, writeLine } from '../output.ts';

interface SearchOptions {
  minPrice?: string;
  maxPrice?: string;
  category?: string;
  colour?: string;
  k: string;
  json?: boolean;
  queriesFile?: string;
  parse: boolean;
}

function numberOption(
  name: string,
  value: string | undefined,
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    throw new ShopmateError(
      'INVALID_INPUT',
      `--${name} must be a number ≥ 0, got "${value}"`,
    );
  return number;
}

function parseK(value: string): number {
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 200)
    throw new ShopmateError(
      'INVALID_INPUT',
      `--k must be a whole number from 1 to 200, got "${value}"`,
    );
  return k;
}

/** A flag value that must be one of a fixed list, named in the error. */
function oneOf(
  flag: string,
  value: string | undefined,
  allowed: readonly string[],
): string | undefined {
  if (value === undefined) return undefined;
  const normalised = value.trim().toLowerCase().replace(/\s+/g, '-');
  if (allowed.includes(normalised)) return normalised;
  throw new ShopmateError(
    'INVALID_INPUT',
    `--${flag} must be one of ${allowed.join(', ')}; got "${value}"`,
  );
}

/** Flags win over what the text itself says ("under £2", "in red"). */
function toQuery(text: string, options: SearchOptions): SearchQuery {
  const parsed = options.parse ? readQueryConstraints(text) : {};
  const minPrice =
    numberOption('min-price', options.minPrice) ?? parsed.minPrice;
  const maxPrice =
    numberOption('max-price', options.maxPrice) ?? parsed.maxPrice;
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice)
    throw new ShopmateError(
      'INVALID_INPUT',
      `the lowest price (${minPrice}) is above the highest (${maxPrice})`,
    );
  const category = oneOf('category', options.category, CATEGORY_IDS);
  const colour = oneOf('colour', options.colour, COLOURS);
  return {
    ...parsed,
    text,
    k: parseK(options.k),
    minPrice,
    maxPrice,
    categories: category ? [category] : parsed.categories,
    colours: colour ? [colour] : parsed.colours,
  };
}

async function printSearch(
  search: CatalogueSearch,
  text: string,
  options: SearchOptions,
) {
  const query = toQuery(text, options);
  const results = await search.search(query);
  if (options.json) {
    writeJson({ query: text, results });
    return;
  }
  writeLine(`"${text}" — ${results.length} result(s)`);
  if (results.length === 0) writeLine('  nothing in the catalogue matches');
  for (const r of results)
    writeLine(
      `  ${r.stockCode.padEnd(8)} £${r.price.toFixed(2).padStart(6)}  ${r.title}  [${r.category}; ${r.colours.join(', ') || '-'}] ${r.score}`,
    );
}

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('Search the catalogue (filters apply inside the search)')
    .argument('[text]', 'what the shopper typed')
    .option('--min-price <n>', 'lowest price in GBP')
    .option('--max-price <n>', 'highest price in GBP')
    .option('--category <c>', 'one category of the taxonomy')
    .option('--colour <c>', 'a colour the product must have')
    .option('--k <k>', 'how many results', '10')
    .option(
      '--queries-file <file>',
      'one query per line; one JSON line per query',
    )
    .option('--no-parse', 'do not read price bounds and colours from the text')
    .option('--json', 'print JSON')
    .action(async (text: string | undefined, options: SearchOptions) => {
      if (!text?.trim() && !options.queriesFile)
        throw new ShopmateError(
          'INVALID_INPUT',
          'Give a query text or --queries-file F',
        );
      const config = getConfig();
      const db = openIngestedDatabase(config.databasePath);
      try {
        const search = await loadCatalogueSearch(db, config);
        if (options.queriesFile) {
          const lines = argumentOrFileLines(
            undefined,
            options.queriesFile,
            'Give a query text or --queries-file F',
          );
          for (const line of lines)
            await printSearch(search, line, { ...options, json: true });
        } else await printSearch(search, text!, options);
      } finally {
        db.close();
      }
    });
}
