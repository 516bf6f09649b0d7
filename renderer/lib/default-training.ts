/** The training settings a new project starts with. */
import type { TrainingSpec } from '../../engine/protocol/index.ts';

/** A fresh copy of the default training settings (the project edits its copy in place). */
export function defaultTraining(): TrainingSpec {
  return {
    epochs: 100,
    batchSize: 32,
    seed: 42,
    shuffle: true,
    optimizer: { type: 'adam', learningRate: 0.01 },
    schedule: { type: 'constant' },
    earlyStopping: null,
    backend: 'auto',
  };
}
