import type { StepThrough } from '../../../state/step-through.svelte.ts';

/** Props of StepThroughSetup: which weights, rows and learning rate the step uses. */
export interface StepThroughSetupProps {
  step: StepThrough;
}
