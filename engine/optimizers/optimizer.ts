/** What every optimizer provides: initial slot values and the resolved step for a given learning rate and t. */
import type { OptimizerUpdate } from '../backend/backend.ts';

/** A configured optimizer. */
export interface Optimizer {
  type: string;
  /** Learning rate before any schedule. */
  learningRate: number;
  /** Global-norm clipping threshold, or null. */
  clipNorm: number | null;
  /** Initial value of the slot buffers a and b (Adagrad starts its accumulator above zero). */
  slotInit: { a: number; b: number };
  /** Whether slot b is used (else a size-1 placeholder is allocated). */
  usesSlotB: boolean;
  /** The step to run at update number t (from 1) with learning rate lr. */
  step(lr: number, t: number): OptimizerUpdate;
}
