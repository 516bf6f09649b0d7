/** Public API of training: the loop, control, metrics, predictions, gradients. */
export { trainNetwork } from './trainer.ts';
export type { TrainOptions, TrainResult } from './trainer-types.ts';
export { TrainControl, type RunState, type RunWeightsSource, type RunPosition } from './control.ts';
export {
  computeMetrics,
  headlineMetrics,
  predictedClass,
  meanLoss,
  balancedAccuracyOf,
  type Metrics,
  type ClassificationMetrics,
  type RegressionMetrics,
  type ClassScores,
} from './metrics.ts';
export { Network } from './network.ts';
export { knownTargets, type KnownTargets } from './known-targets.ts';
export { predictRows } from './predict.ts';
export { computeGradients, type GradientReport } from './gradients.ts';
export { resolveTraining, type TrainingConfig } from './config.ts';
export {
  resolveClassWeights,
  balancedWeights,
  STRONG_IMBALANCE_RATIO,
  type ResolvedClassWeights,
} from './class-weights.ts';
export { checkGradients } from './diagnostics.ts';
export type {
  Split,
  TrainingData,
  WeightTensor,
  OptimizerCheckpoint,
  EpochSummary,
  LayerNorms,
  Diagnostic,
  TrainEvent,
  StopReason,
} from './types.ts';
export { traceStep, initialWeights } from './step-trace.ts';
export type {
  StepTrace,
  TraceOptions,
  ForwardTrace,
  BackwardTrace,
  UpdateTrace,
  TraceMatrix,
} from './step-trace-types.ts';
export type { LayerGradientScale } from './step-trace-text.ts';
export { selectBackend, timeSteps, type Calibration } from './select-backend.ts';
