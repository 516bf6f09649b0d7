/** What one training run takes (the spec, the data, a backend and the host's hooks) and what it gives back. */
import type { Backend } from '../backend/backend.ts';
import type { NetworkSpec } from '../spec/types.ts';
import type { TrainControl } from './control.ts';
import type { EpochSummary, OptimizerCheckpoint, StopReason, TrainEvent, TrainingData, WeightTensor } from './types.ts';

/** Options of one training run. */
export interface TrainOptions {
  spec: NetworkSpec;
  data: TrainingData;
  backend: Backend;
  onEvent?: (event: TrainEvent) => void;
  control?: TrainControl;
  /** Start from these weights instead of a fresh initialization. */
  initialWeights?: readonly WeightTensor[];
  /**
   * Continue the optimizer where an earlier run of the same network (`initialWeights`) left it: moments,
   * velocities and step count carry on instead of restarting (a successive-halving trial continues so).
   */
  initialOptimizer?: OptimizerCheckpoint;
  /** Return the optimizer's state at the end (TrainResult.optimizer), to continue the run later. */
  returnOptimizer?: boolean;
  /**
   * Epochs an earlier run of this spec and data trained, when continuing it (with its weights and optimizer):
   * `spec.training.epochs` is the total (Keras's `initial_epoch`); numbering, schedule, shuffled order and
   * reduce-on-plateau pick up after them; early stopping watches the new epochs; the history starts with them.
   */
  initialHistory?: readonly EpochSummary[];
  /** Lets the host process messages (pause/stop) during long epochs; called every ~30 ms of work. */
  yieldToHost?: () => Promise<void>;
  /** Milliseconds clock (injectable for tests). */
  now?: () => number;
  /** Where to go on if the device is lost mid-run ('backend/device-lost'): the epoch restarts there, losing no step. */
  fallback?: () => Promise<Backend>;
}

/** The outcome of a run: a usable model whatever the stop reason. */
export interface TrainResult {
  spec: NetworkSpec;
  weights: WeightTensor[];
  history: EpochSummary[];
  stopReason: StopReason;
  /** Epoch (from 1) whose weights were kept; the last one unless early stopping restored the best. */
  bestEpoch: number;
  /** Label of the backend that finished the run. */
  backend: string;
  /** Outputs per row of the network (1 for regression and binary classification). */
  outputs: number;
  /** The optimizer's state after the last step, when asked for (TrainOptions.returnOptimizer). */
  optimizer?: OptimizerCheckpoint;
  /** Set when the weights were refitted on `rows` training + validation rows (engine/run/refit.ts). */
  refit?: { epochs: number; rows: number };
}
