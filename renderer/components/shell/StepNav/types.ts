import type { ViewName } from '../../../state/views.ts';
import type { IconName } from '../../ui/Icon/types.ts';

/** One step of the workflow navigation. */
export interface Step {
  id: ViewName;
  label: string;
  icon: IconName;
  /** Shown as a check mark: the step has what the next one needs. */
  isDone: boolean;
}

/** Props of StepNav. */
export interface StepNavProps {
  steps: readonly Step[];
  current: ViewName;
  onselect: (view: ViewName) => void;
}
