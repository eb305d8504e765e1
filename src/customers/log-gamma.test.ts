import { describe, expect, it } from 'vitest';
import { logBeta, logGamma } from './log-gamma.ts';

describe('logGamma', () => {
  it('matches factorials and Γ(1/2)', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(2)).toBeCloseTo(0, 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  it('stays finite and accurate for tiny and huge arguments', () => {
    // Γ(x) ≈ 1/x − γ near 0.
    expect(logGamma(1e-10)).toBeCloseTo(-Math.log(1e-10) - 0.5772156649e-10, 8);
    const x = 1e7;
    const stirling =
      (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    expect(logGamma(x) / stirling - 1).toBeLessThan(1e-13);
  });

  it('is NaN outside its domain', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });

  it('gives ln B(a, b)', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
  });
});
