/** Props of MiniBars: a tiny bar chart (a histogram, or category counts). */
export interface MiniBarsProps {
  values: readonly number[];
  /** One tooltip per bar. */
  labels: readonly string[];
  /** Accessible summary of the chart. */
  summary: string;
  height?: number;
}
