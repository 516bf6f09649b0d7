import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of RunCompare: runs overlaid on one chart, and their settings side by side. */
export interface RunCompareProps {
  runs: readonly TrainingRun[];
}
