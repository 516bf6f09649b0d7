/**
 * The explain family (issue 16): why a finished run's model decides what it decides, computed in the
 * worker on the run's backend over the loaded table's test rows.
 *
 * - `explain/importance`: permutation importance of every feature column on the test rows.
 * - `explain/rows`: attributions of chosen table rows (Integrated Gradients or gradient × input) against
 *   the mean of the test rows' inputs (or all-zero inputs), with each row's values beside its columns.
 * - `explain/pdp`: partial dependence of one column over the test rows, with individual curves on request.
 * - While one runs, `explain/progress` events carry its `id`; `explain/cancel` names that `id`, and the
 *   cancelled request is answered by an `error` event with code `explain/cancelled`.
 */
import {
  ATTRIBUTION_METHODS,
  type AttributionMethod,
  type ImportanceResult,
  type PartialDependence,
} from '../explain/index.ts';
import { isRecord, ProtocolError, reply, request } from './fields.ts';

/** What a row's prediction is compared with: the mean of the test rows' inputs, or every input 0. */
export const EXPLAIN_BASELINES = ['mean', 'zeros'] as const;

/** One of `EXPLAIN_BASELINES`. */
export type ExplainBaseline = (typeof EXPLAIN_BASELINES)[number];

/** One row's attributions, columns in `WireAttributions.columns` order. */
export interface WireRowAttribution {
  /** The row's index in the loaded table (0-based data row). */
  row: number;
  /** The class whose probability is explained; null for regression. */
  label: string | null;
  /** F(x): the class's probability or the predicted value; F(baseline) for the same output. */
  prediction: number;
  baseline: number;
  /** Σ attributions − (prediction − baseline). */
  gap: number;
  attributions: number[];
  /** The row's cells as the CSV writes them ('' when missing). */
  values: string[];
}

/** Attributions of some rows (columns as arrays, so a column named `__proto__` crosses safely). */
export interface WireAttributions {
  method: AttributionMethod;
  output: 'probability' | 'value';
  steps: number | null;
  baseline: ExplainBaseline;
  /** Test rows the `mean` baseline averages. */
  baselineRows: number;
  columns: string[];
  rows: WireRowAttribution[];
}

/** Permutation importance as the engine computes it. */
export type WireImportance = ImportanceResult;

/** Partial dependence as the engine computes it. */
export type WirePartialDependence = PartialDependence;

function oneOf(type: string, field: string, value: string, allowed: readonly string[]): void {
  if (!allowed.includes(value))
    throw new ProtocolError(`'${type}' ${field} '${value}' is not one of ${allowed.join(', ')}`);
}

function checkAttributions(v: WireAttributions): void {
  const ok =
    Array.isArray(v.columns) &&
    Array.isArray(v.rows) &&
    v.rows.every(
      (r: unknown) =>
        isRecord(r) &&
        Array.isArray(r.attributions) &&
        r.attributions.length === v.columns.length &&
        Array.isArray(r.values) &&
        r.values.length === v.columns.length,
    );
  if (!ok) throw new ProtocolError("'explain/rows-done' rows do not give one attribution and one value per column");
}

/** The explain requests. */
export const EXPLAIN_REQUESTS = {
  /** Permutation importance on the run's test rows; `repeats` and `seed` null: the engine's defaults. */
  'explain/importance': request<{ runId: string; repeats: number | null; seed: number | null }>()(
    'explain/importance-done',
    { runId: 'string', repeats: 'number?', seed: 'number?' },
  ),
  /** Attributions of table rows `rows` (0-based); `steps` null: the engine's default. */
  'explain/rows': request<{
    runId: string;
    rows: Int32Array;
    method: AttributionMethod;
    baseline: ExplainBaseline;
    steps: number | null;
  }>()(
    'explain/rows-done',
    { runId: 'string', rows: 'i32', method: 'string', baseline: 'string', steps: 'number?' },
    {
      check: (m) => {
        oneOf('explain/rows', 'method', m.method, ATTRIBUTION_METHODS);
        oneOf('explain/rows', 'baseline', m.baseline, EXPLAIN_BASELINES);
      },
    },
  ),
  /** Partial dependence of `column` over the test rows; `points` null: the engine's default grid. */
  'explain/pdp': request<{ runId: string; column: string; ice: boolean; points: number | null }>()('explain/pdp-done', {
    runId: 'string',
    column: 'string',
    ice: 'boolean',
    points: 'number?',
  }),
  /** Stop the explain request whose id is `target` (running or waiting); `cancelled` false when none was. */
  'explain/cancel': request<{ target: number }>()('explain/cancelled', { target: 'number' }),
};

/** The explain events. */
export const EXPLAIN_EVENTS = {
  /** `done` of `total` steps of an explain request (shuffles, rows or grid values). */
  'explain/progress': reply<{ done: number; total: number }>()({ done: 'number', total: 'number' }),
  /** Each result names the backend that computed it (`backend`, its label). */
  'explain/importance-done': reply<{ runId: string; backend: string; result: WireImportance }>()(
    { runId: 'string', backend: 'string', result: 'object' },
    {
      check: (m) => {
        if (!Array.isArray(m.result.columns))
          throw new ProtocolError("'explain/importance-done' result has no columns");
      },
    },
  ),
  'explain/rows-done': reply<{ runId: string; backend: string; result: WireAttributions }>()(
    { runId: 'string', backend: 'string', result: 'object' },
    { check: (m) => checkAttributions(m.result) },
  ),
  'explain/pdp-done': reply<{ runId: string; backend: string; result: WirePartialDependence }>()(
    { runId: 'string', backend: 'string', result: 'object' },
    {
      check: (m) => {
        const r = m.result;
        if (!Array.isArray(r.grid) || !Array.isArray(r.average) || r.grid.length !== r.average.length) {
          throw new ProtocolError("'explain/pdp-done' result has no average per grid value");
        }
      },
    },
  ),
  'explain/cancelled': reply<{ target: number; cancelled: boolean }>()({ target: 'number', cancelled: 'boolean' }),
};
