/**
 * Pure layout of the step-through drawing: which neurons to draw (all, or the largest of a big layer plus
 * a summary of the rest), where, and the connections between drawn neurons with their values.
 */
import {
  aggregateOf,
  shownUnits,
  type ColumnView,
  type GapView,
  type StepColumn,
} from '../../../lib/step-through-model.ts';

/** Vertical distance between neurons. */
export const ROW_HEIGHT = 34;
/** Neurons drawn per column before the rest is summarised. */
export const MAX_SHOWN = 16;

/** A drawn neuron. */
export interface PlacedUnit {
  column: number;
  index: number;
  x: number;
  y: number;
}
/** A drawn connection; `value` is the weight, its gradient or its change, depending on the stage. */
export interface PlacedEdge {
  key: string;
  column: number;
  from: number;
  to: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  value: number;
}
/** The units of a column that are not drawn. */
export interface PlacedAggregate {
  column: number;
  x: number;
  y: number;
  count: number;
  mean: number;
  max: number;
}

/** Room for titles on top; the sides fit the input names and output labels (see `marginsFor`). */
const MARGIN = { top: 64, bottom: 16 } as const;

/** Approximate width of a label in the drawing's 11.5px font. */
function textWidth(s: string): number {
  return s.length * 6.6;
}

/**
 * Side margins that fit the input names on the left, and the output's value box and labels on the right.
 * `outputExtra` is the width of what follows an output label (the true-class marker).
 */
export function marginsFor(columns: readonly StepColumn[], outputExtra: number): { left: number; right: number } {
  const inputs = columns[0]?.labels ?? [];
  const outputs = columns.at(-1)?.labels ?? [];
  const left = Math.min(200, Math.max(60, 30 + Math.max(0, ...inputs.slice(0, 400).map(textWidth))));
  const right = Math.min(
    300,
    Math.max(200, 14 + 96 + 10 + Math.max(0, ...outputs.slice(0, 400).map(textWidth)) + outputExtra),
  );
  return { left, right };
}

/** Positions of everything drawn, and per gap the largest |value| (to scale widths within a layer). */
export interface StepLayout {
  height: number;
  xs: number[];
  units: PlacedUnit[][];
  aggregates: PlacedAggregate[];
  edges: PlacedEdge[][];
  maxPerGap: number[];
}

/** Lay out the columns in `width`; `keep` lists units that must be drawn (a selected connection's ends). */
export function layoutStep(
  columns: readonly StepColumn[],
  views: readonly ColumnView[],
  gaps: readonly GapView[],
  width: number,
  keep: readonly { column: number; index: number }[] = [],
  sides = marginsFor(columns, 0),
): StepLayout {
  const n = columns.length;
  const usable = Math.max(1, width - sides.left - sides.right);
  const xs = columns.map((_, c) => sides.left + (n === 1 ? usable / 2 : (usable * c) / (n - 1)));
  const shown = columns.map((col, c) => {
    const magnitude = views[c]?.magnitude ?? new Float64Array(col.units);
    return shownUnits(
      magnitude,
      MAX_SHOWN,
      keep.filter((k) => k.column === c).map((k) => k.index),
    );
  });
  const slots = Math.max(2, ...shown.map((s, c) => s.length + (s.length < (columns[c]?.units ?? 0) ? 1 : 0)));
  const height = MARGIN.top + MARGIN.bottom + slots * ROW_HEIGHT;
  const aggregates: PlacedAggregate[] = [];
  const units = shown.map((list, c) => {
    const col = columns[c];
    const total = list.length + (list.length < (col?.units ?? 0) ? 1 : 0);
    const top = MARGIN.top + ((slots - total) * ROW_HEIGHT) / 2;
    const placed = list.map((index, i) => ({ column: c, index, x: xs[c] ?? 0, y: top + ROW_HEIGHT * (i + 0.5) }));
    const rest = aggregateOf(views[c]?.magnitude ?? new Float64Array(col?.units ?? 0), list);
    if (rest) aggregates.push({ column: c, x: xs[c] ?? 0, y: top + ROW_HEIGHT * (list.length + 0.5), ...rest });
    return placed;
  });
  const maxPerGap: number[] = [];
  const edges = gaps.map((gap, k) => {
    const g = k + 1;
    const to = columns[g]?.units ?? 0;
    const out: PlacedEdge[] = [];
    let max = 0;
    for (const a of units[g - 1] ?? []) {
      for (const b of units[g] ?? []) {
        const value = gap.values[a.index * to + b.index] ?? 0;
        max = Math.max(max, Math.abs(value));
        out.push({
          key: `${g}:${a.index}:${b.index}`,
          column: g,
          from: a.index,
          to: b.index,
          x1: a.x,
          y1: a.y,
          x2: b.x,
          y2: b.y,
          value,
        });
      }
    }
    maxPerGap.push(max);
    return out;
  });
  return { height, xs, units, aggregates, edges, maxPerGap };
}
