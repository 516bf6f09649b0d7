import type { Sweep } from '../../../state/sweep.svelte.ts';

/** Props of SweepParallel: parameters against the objective, one line per trial, brushable per axis. */
export interface SweepParallelProps {
  sweep: Sweep;
  /** Pixel height of the plot. */
  height?: number;
}
