/** Props of Histogram: bars over equal-width bins. */
export interface HistogramProps {
  title: string;
  bins: readonly { from: number; to: number; count: number }[];
  xLabel: string;
  height?: number;
  /** Mark this x value (e.g. 0 for residuals). */
  marker?: number;
  /** Pick bin k (its bars become buttons: click, or Enter/Space when focused). */
  onpick?: (bin: number) => void;
  /** The picked bin, drawn outlined. */
  selected?: number | null;
}
