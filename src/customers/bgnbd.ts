/**
 * The BG/NBD model of Fader, Hardie & Lee (2005), "Counting your customers the
 * easy way". Purchases follow a Poisson process with rate λ ~ Gamma(r, α);
 * after each purchase the customer drops out with probability p ~ Beta(a, b).
 *
 * Everything is computed in log space; the conditional expectation avoids the
 * unstable form [1 − (…)·2F1(…)]/(a − 1) (see `expectedPurchases`).
 */
import { z } from 'zod';
import { logBeta, logGamma } from './log-gamma.ts';
import { minimise } from './optimiser.ts';

export const PurchaseSummarySchema = z.object({
  /** Repeat purchases x (purchase periods after the first). */
  frequency: z.number().int().min(0),
  /** t_x: time from first to last purchase. */
  recency: z.number().min(0),
  /** T: time from first purchase to the end of observation. */
  T: z.number().min(0),
});
export type PurchaseSummary = z.infer<typeof PurchaseSummarySchema>;

export const BgNbdParamsSchema = z.object({
  r: z.number().positive(),
  alpha: z.number().positive(),
  a: z.number().positive(),
  b: z.number().positive(),
});
export type BgNbdParams = z.infer<typeof BgNbdParamsSchema>;

export const BgNbdFitSchema = BgNbdParamsSchema.extend({
  logLikelihood: z.number(),
  customers: z.number().int().min(0),
  restarts: z.number().int().min(0),
});
export type BgNbdFit = z.infer<typeof BgNbdFitSchema>;

function logAddExp(u: number, v: number): number {
  const hi = Math.max(u, v);
  if (hi === Number.NEGATIVE_INFINITY) return hi;
  return hi + Math.log1p(Math.exp(Math.min(u, v) - hi));
}

/** ln L of one customer (eq. 6 of the paper, in logs). */
export function customerLogLikelihood(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = params;
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logBeta(a, b + x) - logBeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/** Sum of ln L over customers. */
export function logLikelihood(
  params: BgNbdParams,
  summaries: readonly PurchaseSummary[],
): number {
  let total = 0;
  for (const s of summaries)
    total += customerLogLikelihood(params, s.frequency, s.recency, s.T);
  return total;
}

/**
 * Identical (x, t_x, T) triples share one likelihood term; real cohorts have
 * many (every x = 0 customer of one cohort), so this makes each step cheaper.
 */
function groupSummaries(summaries: readonly PurchaseSummary[]) {
  const groups = new Map<string, { s: PurchaseSummary; n: number }>();
  for (const s of summaries) {
    const key = `${s.frequency}|${s.recency}|${s.T}`;
    const group = groups.get(key);
    if (group) group.n++;
    else groups.set(key, { s, n: 1 });
  }
  return [...groups.values()];
}

const LOG_BOUND = 30;

function paramsFromLogs(logs: number[]): BgNbdParams {
  const [r, alpha, a, b] = logs.map(Math.exp);
  return { r, alpha, a, b };
}

/**
 * Maximum-likelihood fit over log-parameters (so every parameter stays
 * positive), with Nelder–Mead restarts and a gradient polish.
 */
export function fit(summaries: readonly PurchaseSummary[]): BgNbdFit {
  const data = summaries.map((s) => PurchaseSummarySchema.parse(s));
  if (data.length === 0)
    throw new RangeError('BG/NBD fit needs at least one customer');
  const groups = groupSummaries(data);
  const negative = (logs: number[]): number => {
    if (logs.some((v) => Math.abs(v) > LOG_BOUND))
      return Number.POSITIVE_INFINITY;
    const params = paramsFromLogs(logs);
    let total = 0;
    for (const { s, n } of groups)
      total += n * customerLogLikelihood(params, s.frequency, s.recency, s.T);
    return -total;
  };

  // α/r is the mean time between purchases: start there, on the data's scale.
  const meanT = data.reduce((sum, s) => sum + s.T, 0) / data.length;
  const meanX = data.reduce((sum, s) => sum + s.frequency, 0) / data.length;
  const start = [0, Math.log(Math.max(meanT, 1e-3) / (meanX + 1)), 0, 0];
  const result = minimise(negative, start);

  const params = paramsFromLogs(result.x);
  return {
    ...params,
    logLikelihood: -result.fx,
    customers: data.length,
    restarts: result.restarts,
  };
}

/** ln of the odds ratio "dropped out after the last purchase" vs "alive". */
function logDeathOdds(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  const { r, alpha, a, b } = params;
  return (
    Math.log(a) -
    Math.log(b + x - 1) +
    (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))
  );
}

/**
 * P(alive | x, t_x, T). Exactly 1 for x = 0 — the model's assumption that
 * nobody drops out before a repeat purchase, not evidence of loyalty.
 */
export function pAlive(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
): number {
  const odds = logDeathOdds(params, x, tx, T);
  // 1 / (1 + e^odds), written to neither overflow nor lose small values.
  return odds > 0
    ? Math.exp(-odds) / (1 + Math.exp(-odds))
    : 1 / (1 + Math.exp(odds));
}

const SERIES_MAX_TERMS = 100_000;
const SERIES_TOLERANCE = 1e-15;

/**
 * E[Y(t) | x, t_x, T], the expected purchases in the next t time units.
 *
 * The paper's form is (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x}
 * ·2F1(r+x, b+x; a+b+x−1; z)] / (1 + δ…), z = t/(α+T+t). It is 0/0 near
 * a = 1, negative/negative for a < 1, and its 2F1 diverges as z → 1. Euler's
 * transform turns the bracket into 1 − (1−z)^{a−1}·2F1(a+b−1−r, a−1; c; z),
 * c = a+b+x−1; every series term after the first carries the factor (a−1),
 * which cancels the denominator exactly, leaving
 *   c·[1 − (1−z)^{a−1}]/(a−1) − (1−z)^{a−1} Σ_{k≥1} T_k,
 *   T_k = (a+b−1−r)_k (a)_{k−1} z^k / ((c+1)_{k−1} k!),
 * with no division by (a−1) or by c (c can be ≤ 0 when x = 0). The result is
 * multiplied by P(alive). With x = t_x = T = 0 this is E[X(t)] of a new
 * customer.
 */
export function expectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  if (!(t > 0)) return 0;
  const { r, alpha, a, b } = params;
  const c = a + b + x - 1;
  const A = a + b - 1 - r;
  const z = t / (alpha + T + t);
  const log1mz = Math.log(alpha + T) - Math.log(alpha + T + t);

  // [1 − (1−z)^{a−1}]/(a−1), with its limit −ln(1−z) at a = 1.
  const am1 = a - 1;
  const head =
    Math.abs(am1) < 1e-12 ? -log1mz : -Math.expm1(am1 * log1mz) / am1;

  let term = A * z;
  let sum = term;
  for (let k = 1; k < SERIES_MAX_TERMS; k++) {
    term *= ((A + k) * (a + k - 1) * z) / ((c + k) * (k + 1));
    sum += term;
    if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum)) break;
  }

  const value = c * head - Math.exp(am1 * log1mz) * sum;
  const expected = Math.max(0, value) * pAlive(params, x, tx, T);
  return Number.isFinite(expected) ? expected : 0;
}
