import type { ViewName } from '../../../state/views.ts';
import type { IconName } from '../../ui/Icon/types.ts';

/** One view of the workflow, as its tab shows it. */
export interface View {
  id: ViewName;
  label: string;
  icon: IconName;
  /** Shown as a check mark: the view has what the next one needs. */
  isDone: boolean;
}

/** Props of ViewNav. */
export interface ViewNavProps {
  views: readonly View[];
  current: ViewName;
  onselect: (view: ViewName) => void;
}
