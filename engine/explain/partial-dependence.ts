/**
 * Partial dependence: the average prediction as one column takes each value of a grid, every other column
 * left as it is in each row; with individual (ICE) curves, each row's own prediction along the grid.
 *
 * The grid is made of the column's own cells: for a number or date column, the rows at evenly spaced
 * quantiles of its values; for a category or yes/no column, one row per category. Setting every row's
 * column to a grid value copies that row's block of inputs into every row, which is exactly what
 * preprocessing a CSV with the column set to that value gives (each cell becomes its inputs on its own).
 */
import type { Backend } from '../backend/index.ts';
import { cellLabel, decodeOutputs, type Preprocessing, type TableColumn } from '../data/index.ts';
import { loadNetwork, type ModelFile } from '../export/index.ts';
import { predictRows } from '../train/index.ts';
import { columnBlocks, copyBlock } from './columns.ts';
import { ExplainError } from './explain-error.ts';
import { explainMessages } from './messages.ts';

/** Grid points of a number or date column when none are given. */
export const DEFAULT_GRID = 20;
/** Most grid points (and most categories shown). */
export const MAX_GRID = 100;
/** Most rows given individual curves. */
export const MAX_ICE_ROWS = 1000;

/** Partial dependence of one column. */
export interface PartialDependence {
  column: string;
  /** 'number' sweeps a range (numbers, dates); 'category' lists categories. */
  kind: 'number' | 'category';
  /** What is averaged: each class's probability, or the predicted value. */
  output: 'probability' | 'value';
  /** The outputs averaged: class names (probabilities) or the target column (the predicted value). */
  outputs: string[];
  /** The grid as the CSV writes the values. */
  grid: string[];
  /** average[g][o]: mean over the rows of output o with the column at grid point g. */
  average: number[][];
  /** ice[r][g][o] for the first MAX_ICE_ROWS rows, when asked for. */
  ice: number[][][] | null;
  rows: number;
}

/** How to sweep. */
export interface PdpOptions {
  points?: number;
  ice?: boolean;
  /** Called after each grid value: `done` of `total`; awaited, so a host can yield or throw to stop. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** Rows (table positions) whose cells make the grid, and how to read it. */
function gridRows(col: TableColumn, rows: number, kind: 'number' | 'category', points: number): number[] {
  if (kind === 'number') {
    const value = (r: number) => (col.dates && col.dates[r] === col.dates[r] ? col.dates[r]! : col.numbers[r]!);
    const present = Array.from({ length: rows }, (_, r) => r).filter((r) => Number.isFinite(value(r)));
    present.sort((a, b) => value(a) - value(b));
    const picked: number[] = [];
    for (let g = 0; g < points && present.length > 0; g++) {
      const r = present[Math.round((g * (present.length - 1)) / Math.max(1, points - 1))]!;
      if (picked.length === 0 || value(picked[picked.length - 1]!) !== value(r)) picked.push(r);
    }
    return picked;
  }
  const first = new Map<string, { row: number; count: number }>();
  for (let r = 0; r < rows; r++) {
    const label = cellLabel(col, r);
    if (label === null) continue;
    const seen = first.get(label);
    if (seen) seen.count++;
    else first.set(label, { row: r, count: 1 });
  }
  const byCount = [...first.values()].sort((a, b) => b.count - a.count).slice(0, MAX_GRID);
  return byCount.sort((a, b) => a.row - b.row).map((e) => e.row);
}

/**
 * Partial dependence of `column` over the rows of a table (`x` its preprocessed inputs, rows × model.inputs).
 * `points` sets the grid of a number or date column.
 */
export async function partialDependence(
  model: ModelFile,
  pre: Preprocessing,
  backend: Backend,
  table: { columns: readonly TableColumn[] },
  x: Float32Array,
  rows: number,
  column: string,
  options: PdpOptions = {},
): Promise<PartialDependence> {
  const points = options.points ?? DEFAULT_GRID;
  if (!Number.isInteger(points) || points < 2 || points > MAX_GRID)
    throw new ExplainError(explainMessages.badGrid(points));
  const blocks = columnBlocks(pre);
  const block = blocks.find((b) => b.column === column);
  if (!block) {
    const columns = blocks.map((b) => b.column);
    if (column === pre.target.column) throw new ExplainError(explainMessages.targetNotInput(column, columns));
    throw new ExplainError(explainMessages.notAFeature(column, columns));
  }
  const t = pre.features.find((f) => f.column === column)!;
  const col = table.columns.find((c) => c.name === column)!;
  const kind = t.kind === 'number' || t.kind === 'datetime' ? 'number' : 'category';
  const grid = gridRows(col, rows, kind, points);
  if (grid.length === 0) throw new ExplainError(explainMessages.noValues(column));
  const f = model.inputs;
  const outputs = pre.target.kind === 'classification' ? [...pre.target.classes] : [pre.target.column];
  const k = outputs.length;
  const iceRows = options.ice ? Math.min(rows, MAX_ICE_ROWS) : 0;
  const ice = options.ice ? Array.from({ length: iceRows }, () => [] as number[][]) : null;
  const average: number[][] = [];
  const network = loadNetwork(model, backend);
  try {
    const work = Float32Array.from(x.subarray(0, rows * f));
    const donor = new Int32Array(rows);
    for (const g of grid) {
      donor.fill(g);
      copyBlock(x.subarray(0, rows * f), work, f, block, donor);
      const out = decodeOutputs(pre, await predictRows(network, work, rows), rows, model.outputs);
      const per = out.kind === 'classification' ? out.probabilities : out.values;
      const sum = new Float64Array(k);
      for (let r = 0; r < rows; r++) for (let o = 0; o < k; o++) sum[o] += per[r * k + o]!;
      average.push(Array.from(sum, (s) => s / rows));
      ice?.forEach((curve, r) => curve.push(Array.from(per.subarray(r * k, (r + 1) * k))));
      await options.onProgress?.(average.length, grid.length);
    }
  } finally {
    network.dispose();
  }
  return {
    column,
    kind,
    output: pre.target.kind === 'classification' ? 'probability' : 'value',
    outputs,
    grid: grid.map((r) => cellLabel(col, r) ?? ''),
    average,
    ice,
    rows,
  };
}
