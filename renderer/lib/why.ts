/** Pure helpers of the Why charts: which columns to offer, and a row's waterfall from baseline to prediction. */
import type {
  ColumnInfo,
  DatasetSettings,
  WirePartialDependence,
  WireRowAttribution,
} from '../../engine/protocol/index.ts';

/** Most columns a waterfall draws one by one; the rest are summed into one step. */
export const WATERFALL_COLUMNS = 12;

/** One step of a waterfall: a column moving the prediction from `from` to `to`. */
export interface WaterfallStep {
  /** Column name, or null for the sum of the smaller columns. */
  column: string | null;
  /** The row's value in that column ('' when missing); for the sum, how many columns it holds. */
  value: string;
  attribution: number;
  from: number;
  to: number;
}

/**
 * The columns a run's model reads, as the Data view's settings say: the table's columns other than the
 * target that are features by choice, or by default when inference does not leave them out.
 */
export function featureColumns(columns: readonly ColumnInfo[], settings: DatasetSettings): string[] {
  return columns
    .filter((c) => {
      if (c.name === settings.target) return false;
      const role = settings.columns?.[c.name]?.role;
      return role === 'feature' || (role === undefined && c.exclusion === null);
    })
    .map((c) => c.name);
}

/** The output (class) whose average prediction moves most as the column sweeps its grid: the one worth drawing first. */
export function mostMoved(pdp: Pick<WirePartialDependence, 'average' | 'outputs'>): number {
  let best = 0;
  let bestRange = -1;
  pdp.outputs.forEach((_, o) => {
    const ys = pdp.average.map((a) => a[o] ?? 0);
    const range = Math.max(...ys) - Math.min(...ys);
    if (range > bestRange) {
      best = o;
      bestRange = range;
    }
  });
  return best;
}

/**
 * The waterfall of one row: its columns by the size of their attribution (largest first), each step
 * starting where the last ended, from the baseline's prediction; columns past `most` are one step.
 */
export function waterfallSteps(
  columns: readonly string[],
  row: WireRowAttribution,
  most = WATERFALL_COLUMNS,
): WaterfallStep[] {
  const order = columns
    .map((c, i) => i)
    .sort((a, b) => Math.abs(row.attributions[b]!) - Math.abs(row.attributions[a]!));
  const steps: WaterfallStep[] = [];
  let at = row.baseline;
  const shown = order.length > most ? order.slice(0, most - 1) : order;
  for (const i of shown) {
    const a = row.attributions[i]!;
    steps.push({ column: columns[i]!, value: row.values[i]!, attribution: a, from: at, to: at + a });
    at += a;
  }
  const rest = order.slice(shown.length);
  if (rest.length > 0) {
    const a = rest.reduce((s, i) => s + row.attributions[i]!, 0);
    steps.push({ column: null, value: `${rest.length} columns`, attribution: a, from: at, to: at + a });
  }
  return steps;
}
