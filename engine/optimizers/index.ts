/** Public API of the optimizers: configure one from its spec, and learning-rate schedules. */
import type { OptimizerSpec } from '../spec/types.ts';
import { createAdagrad } from './adagrad.ts';
import { createAdam } from './adam.ts';
import { createAdamw } from './adamw.ts';
import type { Optimizer } from './optimizer.ts';
import { createRmsprop } from './rmsprop.ts';
import { createSgd } from './sgd.ts';

export type { Optimizer } from './optimizer.ts';
export { createSchedule, isMaximized, type Schedule } from './schedules.ts';

/** Configure the optimizer a spec names. */
export function createOptimizer(spec: OptimizerSpec): Optimizer {
  switch (spec.type) {
    case 'sgd':
      return createSgd(spec);
    case 'rmsprop':
      return createRmsprop(spec);
    case 'adagrad':
      return createAdagrad(spec);
    case 'adam':
      return createAdam(spec);
    case 'adamw':
      return createAdamw(spec);
  }
}
