import type { Stage } from '../../../lib/step-through-model.ts';
import type { StepThrough } from '../../../state/step-through.svelte.ts';

/** Props of StepThroughStepper: Previous, the four phases with their stops, and Next. */
export interface StepThroughStepperProps {
  step: StepThrough;
  /** The stage shown now. */
  stage: Stage;
}
