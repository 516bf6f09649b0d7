import type { Sweep } from '../../../state/sweep.svelte.ts';

/** Props of SweepCurves: every trial's learning curve overlaid (uPlot), the best one highlighted. */
export interface SweepCurvesProps {
  sweep: Sweep;
  /** Pixel height of the plot. */
  height?: number;
}

/** Which curve the chart shows: the objective metric or the (validation) loss. */
export type CurveMeasure = 'objective' | 'loss';
