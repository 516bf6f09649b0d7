/** Public API of the losses: the table of loss math by name. */
import type { LossName } from '../spec/types.ts';
import type { LossMath } from './loss.ts';
import { meanSquaredError } from './mean-squared-error.ts';
import { meanAbsoluteError } from './mean-absolute-error.ts';
import { huber } from './huber.ts';
import { binaryCrossentropy } from './binary-crossentropy.ts';
import { categoricalCrossentropy } from './categorical-crossentropy.ts';

export type { LossMath } from './loss.ts';
export { PROBABILITY_EPSILON, clipProbability } from './loss.ts';

/** Every loss by name. */
export const LOSSES: Readonly<Record<LossName, LossMath>> = {
  meanSquaredError,
  meanAbsoluteError,
  huber,
  binaryCrossentropy,
  categoricalCrossentropy,
};
