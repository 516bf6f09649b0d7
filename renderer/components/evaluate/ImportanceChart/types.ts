import type { WireImportance } from '../../../../engine/protocol/index.ts';

/** Props of ImportanceChart: permutation importance as bars with ± one standard deviation. */
export interface ImportanceChartProps {
  result: WireImportance;
}
