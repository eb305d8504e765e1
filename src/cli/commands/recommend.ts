import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import { ShopmateError } from '../../errors.ts';
import {
  createRecommender,
  RecommendModeSchema,
  type Recommendation,
} from '../../ranking/index.ts';
import { openIngestedDatabase } from '../../store/index.ts';
import { argumentOrFileLines } from '../input-lines.ts';
import { writeJson, writeLine, writeProgress } from '../output.ts';

interface RecommendCliOptions {
  k?: string;
  mode?: string;
  json?: boolean;
  customersFile?: string;
}

/** A customer id, or null for a guest ("guest", "-"): a cold start. */
function parseCustomer(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === 'guest' || trimmed === '-') return null;
  const id = Number(trimmed);
  if (!Number.isSafeInteger(id) || id < 0)
    throw new ShopmateError(
      'INVALID_INPUT',
      `Customer id must be a whole number or "guest", got "${text}"`,
    );
  return id;
}

function readCustomers(options: RecommendCliOptions, id?: string): string[] {
  return argumentOrFileLines(
    id,
    options.customersFile,
    'Give a customer id or --customers-file F',
  );
}

function parseK(text: string | undefined): number {
  if (text === undefined) return 10;
  const k = Number(text);
  if (!Number.isInteger(k) || k < 1 || k > 200)
    throw new ShopmateError(
      'INVALID_INPUT',
      `--k must be a whole number in 1..200, got "${text}"`,
    );
  return k;
}

function describe(recommendation: Recommendation): string[] {
  const who = recommendation.customerId ?? 'guest';
  const lines = [
    `customer ${who}${recommendation.coldStart ? ' (cold start: no purchase history)' : ''}`,
  ];
  recommendation.results.forEach((item, i) =>
    lines.push(
      `${String(i + 1).padStart(3)}. ${item.stockCode} ${item.title} £${item.price.toFixed(2)} [${item.kind}, ${item.score.toFixed(3)}] — ${item.reason}`,
    ),
  );
  return lines;
}

export function registerRecommend(program: Command): void {
  program
    .command('recommend')
    .description(
      'Recommend products for a customer: reorders that are due and new finds',
    )
    .argument('[customerId]', 'customer id, or "guest" for a cold start')
    .option('--k <k>', 'how many products', '10')
    .option('--mode <mode>', 'mixed | reorder | discover', 'mixed')
    .option('--customers-file <file>', 'one customer id per line')
    .option('--json', 'one JSON line per customer')
    .action((id: string | undefined, options: RecommendCliOptions) => {
      const k = parseK(options.k);
      const mode = RecommendModeSchema.safeParse(options.mode);
      if (!mode.success)
        throw new ShopmateError(
          'INVALID_INPUT',
          `--mode must be mixed, reorder or discover, got "${options.mode}"`,
        );
      const customers = readCustomers(options, id).map(parseCustomer);
      const config = getConfig();
      const db = openIngestedDatabase(config.databasePath);
      try {
        const recommender = createRecommender(db, config);
        if (recommender.info.note)
          writeProgress(`note: ${recommender.info.note}`);
        for (const customer of customers) {
          const recommendation = recommender.recommend(customer, {
            k,
            mode: mode.data,
          });
          if (options.json) writeJson(recommendation);
          else for (const line of describe(recommendation)) writeLine(line);
        }
      } finally {
        db.close();
      }
    });
}
