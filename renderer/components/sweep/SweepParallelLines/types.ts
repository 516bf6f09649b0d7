/** One trial's polyline across the axes of the parallel-coordinates plot. */
export interface ParallelLine {
  trial: number;
  /** SVG path data through the trial's points. */
  d: string;
  /** How good the trial is, 0 (worst) to 1 (best); null when it did not finish. */
  q: number | null;
  /** Whether the trial passes the axis filters. */
  isIn: boolean;
  status: string;
  points: { x: number; y: number }[];
}

/** Props of SweepParallelLines: the trials' lines, drawn worst first, then the highlighted and the best one. */
export interface SweepParallelLinesProps {
  /** The lines in drawing order. */
  ordered: readonly ParallelLine[];
  /** The line under the pointer, unless it is the best. */
  hot: ParallelLine | null;
  best: ParallelLine | null;
}
