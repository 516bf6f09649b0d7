/** Starting networks generated from the data: what `train` uses without --spec, and the app's templates. */
import { SPEC_FORMAT, SPEC_VERSION, type NetworkSpec, type Task, type TrainingSpec } from './types.ts';

/** Names of the built-in templates. */
export type TemplateName = 'simple' | 'deeper';

/** Below this many training rows, validation sets are too small for early stopping to be more than noise. */
export const SMALL_DATA_ROWS = 1000;

/**
 * Training settings scaled to the data: small sets get small batches and a fixed, generous number of
 * epochs (a 15-row validation set makes early stopping stop on noise); larger sets get early stopping
 * on the validation loss and about 20,000 steps at most.
 */
function trainingFor(rows: number, regression: boolean): TrainingSpec {
  if (regression) {
    return {
      epochs: 300,
      batchSize: 32,
      seed: 42,
      validationSplit: 0.1,
      // 0.001, not 0.003: with the 64-unit layer, 0.003 let early stopping on a small validation set pick epoch 4 (R² 0.33 on the diabetes sample's own split)
      optimizer: { type: 'adam', learningRate: 0.001 },
      earlyStopping: { monitor: 'valLoss', patience: 30, restoreBestWeights: true },
    };
  }
  if (rows < SMALL_DATA_ROWS) {
    return {
      epochs: 300,
      batchSize: 16,
      seed: 42,
      validationSplit: 0.1,
      optimizer: { type: 'adam', learningRate: 0.001 },
      earlyStopping: null,
    };
  }
  const steps = Math.ceil(rows / 32);
  return {
    epochs: Math.max(30, Math.min(200, Math.round(20000 / steps))),
    batchSize: 32,
    seed: 42,
    validationSplit: 0.1,
    optimizer: { type: 'adam', learningRate: 0.001 },
    earlyStopping: { monitor: 'valLoss', patience: 20, restoreBestWeights: true },
  };
}

/**
 * A sensible network for the task and data size. Classification: two ReLU layers (64, 32).
 * Regression: one 64-unit ELU layer with strong L2 and dropout — tabular regression sets are small and noisy,
 * and a well-regularized net should at least match a linear model. Chosen by evidence (`npm run bench:quality
 * -- --spec-for=TASK:FILE`, 5-split means; bench/RESULTS.md, "Default networks"): 64 units at learning rate
 * 0.001 instead of 32 at 0.003 raised R² on diabetes 0.411 → 0.421 and on a synthetic nonlinear set
 * (Friedman #1) 0.725 → 0.744: the narrow layer underfit, and L2 and dropout keep the wider one in check; the
 * 'deeper' template did not help (0.410). For small classification sets no candidate (early stopping with the
 * refit, L2 1e-3, 100 epochs, batch 32 or 64) beat 300 epochs at batch 16 by more than one test row.
 */
export function defaultSpec(
  task: Task,
  inputs: number,
  template: TemplateName = 'simple',
  rows = SMALL_DATA_ROWS,
): NetworkSpec {
  const deeper = template === 'deeper';
  const base = { format: SPEC_FORMAT, version: SPEC_VERSION } as const;
  if (task.kind === 'regression') {
    return {
      ...base,
      name: deeper ? 'Deeper regressor' : 'Simple regressor',
      layers: [
        { id: 'dense-1', type: 'dense', units: 64, activation: 'elu', l2: 0.01 },
        ...(deeper
          ? [
              { id: 'batchnorm-1', type: 'batchNorm' as const },
              { id: 'dense-2', type: 'dense' as const, units: 32, activation: 'elu' as const, l2: 0.01 },
            ]
          : []),
        { id: 'dropout-1', type: 'dropout', rate: 0.3 },
        { id: 'output', type: 'dense', units: 'auto' },
      ],
      training: trainingFor(rows, true),
    };
  }
  const wide = Math.max(16, Math.min(128, 2 ** Math.ceil(Math.log2(Math.max(inputs, 8) * 2))));
  return {
    ...base,
    name: deeper ? 'Deeper classifier' : 'Simple classifier',
    layers: [
      { id: 'dense-1', type: 'dense', units: deeper ? wide : 64, activation: 'relu' },
      ...(deeper
        ? [
            { id: 'batchnorm-1', type: 'batchNorm' as const },
            { id: 'dropout-1', type: 'dropout' as const, rate: 0.2 },
          ]
        : []),
      { id: 'dense-2', type: 'dense', units: deeper ? Math.max(16, wide / 2) : 32, activation: 'relu' },
      ...(deeper
        ? [{ id: 'dense-3', type: 'dense' as const, units: Math.max(8, wide / 4), activation: 'relu' as const }]
        : []),
      { id: 'output', type: 'dense', units: 'auto' },
    ],
    training: trainingFor(rows, false),
  };
}
