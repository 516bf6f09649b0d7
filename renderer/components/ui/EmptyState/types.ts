import type { Snippet } from 'svelte';
import type { IconName } from '../Icon/types.ts';

/** Props of EmptyState: a centred illustration, a title, one sentence and optional actions. */
export interface EmptyStateProps {
  icon: IconName;
  title: string;
  message: string;
  actions?: Snippet;
}
