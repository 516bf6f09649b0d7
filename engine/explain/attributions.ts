/**
 * Per-row attributions: how much each original column moved one prediction away from a baseline's.
 *
 * Integrated Gradients (integrated-gradients.ts) satisfy completeness, Σ a_i = F(x) − F(b), up to the
 * quadrature's error, which `gap` reports. Gradient × input: a_i = (x_i − b_i) · ∂F/∂x_i(x), one gradient,
 * no such guarantee. The inputs of one column (one-hot categories, date parts) are summed into the column's.
 */
import type { Backend } from '../backend/index.ts';
import type { Preprocessing } from '../data/index.ts';
import { loadNetwork, type ModelFile } from '../export/index.ts';
import { predictedClass, predictRows } from '../train/index.ts';
import { columnBlocks, sumByColumn } from './columns.ts';
import { ExplainError } from './explain-error.ts';
import { outputGradients, type ExplainedOutput } from './input-gradients.ts';
import { integrateGradients, type PathEvaluator, type PathIntegral } from './integrated-gradients.ts';
import { explainMessages } from './messages.ts';

/** The attribution methods. */
export const ATTRIBUTION_METHODS = ['integrated-gradients', 'gradient-x-input'] as const;
/** One attribution method. */
export type AttributionMethod = (typeof ATTRIBUTION_METHODS)[number];
/** Integrated Gradients' steps when none are given. */
export const DEFAULT_STEPS = 64;
/** Most steps accepted. */
export const MAX_STEPS = 10_000;

/** One row's explanation. */
export interface RowAttribution {
  /** F(x): the predicted class's probability, or the predicted value. */
  prediction: number;
  /** F(baseline) for the same class. */
  baseline: number;
  /** The class whose probability is explained; null for regression. */
  label: string | null;
  /** Per original column, in input order. */
  attributions: Record<string, number>;
  /** Σ attributions − (prediction − baseline): Integrated Gradients' distance from completeness. */
  gap: number;
  /** Gradients taken on the path (Integrated Gradients refines its grid where ReLUs switch). */
  points: number;
}

/** Attributions of several rows. */
export interface AttributionResult {
  method: AttributionMethod;
  /** What F is: a class probability or the regression value. */
  output: 'probability' | 'value';
  steps: number | null;
  rows: RowAttribution[];
}

/** How to attribute. */
export interface AttributionOptions {
  method?: AttributionMethod;
  steps?: number;
  /** Called after each row: `done` of `total`; awaited, so a host can yield or throw to stop. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
}

/** The mean of the rows of x (rows × inputs): the `mean` baseline. */
export function meanInputs(x: Float32Array, rows: number, inputs: number): Float32Array {
  const sum = new Float64Array(inputs);
  for (let r = 0; r < rows; r++) for (let i = 0; i < inputs; i++) sum[i] += x[r * inputs + i]!;
  return Float32Array.from(sum, (s) => s / Math.max(1, rows));
}

/**
 * Attributions of each row of x (rows × model.inputs, preprocessed) against `baseline` (one row of inputs),
 * for the probability of the class predicted for the row, or the predicted value.
 */
export async function attributeRows(
  model: ModelFile,
  pre: Preprocessing,
  backend: Backend,
  x: Float32Array,
  rows: number,
  baseline: Float32Array,
  options: AttributionOptions = {},
): Promise<AttributionResult> {
  const method = options.method ?? 'integrated-gradients';
  const steps = options.steps ?? DEFAULT_STEPS;
  const f = model.inputs;
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_STEPS)
    throw new ExplainError(explainMessages.badSteps(steps));
  if (baseline.length !== f) throw new ExplainError(explainMessages.baselineWidth(baseline.length, f));
  const blocks = columnBlocks(pre);
  const t = pre.target;
  const network = loadNetwork(model, backend);
  try {
    const out = await predictRows(network, x, rows);
    const result: RowAttribution[] = [];
    for (let r = 0; r < rows; r++) {
      const xr = x.subarray(r * f, (r + 1) * f);
      const c = t.kind === 'classification' ? predictedClass(out, r, model.outputs) : -1;
      const evaluate: PathEvaluator = (alphas) => {
        const path = new Float32Array(alphas.length * f);
        alphas.forEach((alpha, s) => {
          for (let i = 0; i < f; i++) path[s * f + i] = baseline[i]! + alpha * (xr[i]! - baseline[i]!);
        });
        const what: ExplainedOutput =
          t.kind === 'regression'
            ? { kind: 'value', mean: t.mean, std: t.std }
            : { kind: 'probability', classes: new Int32Array(alphas.length).fill(c) };
        return outputGradients(network, path, alphas.length, what);
      };
      let row: PathIntegral;
      if (method === 'integrated-gradients') {
        row = await integrateGradients(evaluate, xr, baseline, steps);
      } else {
        const g = await evaluate([0, 1]);
        row = {
          attributions: Float64Array.from(xr, (v, i) => (v - baseline[i]!) * g.gradients[f + i]!),
          prediction: g.values[1]!,
          baseline: g.values[0]!,
          points: 2,
        };
      }
      const total = row.attributions.reduce((a, b) => a + b, 0);
      result.push({
        prediction: row.prediction,
        baseline: row.baseline,
        label: t.kind === 'classification' ? t.classes[c]! : null,
        attributions: sumByColumn(blocks, row.attributions),
        gap: total - (row.prediction - row.baseline),
        points: row.points,
      });
      await options.onProgress?.(r + 1, rows);
    }
    return {
      method,
      output: t.kind === 'classification' ? 'probability' : 'value',
      steps: method === 'integrated-gradients' ? steps : null,
      rows: result,
    };
  } finally {
    network.dispose();
  }
}
