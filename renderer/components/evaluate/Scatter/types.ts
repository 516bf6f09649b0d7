/** Props of Scatter: predicted against actual, with the y = x line. */
export interface ScatterProps {
  title: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  xLabel: string;
  yLabel: string;
  height?: number;
  /** Explain point i: points become buttons (click, or Enter/Space when focused). */
  onpick?: (i: number) => void;
}
