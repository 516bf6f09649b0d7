import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of TrainCharts: the live charts of one run. */
export interface TrainChartsProps {
  run: TrainingRun | null;
}
