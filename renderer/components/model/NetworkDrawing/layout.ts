/** Pure layout of the network drawing: which neurons to show, where, and which connections. */
import type { DrawingColumn } from '../../../lib/drawing.ts';

/** A neuron as drawn. */
export interface PlacedNeuron {
  column: number;
  index: number;
  x: number;
  y: number;
}
/** A connection as drawn; `weight` is null before training. */
export interface PlacedEdge {
  key: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  weight: number | null;
}
/** A column's summary of the neurons not drawn. */
export interface Hidden {
  column: number;
  count: number;
  x: number;
  y: number;
}

/**
 * Indices of the neurons to draw in a column of `units`: all when they fit, else the `max − 1` with the
 * largest total |weight| in and out (the most influential), in index order.
 */
export function shownNeurons(units: number, max: number, importance: Float32Array | null): number[] {
  if (units <= max) return Array.from({ length: units }, (_, i) => i);
  const keep = Math.max(1, max - 1);
  // Without weights, the first ones: a list of every index would be as long as the units typed (1e9 ran out of memory).
  if (!importance) return Array.from({ length: keep }, (_, i) => i);
  const order = Array.from({ length: units }, (_, i) => i);
  order.sort((a, b) => (importance[b] ?? 0) - (importance[a] ?? 0));
  return order.slice(0, keep).sort((a, b) => a - b);
}

/** Σ|w| per neuron of every column, from the kernels on both sides. */
function importanceOf(
  columns: readonly DrawingColumn[],
  kernels: readonly (Float32Array | null)[],
): (Float32Array | null)[] {
  return columns.map((col, c) => {
    const into = c > 0 ? kernels[c - 1] : null;
    const out = kernels[c] ?? null;
    if (!into && !out) return null;
    const imp = new Float32Array(col.units);
    if (into) {
      const from = columns[c - 1]?.units ?? 0;
      for (let j = 0; j < from; j++)
        for (let k = 0; k < col.units; k++) imp[k]! += Math.abs(into[j * col.units + k] ?? 0);
    }
    if (out) {
      const to = columns[c + 1]?.units ?? 0;
      for (let k = 0; k < col.units; k++) for (let m = 0; m < to; m++) imp[k]! += Math.abs(out[k * to + m] ?? 0);
    }
    return imp;
  });
}

/** Positions of neurons, edges and summaries for a drawing of `width` × `height`. */
export function layoutDrawing(
  columns: readonly DrawingColumn[],
  kernels: readonly (Float32Array | null)[],
  width: number,
  height: number,
  maxNeurons: number,
  margin: { left: number; right: number; top: number; bottom: number },
): { neurons: PlacedNeuron[][]; edges: PlacedEdge[][]; hidden: Hidden[]; maxWeight: number; xs: number[] } {
  const n = columns.length;
  const usable = Math.max(1, width - margin.left - margin.right);
  const xs = columns.map((_, c) => margin.left + (n === 1 ? usable / 2 : (usable * c) / (n - 1)));
  const imp = importanceOf(columns, kernels);
  const hidden: Hidden[] = [];
  const neurons = columns.map((col, c) => {
    const shown = shownNeurons(col.units, maxNeurons, imp[c] ?? null);
    const slots = shown.length + (shown.length < col.units ? 1 : 0);
    const span = Math.min(height - margin.top - margin.bottom, slots * 30);
    const top = margin.top + (height - margin.top - margin.bottom - span) / 2;
    const step = span / Math.max(1, slots);
    const placed = shown.map((index, i) => ({ column: c, index, x: xs[c] ?? 0, y: top + step * (i + 0.5) }));
    if (shown.length < col.units)
      hidden.push({ column: c, count: col.units - shown.length, x: xs[c] ?? 0, y: top + step * (shown.length + 0.5) });
    return placed;
  });
  let maxWeight = 0;
  const edges = columns.slice(0, -1).map((_, c) => {
    const k = kernels[c] ?? null;
    const to = columns[c + 1]?.units ?? 0;
    const out: PlacedEdge[] = [];
    for (const a of neurons[c] ?? []) {
      for (const b of neurons[c + 1] ?? []) {
        const w = k ? (k[a.index * to + b.index] ?? 0) : null;
        if (w !== null) maxWeight = Math.max(maxWeight, Math.abs(w));
        out.push({ key: `${c}:${a.index}:${b.index}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y, weight: w });
      }
    }
    return out;
  });
  return { neurons, edges, hidden, maxWeight, xs };
}
