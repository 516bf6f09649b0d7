/**
 * A conformance suite: op-by-op checks that a backend agrees with the CPU reference within a stated
 * float32 tolerance. Pure TypeScript, so the same cases run in Node (Vitest) and in a browser worker
 * (Playwright), on any Backend.
 */
import type { Backend } from '../../backend.ts';

/** |got − want| ≤ abs + rel·|want| per element (NaN matches NaN only). */
export interface Tolerance {
  abs: number;
  rel: number;
}

/** Elementwise float32 ops and short sums: a few ulps, allowing different summation order and transcendental rounding. */
export const FLOAT32: Tolerance = { abs: 1e-5, rel: 1e-4 };
/** Bit-identical (dropout masks, copies). */
export const EXACT: Tolerance = { abs: 0, rel: 0 };
/** Several training steps: errors compound through the updates. */
export const TRAINING: Tolerance = { abs: 2e-4, rel: 2e-3 };

/** Named outputs of one case. */
export type CaseOutputs = Record<string, Float32Array>;

/** One check: a computation run on both backends, then compared output by output. */
export interface ConformanceCase {
  name: string;
  /** Default tolerance, and overrides per output name. */
  tolerance: Tolerance;
  exact?: readonly string[];
  run(backend: Backend): Promise<CaseOutputs>;
}

/** The verdict of one case. */
export interface CaseResult {
  name: string;
  pass: boolean;
  /** Largest |got − want| over every output. */
  maxAbsError: number;
  tolerance: Tolerance;
  /** The worst element, or the error thrown. */
  detail: string;
  /** Milliseconds the subject backend took (compiles included on first use). */
  ms: number;
}
