/** The evaluate step of the run pipeline: a model on its test split, with everything the Evaluate view shows. */
import { CpuBackend, type Backend } from '../backend/index.ts';
import { DatasetError } from '../errors.ts';
import { decodeOutputs, targetScale, type Preprocessing, type Split } from '../data/index.ts';
import { scoreModel, type ModelFile } from '../export/index.ts';
import type { ClassificationEvaluation, Evaluation, RegressionEvaluation } from '../protocol/index.ts';
import { binaryCurves } from './curves.ts';
import { runMessages } from './messages.ts';

/** The model's preprocessing, or a user error saying a file saved without it cannot read CSV rows. */
export function preprocessingOf(model: ModelFile): Preprocessing {
  if (!model.preprocessing) throw new DatasetError(runMessages.noPreprocessing());
  return model.preprocessing;
}

/**
 * Evaluate a model on a prepared test split (rows without a known target left out, the others keeping
 * their table row indices): loss, accuracy, confusion matrix, per-class scores and, for two classes, ROC
 * and precision-recall curves; or loss, MAE, RMSE and R² with actual and predicted values in the
 * target's units. Scored on `backend`, the CPU reference backend when omitted.
 */
export async function evaluateTestSplit(model: ModelFile, test: Split, backend?: Backend): Promise<Evaluation> {
  const pre = preprocessingOf(model);
  if (test.rows === 0) throw new DatasetError(runMessages.noTestRows());
  const on = backend ?? new CpuBackend();
  let scored;
  try {
    scored = await scoreModel(model, on, test.x, test.y, test.rows, targetScale(pre), pre.target.column);
  } finally {
    if (!backend) on.destroy();
  }
  const { metrics, out, rows } = scored;
  const decoded = decodeOutputs(pre, out, rows, model.outputs);
  const rowIndices = Int32Array.from(scored.positions, (p) => test.rowIndices[p]!);
  if (metrics.kind === 'classification' && decoded.kind === 'classification') {
    const actual = Int32Array.from(scored.y);
    const binary =
      decoded.classes.length === 2
        ? binaryCurves(
            Float32Array.from({ length: rows }, (_, i) => decoded.probabilities[i * 2 + 1] ?? 0),
            actual,
          )
        : null;
    const evaluation: ClassificationEvaluation = {
      kind: 'classification',
      classes: decoded.classes,
      loss: metrics.loss,
      accuracy: metrics.accuracy,
      confusion: metrics.confusion,
      perClass: metrics.classes,
      rowIndices,
      actual,
      predicted: Int32Array.from(decoded.classIndices),
      roc: binary?.roc ?? null,
      pr: binary?.pr ?? null,
    };
    return evaluation;
  }
  if (metrics.kind !== 'regression' || decoded.kind !== 'regression') {
    throw new Error('Internal error (please report): the model and its preprocessing disagree on the task.');
  }
  const scale = targetScale(pre) ?? { mean: 0, std: 1 };
  const evaluation: RegressionEvaluation = {
    kind: 'regression',
    loss: metrics.loss,
    mae: metrics.mae,
    rmse: metrics.rmse,
    r2: metrics.r2,
    rowIndices,
    actual: Float32Array.from(scored.y, (y) => y * scale.std + scale.mean),
    predicted: Float32Array.from(decoded.values),
  };
  return evaluation;
}
