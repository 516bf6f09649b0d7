import type { Sweep } from '../../../state/sweep.svelte.ts';

/** Props of SweepProgress: the sweep's progress, ETA and running trials (each can be cancelled). */
export interface SweepProgressProps {
  sweep: Sweep;
}
