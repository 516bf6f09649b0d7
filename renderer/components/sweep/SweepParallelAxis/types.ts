import type { Axis } from '../SweepParallel/axes.ts';

/** Props of SweepParallelAxis: one vertical axis of the parallel-coordinates plot, with its label and ticks. */
export interface SweepParallelAxisProps {
  axis: Axis;
  /** The label as drawn (shortened to fit); the full label becomes its tooltip when they differ. */
  shown: string;
  /** Whether this is the objective's axis (accent label, "better ↑"). */
  isObjective: boolean;
  /** Whether this is the rightmost axis: its tick labels sit to the right. */
  isLast: boolean;
  /** Pixel x of the axis. */
  x: number;
  /** Pixel y of the label's baseline. */
  labelY: number;
  /** Pixel y of the axis's top; the axis is innerH pixels tall. */
  top: number;
  innerH: number;
  /** Pixel y of a position on the axis (0 bottom, 1 top). */
  yOf: (pos: number) => number;
}
