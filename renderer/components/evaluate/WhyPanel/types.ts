import type { TrainingRun } from '../../../state/training-run.svelte.ts';

/** Props of WhyPanel: the explanations of the run the Evaluate view shows. */
export interface WhyPanelProps {
  run: TrainingRun;
}
