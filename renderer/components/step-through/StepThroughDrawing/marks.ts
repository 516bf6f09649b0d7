/** Pure sizing and naming of the step-through drawing's marks, shared by the drawing and its neuron columns. */
import type { ColumnView, StepColumn } from '../../../lib/step-through-model.ts';

/** A value's share of the largest in its group, on a square-root scale (0..1) so small values stay visible. */
export function share(value: number, max: number): number {
  return max > 0 ? Math.sqrt(Math.min(1, Math.abs(value) / max)) : 0;
}

/** Width of the value box beside a column's neurons (0 when the column has no values yet). */
export function pillWidth(view: ColumnView | undefined, isCompact: boolean): number {
  if (!view || view.state === 'future') return 0;
  if (isCompact) return view.kind === 'gradient' ? 80 : view.kind === 'update' ? 70 : 62;
  return view.kind === 'gradient' ? 96 : view.kind === 'update' ? 84 : 74;
}

/** A unit's name: its label (feature or class), else "<column> unit N". */
export function unitName(columns: readonly StepColumn[], c: number, index: number): string {
  const col = columns[c];
  if (!col) return '';
  return col.labels[index] ?? `${col.title} unit ${index + 1}`;
}
