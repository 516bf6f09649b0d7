/**
 * Permutation importance: how much the model's main metric (accuracy or R²) and its loss get worse when one
 * original column's values are shuffled across the rows, breaking its link with the target.
 *
 * Shuffling a raw CSV column and then preprocessing is the same as shuffling the rows of that column's
 * block of inputs, because preprocessing turns each cell into its inputs on its own (fills, scales and
 * categories are fixed by the model): so a one-hot column's indicators and a date's parts move together.
 */
import type { Backend } from '../backend/index.ts';
import { targetScale, type Preprocessing } from '../data/index.ts';
import type { ModelFile } from '../export/index.ts';
import { loadNetwork } from '../export/index.ts';
import { DatasetError } from '../errors.ts';
import { Random } from '../random.ts';
import { computeMetrics, knownTargets, predictRows, type Metrics } from '../train/index.ts';
import { columnBlocks, copyBlock } from './columns.ts';
import { explainMessages } from './messages.ts';
import { ExplainError } from './explain-error.ts';

/** Repeats when none are given. */
export const DEFAULT_REPEATS = 5;
/** Most repeats accepted (each one predicts every row once per column). */
export const MAX_REPEATS = 1000;

/** The headline metric importance is measured in. */
export type ImportanceMetric = 'accuracy' | 'r2';

/** Mean and sample standard deviation over the repeats. */
export interface MeanStd {
  mean: number;
  std: number;
}

/** One column's importance. */
export interface ColumnImportance extends MeanStd {
  column: string;
  /** Rise of the loss when the column is shuffled (mean ± std). */
  loss: MeanStd;
  /** mean − std > 0: the drop of the metric stays above zero across the repeats' spread. */
  shownToMatter: boolean;
}

/** Permutation importance of every feature column, most important first. */
export interface ImportanceResult {
  metric: ImportanceMetric;
  /** The model's metric and loss on the rows as they are. */
  baseline: { metric: number; loss: number };
  /** Rows scored, and rows left out because their target is missing or not one of the model's classes. */
  rows: number;
  rowsLeftOut: number;
  repeats: number;
  seed: number;
  columns: ColumnImportance[];
}

/** How to measure. */
export interface ImportanceOptions {
  repeats?: number;
  seed?: number;
  /** Called after each shuffled prediction: `done` of `total`; awaited, so a host can yield or throw to stop. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

function meanStd(xs: readonly number[]): MeanStd {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const std = xs.length < 2 ? 0 : Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
  return { mean, std };
}

function headline(m: Metrics): number {
  return m.kind === 'classification' ? m.accuracy : m.r2;
}

/**
 * Permutation importance over the preprocessed rows `x` (rows × model.inputs) with targets `y` (encoded as
 * preprocessing encodes them; NaN rows are left out and counted). Seeded: the same seed gives the same result.
 */
export async function permutationImportance(
  model: ModelFile,
  pre: Preprocessing,
  backend: Backend,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  options: ImportanceOptions = {},
): Promise<ImportanceResult> {
  const repeats = options.repeats ?? DEFAULT_REPEATS;
  const seed = options.seed ?? model.seed;
  if (!Number.isInteger(repeats) || repeats < 1 || repeats > MAX_REPEATS)
    throw new ExplainError(explainMessages.badRepeats(repeats));
  const f = model.inputs;
  const kept = knownTargets(model.task, x, y, rows, f);
  if (kept.rows === 0) throw new DatasetError(explainMessages.noKnownTargets(rows, pre.target.column, model.task.kind));
  const blocks = columnBlocks(pre);
  const network = loadNetwork(model, backend);
  const n = kept.rows;
  const score = async (input: Float32Array) => {
    const out = await predictRows(network, input, n);
    const m = computeMetrics(
      model.task,
      network.resolved.loss,
      network.resolved.huberDelta,
      out,
      kept.y,
      n,
      model.outputs,
      targetScale(pre),
    );
    return { metric: headline(m), loss: m.loss };
  };
  try {
    const base = await score(kept.x);
    const work = Float32Array.from(kept.x);
    const rng = new Random(seed);
    const order = new Int32Array(n);
    const total = blocks.length * repeats;
    const columns: ColumnImportance[] = [];
    for (const b of blocks) {
      const drops: number[] = [];
      const rises: number[] = [];
      for (let r = 0; r < repeats; r++) {
        for (let i = 0; i < n; i++) order[i] = i;
        rng.shuffle(order);
        copyBlock(kept.x, work, f, b, order);
        const s = await score(work);
        drops.push(base.metric - s.metric);
        rises.push(s.loss - base.loss);
        await options.onProgress?.(columns.length * repeats + r + 1, total);
      }
      copyBlock(kept.x, work, f, b, null);
      const drop = meanStd(drops);
      columns.push({ column: b.column, ...drop, loss: meanStd(rises), shownToMatter: drop.mean - drop.std > 0 });
    }
    columns.sort((a, c) => c.mean - a.mean || c.loss.mean - a.loss.mean);
    return {
      metric: model.task.kind === 'classification' ? 'accuracy' : 'r2',
      baseline: base,
      rows: n,
      rowsLeftOut: kept.leftOut,
      repeats,
      seed,
      columns,
    };
  } finally {
    network.dispose();
  }
}
