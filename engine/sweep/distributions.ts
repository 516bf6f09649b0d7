/**
 * Drawing parameter values. Numeric distributions map to an internal interval [lo, hi] (the log of the
 * value for log distributions; ±0.5 around the ends for integers, so each integer gets an equal share)
 * where sampling and TPE's densities work; `fromInternal` maps back, rounding and clamping.
 */
import type { Random } from '../random.ts';
import type { Distribution, Parameter, ParamValue } from './types.ts';

/** A numeric distribution. */
export type NumericDistribution = Exclude<Distribution, { type: 'choice' }>;

/** Significant digits kept in drawn continuous values, so tables stay readable and values can be typed back in. */
const DIGITS = 4;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const isLog = (d: NumericDistribution): boolean => d.type === 'logUniform' || (d.type === 'int' && d.log);

/** The internal interval of a numeric distribution. */
export function internalRange(d: NumericDistribution): { lo: number; hi: number } {
  if (d.type === 'int') {
    return d.log ? { lo: Math.log(d.min - 0.5), hi: Math.log(d.max + 0.5) } : { lo: d.min - 0.5, hi: d.max + 0.5 };
  }
  return isLog(d) ? { lo: Math.log(d.min), hi: Math.log(d.max) } : { lo: d.min, hi: d.max };
}

/** Value of an internal point: exp for log scales, rounded to an integer or to 4 significant digits, within bounds. */
export function fromInternal(d: NumericDistribution, x: number): number {
  const v = isLog(d) ? Math.exp(x) : x;
  if (d.type === 'int') return clamp(Math.round(v), d.min, d.max);
  return clamp(Number(v.toPrecision(DIGITS)), d.min, d.max);
}

/** Internal point of a value. */
export function toInternal(d: NumericDistribution, v: number): number {
  return isLog(d) ? Math.log(v) : v;
}

/** Draw one value. */
export function sampleValue(d: Distribution, rng: Random): ParamValue {
  if (d.type === 'choice') return d.values[rng.int(d.values.length)];
  const { lo, hi } = internalRange(d);
  return fromInternal(d, rng.uniform(lo, hi));
}

/** The grid strategy's values: every choice, or `gridPoints` evenly spaced points (on a log scale for log distributions), ends included. */
export function gridValues(p: Parameter): ParamValue[] {
  const d = p.distribution;
  if (d.type === 'choice') return [...d.values];
  const k = p.gridPoints;
  const lo = toInternal(d, d.min);
  const hi = toInternal(d, d.max);
  const points = k === 1 ? [(lo + hi) / 2] : Array.from({ length: k }, (_, i) => lo + ((hi - lo) * i) / (k - 1));
  return [...new Set(points.map((x) => fromInternal(d, x)))];
}
