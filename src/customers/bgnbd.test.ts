import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getConfig } from '../config.ts';
import {
  customerLogLikelihood,
  expectedPurchases,
  fit,
  logLikelihood,
  pAlive,
  type BgNbdFit,
  type BgNbdParams,
} from './bgnbd.ts';
import { CDNOW_PAPER_ESTIMATES, readCdnowSummary } from './cdnow.ts';

const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Gauss's series, summed directly: a reference for moderate arguments. */
function hypergeometric(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** The paper's eq. 10, written naively. */
function naiveExpected(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const bracket =
    1 -
    ((alpha + T) / (alpha + T + t)) ** (r + x) *
      hypergeometric(r + x, b + x, a + b + x - 1, z);
  const death =
    x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0;
  return (((a + b + x - 1) / (a - 1)) * bracket) / (1 + death);
}

describe('BG/NBD on the CDNOW sample (the paper’s estimates)', () => {
  let result: BgNbdFit;

  beforeAll(() => {
    const dataDir = getConfig().dataDir;
    if (!fs.existsSync(dataDir))
      throw new Error(
        `DATA_DIR ${dataDir} does not exist: run the tests with DATA_DIR=/path/to/shared/data`,
      );
    result = fit(readCdnowSummary(dataDir));
  });

  it('recovers r, α, a, b within 0.001 and ln L within 0.1', () => {
    expect(result.customers).toBe(2357);
    expect(Math.abs(result.r - CDNOW_PAPER_ESTIMATES.r)).toBeLessThan(0.001);
    expect(Math.abs(result.alpha - CDNOW_PAPER_ESTIMATES.alpha)).toBeLessThan(
      0.001,
    );
    expect(Math.abs(result.a - CDNOW_PAPER_ESTIMATES.a)).toBeLessThan(0.001);
    expect(Math.abs(result.b - CDNOW_PAPER_ESTIMATES.b)).toBeLessThan(0.001);
    expect(
      Math.abs(result.logLikelihood - CDNOW_PAPER_ESTIMATES.logLikelihood),
    ).toBeLessThan(0.1);
  });

  it('reproduces the paper’s conditional expectation example', () => {
    // x = 2, t_x = 30.43, T = 38.86 weeks: 1.226 purchases in the next 39.
    expect(expectedPurchases(PAPER, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3);
  });
});

describe('BG/NBD numerics', () => {
  const cases: [BgNbdParams, number, number, number, number][] = [
    [PAPER, 39, 2, 30.43, 38.86],
    [PAPER, 39, 0, 0, 38.86],
    [PAPER, 52, 0, 0, 0],
    [{ r: 0.8, alpha: 60, a: 1.5, b: 3 }, 91, 5, 200, 400],
    [{ r: 0.8, alpha: 60, a: 0.3, b: 0.4 }, 91, 1, 20, 400],
    [{ r: 2, alpha: 60, a: 0.3, b: 0.4 }, 91, 50, 380, 400],
    [{ r: 0.5, alpha: 10, a: 2.5, b: 5 }, 500, 3, 50, 60],
  ];

  it.each(cases)(
    'expected purchases match the direct 2F1 formula (%#)',
    (params, t, x, tx, T) => {
      const ours = expectedPurchases(params, t, x, tx, T);
      expect(ours / naiveExpected(params, t, x, tx, T)).toBeCloseTo(1, 9);
    },
  );

  it('is continuous through a = 1, where the paper’s form is 0/0', () => {
    const at = (a: number) =>
      expectedPurchases({ r: 0.8, alpha: 60, a, b: 3 }, 91, 5, 200, 400);
    expect(at(1)).toBeGreaterThan(0);
    expect(at(1)).toBeCloseTo(at(1 + 1e-9), 8);
    expect(at(1)).toBeCloseTo(at(1 - 1e-9), 8);
  });

  it('handles x = 0 with a + b < 1 (the 2F1 parameter c ≤ 0)', () => {
    const value = expectedPurchases(
      { r: 0.5, alpha: 10, a: 0.3, b: 0.4 },
      50,
      0,
      0,
      100,
    );
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
  });

  it('gives zero repeat buyers P(alive) = 1 and a finite likelihood', () => {
    expect(pAlive(PAPER, 0, 0, 38.86)).toBe(1);
    expect(Number.isFinite(customerLogLikelihood(PAPER, 0, 0, 38.86))).toBe(
      true,
    );
    expect(Number.isFinite(customerLogLikelihood(PAPER, 0, 0, 0))).toBe(true);
  });

  it('stays finite for huge frequencies', () => {
    for (const [x, tx] of [
      [1e6, 38],
      [1e6, 38.86],
      [1e9, 10],
    ]) {
      const alive = pAlive(PAPER, x, tx, 38.86);
      const expected = expectedPurchases(PAPER, 39, x, tx, 38.86);
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
      expect(Number.isFinite(expected)).toBe(true);
      expect(Number.isFinite(customerLogLikelihood(PAPER, x, tx, 38.86))).toBe(
        true,
      );
    }
    // Bought a million times, last purchase just now: alive but for the
    // a/(b+x−1) chance of dropping out right after that purchase.
    expect(pAlive(PAPER, 1e6, 38.86, 38.86)).toBeCloseTo(1, 5);
    // …and then silent for a week: surely gone.
    expect(pAlive(PAPER, 1e6, 31.86, 38.86)).toBe(0);
  });

  it('returns 0 for a zero horizon', () => {
    expect(expectedPurchases(PAPER, 0, 2, 30, 38)).toBe(0);
  });

  it('fits without NaN when every customer has zero repeats', () => {
    const summaries = Array.from({ length: 50 }, (_, i) => ({
      frequency: 0,
      recency: 0,
      T: 10 + i,
    }));
    const result = fit(summaries);
    for (const value of Object.values(result))
      expect(Number.isNaN(value)).toBe(false);
    expect(Number.isFinite(result.logLikelihood)).toBe(true);
  });

  it('fits without NaN with huge frequencies in the data', () => {
    const summaries = [
      ...Array.from({ length: 40 }, (_, i) => ({
        frequency: i % 5,
        recency: (i % 5) * 6,
        T: 40,
      })),
      { frequency: 50_000, recency: 39.9, T: 40 },
      { frequency: 2_000_000, recency: 40, T: 40 },
    ];
    const result = fit(summaries);
    for (const value of Object.values(result))
      expect(Number.isFinite(value)).toBe(true);
    expect(result.logLikelihood).toBeCloseTo(
      logLikelihood(result, summaries),
      6,
    );
  });

  it('rejects invalid summaries', () => {
    expect(() => fit([])).toThrow();
    expect(() => fit([{ frequency: -1, recency: 0, T: 1 }])).toThrow();
  });
});
