/** Grid search: every combination of each parameter's grid values (the last parameter varies fastest). */
import { Random } from '../../random.ts';
import { gridValues } from '../distributions.ts';
import { deriveSeed, STREAM } from '../seeds.ts';
import type { Parameter, TrialParams } from '../types.ts';
import type { Strategy } from './strategy.ts';

/** Number of grid points. */
export function gridSize(parameters: readonly Parameter[]): number {
  return parameters.reduce((n, p) => n * gridValues(p).length, 1);
}

/** The combination at `index` of the grid, in row-major order. */
function gridPoint(values: readonly (readonly TrialParams[string][])[], parameters: readonly Parameter[], index: number): TrialParams {
  const out: TrialParams = {};
  let rest = index;
  for (let i = parameters.length - 1; i >= 0; i--) {
    out[parameters[i].path] = values[i][rest % values[i].length];
    rest = Math.floor(rest / values[i].length);
  }
  return Object.fromEntries(parameters.map((p) => [p.path, out[p.path]]));
}

/** The whole grid in order; with fewer trials than points, a seeded sample of them, still in grid order. */
export function gridStrategy(parameters: readonly Parameter[], trials: number, seed: number): Strategy {
  const values = parameters.map(gridValues);
  const size = gridSize(parameters);
  let indices = Array.from({ length: size }, (_, i) => i);
  if (trials < size) indices = new Random(deriveSeed(seed, STREAM.grid, 0)).shuffle(indices).slice(0, trials).sort((a, b) => a - b);
  let issued = false;
  return {
    trials: indices.length,
    epochBudget: (full) => indices.length * full,
    next() {
      if (issued) return null;
      issued = true;
      const run = indices.map((g, i) => ({ trial: i + 1, params: gridPoint(values, parameters, g), epochs: null, rung: null, bracket: null, final: true }));
      return { run, prune: [] };
    },
  };
}
