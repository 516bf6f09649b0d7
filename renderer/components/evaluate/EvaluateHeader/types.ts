import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of EvaluateHeader: the Evaluate view's title, its run picker and the Open model button. */
export interface EvaluateHeaderProps {
  /** The run shown. */
  run: TrainingRun;
  /** The runs the picker offers: those with a model to evaluate. */
  trainedRuns: readonly TrainingRun[];
  /** Show the run with this id. */
  onpick: (id: string) => void;
}
