/**
 * Public API of hyperparameter sweeps: search spaces, strategies (grid, random, successive halving, Hyperband, TPE),
 * the runner with an injected trial executor, worker pools, retraining the best trial, and CSV export.
 */
export * from './types.ts';
export { SweepError } from './sweep-error.ts';
export { checkSearchSpace, parseSearchSpace } from './space.ts';
export { checkParameters, type DataShape } from './check-space.ts';
export {
  prepareSweep,
  defaultConcurrency,
  DEFAULT_TRIALS,
  type PrepareOptions,
  type SweepOverrides,
  type SweepSetup,
} from './prepare.ts';
export { parsePath, type ParamTarget } from './path.ts';
export { applyParams, trialSpec, resizeHidden } from './apply.ts';
export { sampleValue, gridValues } from './distributions.ts';
export { trialSeed } from './seeds.ts';
export {
  defaultObjective,
  directionOf,
  objectiveMetrics,
  epochMetrics,
  compareTrials,
  bestTrial,
  sortTrials,
} from './objective.ts';
export {
  createStrategy,
  gridSize,
  rungEpochs,
  rungSizes,
  halvingBudget,
  hyperbandBrackets,
  hyperbandMaxBracket,
  hyperbandSizes,
  randomParams,
  suggest,
  type HalvingRun,
  type Strategy,
  type StrategyStep,
  type TrialStep,
} from './strategies/index.ts';
export { SweepControl } from './control.ts';
export type { TrialExecutor, TrialExecution, TrialHooks, TrialJob, TrialJobResult, TrialProgress } from './executor.ts';
export { runSweep, type RunSweepOptions } from './runner.ts';
export { trainTrialJob, type TrialContext } from './trial.ts';
export { createLocalExecutor, type LocalExecutorOptions } from './local-executor.ts';
export {
  createPoolExecutor,
  TrialWorkerError,
  type PoolExecutor,
  type PoolOptions,
  type TrialPort,
} from './worker-pool.ts';
export { createTrialHost, type TrialHost, type TrialHostOptions } from './trial-host.ts';
export {
  parseTrialWorkerRequest,
  parseTrialWorkerEvent,
  type TrialWorkerRequest,
  type TrialWorkerEvent,
  type TrialWireError,
} from './wire.ts';
export { retrainBest, retrainSpec, type RetrainOptions, type RetrainResult } from './retrain.ts';
export { trialsCsv } from './csv.ts';
export { parseTrialsCsv } from './csv-read.ts';
export {
  parameterImportance,
  MIN_IMPORTANCE_TRIALS,
  type ImportanceResult,
  type ParameterImportance,
} from './importance.ts';
export { optunaStudy, type OptunaStudyConfig } from './optuna/config.ts';
export { autoSweep, autoFolds, AUTO_LABELS, AUTO_TRIALS, type AutoSpaceJson, type AutoSweepOptions } from './auto.ts';
export { autoPick, pairedGain, type AutoPick } from './auto-pick.ts';
export { autoRefitReserveMs } from './auto-budget.ts';
export { assignFolds, foldData, foldTargets, type FoldSetting } from './folds.ts';
