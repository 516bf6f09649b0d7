import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of ReportCard. */
export interface ReportCardProps {
  /** The run whose model the report describes. */
  run: TrainingRun;
}
