/** Random search: each trial's values drawn independently from its own seeded stream. */
import { sampleValue } from '../distributions.ts';
import { sampleRandom } from '../seeds.ts';
import type { EnqueuedTrial, Parameter, TrialParams } from '../types.ts';
import type { Strategy } from './strategy.ts';

/** Trial `trial`'s values: drawn in parameter order from a generator seeded by (seed, trial), so trial 5 is the same in a 10- or 100-trial sweep. */
export function randomParams(parameters: readonly Parameter[], seed: number, trial: number): TrialParams {
  const rng = sampleRandom(seed, trial);
  return Object.fromEntries(parameters.map((p) => [p.path, sampleValue(p.distribution, rng)]));
}

/** Trial `trial`'s values when it is not drawn by a model: the enqueued ones for the first trials, else random. */
export function firstParams(
  parameters: readonly Parameter[],
  seed: number,
  trial: number,
  enqueue: readonly EnqueuedTrial[],
): TrialParams {
  return enqueue[trial - 1]?.params ?? randomParams(parameters, seed, trial);
}

/** All trials at once: the enqueued ones first, the rest with random values. */
export function randomStrategy(
  parameters: readonly Parameter[],
  trials: number,
  seed: number,
  enqueue: readonly EnqueuedTrial[] = [],
): Strategy {
  let issued = false;
  return {
    trials,
    epochBudget: (full) => trials * full,
    next() {
      if (issued) return null;
      issued = true;
      const run = Array.from({ length: trials }, (_, i) => ({
        trial: i + 1,
        params: firstParams(parameters, seed, i + 1, enqueue),
        epochs: null,
        rung: null,
        bracket: null,
        final: true,
      }));
      return { run, prune: [] };
    },
  };
}
