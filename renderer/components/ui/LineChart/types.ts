/** One line of a chart. */
export interface ChartSeries {
  label: string;
  /** Design token of its colour, e.g. `--series-train`. */
  color: string;
  dash?: number[];
  width?: number;
  /** Draw a dot at each point (short series). */
  points?: boolean;
  /** Join the line across explicit nulls (default true); false leaves a gap there. */
  spanGaps?: boolean;
}

/** Series sharing one x array; several tables are merged on x (missing points become gaps). */
export interface ChartTable {
  x: ArrayLike<number>;
  ys: ArrayLike<number | null>[];
}

/** Props of LineChart (uPlot). */
export interface LineChartProps {
  title: string;
  tables: readonly ChartTable[];
  /** One per y array, in table order. */
  series: readonly ChartSeries[];
  xLabel?: string;
  /** Ticks on whole numbers only (epochs). */
  xIntegers?: boolean;
  yLog?: boolean;
  /** Fix the y range, e.g. [0, 1] for accuracy. */
  yRange?: [number, number];
  height?: number;
  /** Shown instead of the chart while there is no data. */
  empty?: string;
  /** A sentence with the latest values, for screen readers. */
  summary?: string;
}
