import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of SweepRetrainStatus: how the best trial's retraining goes, with Evaluate and Export once it has a model. */
export interface SweepRetrainStatusProps {
  /** The run retraining the best trial. */
  run: TrainingRun;
}
