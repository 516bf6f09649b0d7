import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of PredictPanel. */
export interface PredictPanelProps {
  /** The run whose model predicts the uploaded rows. */
  run: TrainingRun;
}
