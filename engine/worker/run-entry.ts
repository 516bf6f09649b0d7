/** A run as the worker keeps it: trained from a `train/start`, a continue or a sweep's retrain, or loaded from a file. */
import type { DatasetSettings } from '../data/index.ts';
import type { ModelFile } from '../export/index.ts';
import type { NetworkSpec } from '../spec/index.ts';
import type { OptimizerCheckpoint, TrainControl } from '../train/index.ts';
import type { RunEvents } from './run-events.ts';

/** What the worker keeps per run (evaluate, export, predict, stop and continue work on it). */
export interface RunEntry {
  control: TrainControl | null;
  /** Live events waiting to be posted (null once the run has ended). */
  events: RunEvents | null;
  model: ModelFile | null;
  settings: DatasetSettings | null;
  /** The spec being trained (the step-through reads a paused run's weights with it). */
  spec?: NetworkSpec;
  /** The optimizer's state at the end of the run, to continue it; absent for models loaded from a file. */
  optimizer?: OptimizerCheckpoint | null;
}
