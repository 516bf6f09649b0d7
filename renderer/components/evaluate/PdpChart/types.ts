import type { WirePartialDependence } from '../../../../engine/protocol/index.ts';

/** Props of PdpChart: one output's partial dependence on a column, with some rows' own curves. */
export interface PdpChartProps {
  result: WirePartialDependence;
  /** Which of `result.outputs` is drawn (a class's probability, or the predicted value). */
  output: number;
  height?: number;
}
