/** Seeds derived from the sweep seed, so every trial's draws and training depend on its number only. */
import { hash32, Random } from '../random.ts';

/** Independent streams derived from one (seed, trial) pair. */
export const STREAM = { training: 1, sample: 2, grid: 3 } as const;

/** seed' = hash32(hash32(seed ⊕ stream·φ) ⊕ hash32(trial)) ⊕ hash32(rung): a well-mixed 32-bit seed per (stream, trial, rung). */
export function deriveSeed(seed: number, stream: number, trial: number, rung = 0): number {
  const base = hash32((seed ^ Math.imul(stream, 0x9e3779b9)) >>> 0);
  const t = hash32((base ^ hash32(trial >>> 0)) >>> 0);
  return rung === 0 ? t : hash32((t ^ hash32(rung + 0x51ed)) >>> 0);
}

/** The training seed of a trial (the spec's `training.seed`); each halving rung after the first reshuffles with its own. */
export function trialSeed(seed: number, trial: number, rung = 0): number {
  return deriveSeed(seed, STREAM.training, trial, rung);
}

/** The generator that draws a trial's parameters. */
export function sampleRandom(seed: number, trial: number): Random {
  return new Random(deriveSeed(seed, STREAM.sample, trial));
}
