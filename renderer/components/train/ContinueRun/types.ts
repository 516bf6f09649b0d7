import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of ContinueRun: the run (not training) that the Continue training control would continue. */
export interface ContinueRunProps {
  run: TrainingRun;
}
