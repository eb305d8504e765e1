import type { Command } from 'commander';
import { getConfig } from '../../config.ts';
import {
  getCustomerProfile,
  loadOrFitChurnModel,
  DEFAULT_HORIZON_DAYS,
  type CustomerProfile,
} from '../../customers/index.ts';
import { ShopmateError } from '../../errors.ts';
import { getReferenceDate, openIngestedDatabase } from '../../store/index.ts';
import { argumentOrFileLines } from '../input-lines.ts';
import { writeJson, writeLine, writeProgress } from '../output.ts';

interface CustomerOptions {
  json?: boolean;
  horizonDays?: string;
  customersFile?: string;
}

function parseCustomerId(text: string): number {
  const id = Number(text.trim());
  if (!Number.isSafeInteger(id) || id < 0)
    throw new ShopmateError(
      'INVALID_INPUT',
      `Customer id must be a whole number, got "${text}"`,
    );
  return id;
}

function parseHorizon(text: string | undefined): number {
  if (text === undefined) return DEFAULT_HORIZON_DAYS;
  const days = Number(text);
  if (!Number.isFinite(days) || days <= 0 || days > 3650)
    throw new ShopmateError(
      'INVALID_INPUT',
      `--horizon-days must be a number of days in (0, 3650], got "${text}"`,
    );
  return days;
}

function readIds(options: CustomerOptions, id: string | undefined): string[] {
  return argumentOrFileLines(
    id,
    options.customersFile,
    'Give a customer id or --customers-file F',
  );
}

function describeProfile(profile: CustomerProfile): string[] {
  const money = profile.monetary;
  const lines = [
    `customer ${profile.customerId} (${profile.country}) at ${profile.referenceDate}`,
    `orders ${profile.orders}, first ${profile.firstOrderDate ?? '-'}, last ${profile.lastOrderDate ?? '-'}`,
    `recency ${profile.recencyDays ?? '-'} days, repeat purchases ${profile.frequency}, spend £${money.totalSpend} (avg basket £${money.averageBasket}), returned £${money.returnedValue} in ${profile.cancellations} cancellations`,
  ];
  if (profile.stage)
    lines.push(
      `stage ${profile.stage} (${profile.stageReason}); P(alive) ${profile.pAlive?.toFixed(3)}, expected purchases in ${profile.horizonDays} days ${profile.expectedPurchases?.toFixed(2)}`,
    );
  for (const product of profile.favouriteProducts)
    lines.push(
      `  ${product.stockCode} ${product.title} — bought ${product.timesBought}×`,
    );
  return lines;
}

export function registerCustomer(program: Command): void {
  program
    .command('customer')
    .description(
      "A customer's profile: RFM, favourites, returns, P(alive), expected purchases and lifecycle stage",
    )
    .argument('[id]', 'customer id')
    .option('--horizon-days <n>', 'horizon of expected purchases, in days')
    .option('--customers-file <file>', 'one customer id a line')
    .option('--json', 'one JSON line per customer')
    .action(async (id: string | undefined, options: CustomerOptions) => {
      const config = getConfig();
      const horizonDays = parseHorizon(options.horizonDays);
      const ids = readIds(options, id).map(parseCustomerId);
      const db = openIngestedDatabase(config.databasePath);
      try {
        const referenceDate = getReferenceDate(db, config);
        writeProgress('loading churn model…');
        const model = loadOrFitChurnModel(db, config);
        let missing = 0;
        for (const customerId of ids) {
          const profile = getCustomerProfile(db, customerId, {
            referenceDate,
            horizonDays,
            model: model.params,
          });
          if (!profile && ids.length === 1)
            throw new ShopmateError(
              'NOT_FOUND',
              `No customer with id ${customerId}`,
            );
          if (!profile) {
            missing++;
            const error = {
              code: 'NOT_FOUND',
              message: `No customer with id ${customerId}`,
            };
            if (options.json) writeJson({ customerId, error });
            else writeProgress(`shopmate: ${error.message} [NOT_FOUND]`);
            continue;
          }
          if (options.json) writeJson(profile);
          else for (const line of describeProfile(profile)) writeLine(line);
        }
        // A batch reports every id, then fails if any was unknown.
        if (missing > 0) process.exitCode = 2;
      } finally {
        db.close();
      }
    });
}
