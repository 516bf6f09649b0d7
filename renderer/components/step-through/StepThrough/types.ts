import type { StepThrough } from '../../../state/step-through.svelte.ts';

/** Props of StepThrough, the Train view's step-through tab: its state outlives the tab while the view is open. */
export interface StepThroughProps {
  step: StepThrough;
}
