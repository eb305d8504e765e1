/**
 * Minimisation through the `fmin` library (Nelder–Mead, then a
 * conjugate-gradient polish), with restarts.
 *
 * Two quirks of fmin 0.0.4 are handled here on purpose:
 * - its `main` is a UMD bundle inside a `"type": "module"` package, so under
 *   Node's ESM loader it exports nothing and sets `globalThis.fmin` instead;
 * - its Nelder–Mead shrink step assigns an undeclared loop variable and throws
 *   in strict mode (benfred/fmin#20, #23). With `sigma: 1` the method stops
 *   where it would shrink, and we restart from the best vertex with a fresh
 *   simplex, which is also the usual cure for a collapsed simplex.
 */
import 'fmin';
import type * as Fmin from 'fmin';
import { ShopmateError } from '../errors.ts';

type FminApi = Pick<typeof Fmin, 'nelderMead' | 'conjugateGradient'>;

function loadFmin(): FminApi {
  const api = (globalThis as { fmin?: Partial<FminApi> }).fmin;
  if (
    typeof api?.nelderMead !== 'function' ||
    typeof api.conjugateGradient !== 'function'
  )
    throw new ShopmateError(
      'MODEL_UNAVAILABLE',
      'The optimiser library fmin did not load (expected globalThis.fmin)',
    );
  return api as FminApi;
}

export interface MinimiseOptions {
  /** Size of the first simplex step along each coordinate. */
  step?: number;
  maxRestarts?: number;
  /** Converged when a round improves f by less than this. */
  tolerance?: number;
}

export interface MinimiseResult {
  x: number[];
  fx: number;
  /** Nelder–Mead rounds run (the first one included). */
  restarts: number;
  polished: boolean;
}

/**
 * Minimises f from x0. f may return Infinity for points outside its domain;
 * NaN is treated as Infinity so the simplex walks away from it.
 */
export function minimise(
  f: (x: number[]) => number,
  x0: number[],
  options: MinimiseOptions = {},
): MinimiseResult {
  const { nelderMead, conjugateGradient } = loadFmin();
  const step = options.step ?? 0.5;
  const maxRestarts = options.maxRestarts ?? 30;
  const tolerance = options.tolerance ?? 1e-9;
  const safe = (x: number[]): number => {
    const value = f(x);
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };

  let best = { x: [...x0], fx: safe(x0) };
  let restarts = 0;
  let converged = false;
  for (; restarts < maxRestarts && !converged; restarts++) {
    // fmin sizes the first simplex from the start point, so search in
    // coordinates centred on the current best: every step is then `step`.
    const centre = best.x;
    const shifted = (u: number[]) => safe(u.map((v, i) => v + centre[i]));
    const round = nelderMead(
      shifted,
      x0.map(() => 0),
      {
        zeroDelta: step,
        // fmin also reads its x tolerance from minErrorDelta (benfred/fmin#14).
        minErrorDelta: 1e-7,
        maxIterations: 400 * x0.length,
        sigma: 1,
      },
    );
    const improvement = best.fx - round.fx;
    if (round.fx < best.fx)
      best = { x: round.x.map((v, i) => v + centre[i]), fx: round.fx };
    converged = !(improvement > tolerance);
  }

  // Restarts still paying off at the cap means the simplex stalls on a long
  // valley: a gradient method follows it better.
  const polished = converged
    ? undefined
    : polish(conjugateGradient, safe, best);
  return {
    ...(polished ?? best),
    restarts,
    polished: polished !== undefined,
  };
}

/** A gradient step from the simplex's answer; kept only if it is better. */
function polish(
  conjugateGradient: FminApi['conjugateGradient'],
  f: (x: number[]) => number,
  start: { x: number[]; fx: number },
): { x: number[]; fx: number } | undefined {
  const h = 1e-6;
  const withGradient = (x: number[], gradient: number[]): number => {
    for (let i = 0; i < x.length; i++) {
      const up = [...x];
      const down = [...x];
      up[i] += h;
      down[i] -= h;
      gradient[i] = (f(up) - f(down)) / (2 * h);
      if (!Number.isFinite(gradient[i])) gradient[i] = 0;
    }
    return f(x);
  };
  const result = conjugateGradient(withGradient, [...start.x], {
    maxIterations: 50,
  });
  if (Number.isFinite(result.fx) && result.fx < start.fx)
    return { x: [...result.x], fx: result.fx };
  return undefined;
}
