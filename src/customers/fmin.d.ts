/**
 * Types for the parts of `fmin` (benfred/fmin 0.0.4) shopmate uses. The
 * package ships no types; see optimiser.ts for how it is loaded.
 */
declare module 'fmin' {
  export interface NelderMeadParameters {
    maxIterations?: number;
    nonZeroDelta?: number;
    zeroDelta?: number;
    minErrorDelta?: number;
    minTolerance?: number;
    rho?: number;
    chi?: number;
    psi?: number;
    sigma?: number;
  }

  export interface ConjugateGradientParameters {
    maxIterations?: number;
  }

  export interface Minimum {
    x: number[];
    fx: number;
  }

  export function nelderMead(
    f: (x: number[]) => number,
    initial: number[],
    parameters?: NelderMeadParameters,
  ): Minimum;

  export function conjugateGradient(
    f: (x: number[], gradient: number[]) => number,
    initial: number[],
    parameters?: ConjugateGradientParameters,
  ): Minimum & { fxprime: number[] };
}
