import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of RunControls: start/pause/resume/stop, the epoch status, progress, ETA and backend. */
export interface RunControlsProps {
  run: TrainingRun | null;
}
