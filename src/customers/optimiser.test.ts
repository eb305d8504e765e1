import { describe, expect, it } from 'vitest';
import { minimise } from './optimiser.ts';

const rosenbrock = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

describe('minimise', () => {
  it('finds the Rosenbrock minimum through fmin with restarts', () => {
    const result = minimise(rosenbrock, [-1.2, 1]);
    expect(result.x[0]).toBeCloseTo(1, 3);
    expect(result.x[1]).toBeCloseTo(1, 3);
  });

  it('polishes with conjugate gradient when restarts run out', () => {
    const result = minimise(rosenbrock, [-1.2, 1], { maxRestarts: 1 });
    expect(result.fx).toBeLessThan(rosenbrock([-1.2, 1]));
    expect(Number.isFinite(result.fx)).toBe(true);
  });

  it('walks away from NaN and infinite regions', () => {
    const f = ([x]: number[]) => (x < 0 ? Number.NaN : (x - 2) ** 2);
    const result = minimise(f, [1]);
    expect(result.x[0]).toBeCloseTo(2, 4);
  });
});
