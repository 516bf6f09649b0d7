/** Build the strategy a sweep's settings name. */
import type { Parameter, SweepSettings } from '../types.ts';
import { gridStrategy } from './grid.ts';
import { halvingStrategy } from './halving.ts';
import { hyperbandStrategy } from './hyperband.ts';
import { randomStrategy } from './random.ts';
import type { Strategy } from './strategy.ts';
import { tpeStrategy } from './tpe.ts';

export type { Strategy, StrategyStep, TrialStep } from './strategy.ts';
export { gridSize } from './grid.ts';
export { rungEpochs, rungSizes, halvingBudget, type HalvingRun } from './halving.ts';
export { hyperbandBrackets, hyperbandMaxBracket, hyperbandSizes } from './hyperband.ts';
export { randomParams } from './random.ts';
export { suggest } from './tpe.ts';

/** The strategy for these settings. */
export function createStrategy(parameters: readonly Parameter[], s: SweepSettings): Strategy {
  switch (s.strategy) {
    case 'grid':
      return gridStrategy(parameters, s.trials, s.seed);
    case 'random':
      return randomStrategy(parameters, s.trials, s.seed, s.enqueue);
    case 'halving':
      return halvingStrategy(parameters, s.trials, s.seed, s.halving, s.objective);
    case 'hyperband':
      return hyperbandStrategy(parameters, s.trials, s.seed, s.halving, s.objective);
    case 'tpe':
      return tpeStrategy(parameters, s.trials, s.seed, s.tpe, s.objective, s.enqueue);
  }
}
