/** Series helpers for the training charts. */
import type { EpochRecord, Task } from '../../engine/protocol/index.ts';

/** The metric a task is judged by, as a key of the epoch metrics. */
export function mainMetric(task: Task | null | undefined): { key: string; label: string; range?: [number, number] } {
  if (task?.kind === 'regression') return { key: 'r2', label: 'R²' };
  return { key: 'accuracy', label: 'Accuracy', range: [0, 1] };
}

/** Per-epoch values of a metric on train and validation. */
export function metricSeries(
  history: readonly EpochRecord[],
  key: string,
): { train: (number | null)[]; val: (number | null)[] } {
  return {
    train: history.map((h) => h.metrics[key] ?? null),
    val: history.map((h) => h.valMetrics?.[key] ?? null),
  };
}

/** Colour tokens for per-layer lines, in order. */
export const LAYER_COLORS = [
  '--series-train',
  '--series-val',
  '--series-3',
  '--series-4',
  '--info',
  '--warn',
  '--text-2',
] as const;
