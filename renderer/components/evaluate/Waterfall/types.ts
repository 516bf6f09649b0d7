import type { WireRowAttribution } from '../../../../engine/protocol/index.ts';

/** Props of Waterfall: one row's attributions as steps from the baseline's prediction to the row's. */
export interface WaterfallProps {
  /** The model's columns, in the order of `row.attributions` and `row.values`. */
  columns: readonly string[];
  row: WireRowAttribution;
  /** What is explained: a class's probability, or the predicted value. */
  output: 'probability' | 'value';
}
