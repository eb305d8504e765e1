/**
 * The shop's fitted BG/NBD model: fitted on every customer's purchases up to
 * the reference date, saved to STATE_DIR/churn-model.json, and reused while
 * the store's ingest and the reference date are unchanged.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { moduleLogger } from '../logger.ts';
import {
  formatShopTime,
  getReferenceDate,
  type Db,
  dataVersion,
} from '../store/index.ts';
import { BgNbdParamsSchema, fit, type PurchaseSummary } from './bgnbd.ts';
import {
  dayNumber,
  readPurchaseDays,
  summarisePurchaseDays,
} from './purchase-history.ts';

const log = moduleLogger('customers');

export const CHURN_MODEL_FILE = 'churn-model.json';
const CHURN_MODEL_VERSION = 1;

export const ChurnModelSchema = z.object({
  version: z.literal(CHURN_MODEL_VERSION),
  params: BgNbdParamsSchema,
  logLikelihood: z.number(),
  customers: z.number().int().min(0),
  timeUnit: z.literal('day'),
  /** The shop time the histories were cut at ('YYYY-MM-DD HH:MM:SS'). */
  referenceDate: z.string(),
  /** sha256 of the store's meta 'ingest' value at fit time. */
  ingestHash: z.string(),
  /** Wall-clock time of the fit, for operators only. */
  fittedAt: z.string(),
});
export type ChurnModel = z.infer<typeof ChurnModelSchema>;

/** Every customer's (x, t_x, T) in days, observed up to `until`. */
export function readPurchaseSummaries(
  db: Db,
  until: Date,
): Map<number, PurchaseSummary> {
  const endDay = dayNumber(until);
  const summaries = new Map<number, PurchaseSummary>();
  for (const [customerId, days] of readPurchaseDays(db, until)) {
    const summary = summarisePurchaseDays(days, endDay);
    if (summary) summaries.set(customerId, summary);
  }
  return summaries;
}

function ingestHash(db: Db): string {
  return createHash('sha256').update(dataVersion(db)).digest('hex');
}

/** Fits BG/NBD on the store's histories cut at `until`. */
export function fitChurnModel(db: Db, until: Date): ChurnModel {
  const summaries = [...readPurchaseSummaries(db, until).values()];
  const started = performance.now();
  const result = fit(summaries);
  log.info(
    {
      customers: result.customers,
      restarts: result.restarts,
      latencyMs: Math.round(performance.now() - started),
    },
    'fitted BG/NBD churn model',
  );
  return {
    version: CHURN_MODEL_VERSION,
    params: {
      r: result.r,
      alpha: result.alpha,
      a: result.a,
      b: result.b,
    },
    logLikelihood: result.logLikelihood,
    customers: result.customers,
    timeUnit: 'day',
    referenceDate: formatShopTime(until),
    ingestHash: ingestHash(db),
    fittedAt: new Date().toISOString(),
  };
}

function readSavedModel(file: string): ChurnModel | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed = ChurnModelSchema.safeParse(
      JSON.parse(fs.readFileSync(file, 'utf8')),
    );
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A torn or hand-edited file is simply refitted.
    return undefined;
  }
}

function saveModel(file: string, model: ChurnModel): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(model, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

/**
 * The churn model for the store as it is now: loaded from
 * STATE_DIR/churn-model.json, or refitted (and saved) when the file is
 * missing, unreadable, from another ingest or for another reference date.
 */
export function loadOrFitChurnModel(
  db: Db,
  config: Pick<Config, 'stateDir' | 'REFERENCE_DATE'>,
  options: { force?: boolean } = {},
): ChurnModel {
  const file = path.join(config.stateDir, CHURN_MODEL_FILE);
  const referenceDate = getReferenceDate(db, config);
  const saved = options.force ? undefined : readSavedModel(file);
  if (
    saved &&
    saved.ingestHash === ingestHash(db) &&
    saved.referenceDate === formatShopTime(referenceDate)
  ) {
    log.debug({ file }, 'loaded churn model');
    return saved;
  }
  const model = fitChurnModel(db, referenceDate);
  saveModel(file, model);
  return model;
}
