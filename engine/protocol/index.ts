/**
 * The one message protocol between the UI and the engine worker: this folder's public API.
 *
 * - Requests go UI → worker and carry a numeric `id`; the worker answers each with the matching reply
 *   event (same `id`) or an `error` event with that `id`.
 * - A training run is named by a `runId` chosen by the UI; its run events carry it. A sweep is named by a `sweepId`.
 * - Large arrays cross as transferable buffers (`Float32Array`, `Int32Array`, `ArrayBuffer`), never as
 *   JSON arrays: `transferablesOf` lists them for `postMessage`.
 * - Every incoming message is `unknown` until `parseRequest` / `parseEvent` return a typed value.
 *
 * Each family (session, data, model, train, evaluate, explain, memory, step, sweep, report) declares its messages once, in
 * one table; `messages.ts` derives the unions, the reply map and the validators from the tables.
 * Pure TypeScript: no DOM or worker types, so the engine's tsconfig checks it.
 */

/** The vocabulary the UI offers (names and defaults), re-exported so the renderer imports values only from here. */
export {
  ACTIVATION_NAMES,
  BACKEND_NAMES,
  INITIALIZER_NAMES,
  LAYER_TYPES,
  MONITOR_NAMES,
  OPTIMIZER_NAMES,
  SCHEDULE_NAMES,
} from '../spec/index.ts';
export { COLUMN_TYPES, DATE_ENCODINGS, MISSING_STRATEGIES, DEFAULT_SPLIT } from '../data/index.ts';
/** Engine types the messages carry, re-exported for the renderer. */
export type {
  BackendChoice,
  DenseLayerSpec,
  LayerSpec,
  LayerType,
  LossName,
  NetworkSpec,
  OptimizerName,
  OptimizerSpec,
  ScheduleName,
  ScheduleSpec,
  Task,
  TrainingSpec,
} from '../spec/index.ts';
/** A user-facing problem: code, path and message. */
export type { Problem } from '../errors.ts';
/** Dataset types the messages carry. */
export type {
  DateEncoding,
  DateOrder,
  DatasetSettings,
  ColumnSettings,
  ColumnRole,
  MissingStrategy,
  Scaling,
  CategoryEncoding,
  ColumnType,
} from '../data/index.ts';
/** The step-through arithmetic the renderer shows, and the loss's probability floor. */
export { shownArithmetic, type ShownArithmetic } from '../train/shown-arithmetic.ts';
export { PROBABILITY_EPSILON } from '../losses/index.ts';
/** The sweep vocabulary and the pure helpers the renderer shows results with (importance, CSV, ranking). */
export {
  DISTRIBUTION_NAMES,
  STRATEGY_NAMES,
  SPACE_FORMAT,
  SPACE_VERSION,
  defaultConcurrency,
  directionOf,
  objectiveMetrics,
  sortTrials,
  trialsCsv,
  parameterImportance,
  MIN_IMPORTANCE_TRIALS,
  parseTrialsCsv,
  autoSweep,
  autoPick,
  AUTO_LABELS,
} from '../sweep/index.ts';
/** Sweep types the messages carry. */
export type {
  ImportanceResult,
  Direction,
  DistributionName,
  Parameter,
  ParamValue,
  StrategyName,
  SweepEvent,
  SweepPlan,
  SweepResult,
  TrialRecord,
  TrialStatus,
} from '../sweep/index.ts';

export type { ByteSource } from './fields.ts';
export { PROTOCOL_VERSION, toWireError, type WireError } from './session.ts';
export {
  LOAD_OPTION_VALUES,
  type ColumnInfo,
  type DatasetSummary,
  type DateOrderFound,
  type LoadOptions,
  type TableInfo,
} from './data.ts';
export type { ExportedFile, ModelFormat, OpenedModel, WireTensor } from './model.ts';
export type { LayerShape } from './network.ts';
export type { DiagnosticRecord, EpochRecord, StopReason } from './train.ts';
export type { ClassificationEvaluation, CurvePoint, Evaluation, RegressionEvaluation } from './evaluate.ts';
export type { WorkerMemory } from './memory.ts';
/** The attribution methods and the explain messages' results. */
export { ATTRIBUTION_METHODS, type AttributionMethod } from '../explain/index.ts';
export type { WireAttributions, WireImportance, WirePartialDependence, WireRowAttribution } from './explain.ts';
export type { StepSource, StepMatrix, StepTensor, StepGradientScale, WireStepTrace, StepRequest } from './step.ts';
export type { SweepRequest, SweepCheck, SpaceJson, SpaceParameterJson } from './sweep.ts';
export {
  parseEvent,
  parseRequest,
  REPLY_TYPE,
  transferablesOf,
  type EngineEvent,
  type EngineRequest,
  type ReplyOf,
  type RequestType,
} from './messages.ts';
