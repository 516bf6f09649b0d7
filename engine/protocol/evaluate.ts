/** The evaluate family: a finished run's model scored on its test split, and predictions for a new CSV. */
import type { Problem } from '../errors.ts';
import { reply, request, type ByteSource } from './fields.ts';

/** A point on a curve. */
export interface CurvePoint {
  x: number;
  y: number;
}

/** Evaluation of a classifier on the test split. */
export interface ClassificationEvaluation {
  kind: 'classification';
  classes: string[];
  loss: number;
  accuracy: number;
  /** confusion[actual][predicted] counts. */
  confusion: number[][];
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
  /** Per test row: its index in the loaded table (0-based data row). */
  rowIndices: Int32Array;
  actual: Int32Array;
  predicted: Int32Array;
  /** Binary only: ROC and precision-recall curves of the positive class (classes[1]). */
  roc: { points: CurvePoint[]; auc: number } | null;
  pr: { points: CurvePoint[]; auc: number } | null;
}

/** Evaluation of a regressor on the test split, in the target's original units. */
export interface RegressionEvaluation {
  kind: 'regression';
  loss: number;
  mae: number;
  rmse: number;
  r2: number;
  rowIndices: Int32Array;
  actual: Float32Array;
  predicted: Float32Array;
}

/** Either kind of evaluation. */
export type Evaluation = ClassificationEvaluation | RegressionEvaluation;

/** The evaluate requests. */
export const EVALUATE_REQUESTS = {
  /** Evaluate a finished run's model on its test split. */
  'evaluate/run': request<{ runId: string }>()('evaluate/done', { runId: 'string' }),
  /** Predict a new CSV with a run's model; the reply is that CSV with prediction columns added. */
  'predict/run': request<{ runId: string; name: string; source: ByteSource | ArrayBuffer }>()(
    'predict/done',
    { runId: 'string', name: 'string', source: 'source' },
    { transfer: (m) => (m.source instanceof ArrayBuffer ? [m.source] : []) },
  ),
};

/** The evaluate events. */
export const EVALUATE_EVENTS = {
  'evaluate/done': reply<{ runId: string; evaluation: Evaluation }>()(
    { runId: 'string', evaluation: 'object' },
    { transfer: ({ evaluation: e }) => [e.rowIndices, e.actual, e.predicted] },
  ),
  'predict/done': reply<{ runId: string; csv: string; rows: number; warnings: Problem[] }>()({
    runId: 'string',
    csv: 'string',
    rows: 'number',
    warnings: 'array',
  }),
};
