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
 * Each family (session, data, model, train, evaluate, memory, step, sweep) declares its messages once, in
 * one table; `messages.ts` derives the unions, the reply map and the validators from the tables.
 * Pure TypeScript: no DOM or worker types, so the engine's tsconfig checks it.
 */

/** The vocabulary the UI offers (names and defaults), re-exported so the renderer imports values only from here. */
export {
  ACTIVATION_NAMES, BACKEND_NAMES, INITIALIZER_NAMES, LAYER_TYPES, LOSS_NAMES, MONITOR_NAMES, OPTIMIZER_NAMES,
  SCHEDULE_NAMES, TRAINING_DEFAULTS, OPTIMIZER_DEFAULTS, EARLY_STOPPING_DEFAULTS, BATCH_NORM_DEFAULTS,
} from '../spec/index.ts';
export { COLUMN_TYPES, DATE_ENCODINGS, MISSING_STRATEGIES, DEFAULT_SPLIT, DEFAULT_MAX_CATEGORIES, DATE_ORDERS, DECIMAL_SEPARATORS } from '../data/index.ts';
/** Engine types the messages carry, re-exported for the renderer. */
export type {
  ActivationName, BackendChoice, DenseLayerSpec, InitializerName, LayerSpec, LayerType, LossName, NetworkSpec, OptimizerName, OptimizerSpec,
  ScheduleName, ScheduleSpec, EarlyStoppingSpec, MonitorName, Task, TrainingSpec,
} from '../spec/index.ts';
/** A user-facing problem: code, path and message. */
export type { Problem } from '../errors.ts';
/** Dataset types the messages carry. */
export type {
  CsvOptions, CsvReading, DateEncoding, DateOrder, DatasetSettings, ColumnSettings, ColumnRole, MissingStrategy, Scaling, CategoryEncoding, ColumnType,
} from '../data/index.ts';
/** The step-through arithmetic the renderer shows, and the loss's probability floor. */
export { shownArithmetic, type ShownArithmetic } from '../train/shown-arithmetic.ts';
export { PROBABILITY_EPSILON } from '../losses/index.ts';
/** The sweep vocabulary and the pure helpers the renderer shows results with (importance, CSV, ranking). */
export {
  DISTRIBUTION_NAMES, STRATEGY_NAMES, SPACE_FORMAT, SPACE_VERSION, DEFAULT_TRIALS,
  defaultConcurrency, directionOf, objectiveMetrics, sortTrials, compareTrials, trialsCsv, parameterImportance, MIN_IMPORTANCE_TRIALS,
} from '../sweep/index.ts';
/** Sweep types the messages carry. */
export type {
  ImportanceResult, ParameterImportance,
  Direction, Distribution, DistributionName, Objective, Parameter, ParamValue, StrategyName, SweepEvent, SweepPlan, SweepResult,
  SweepStatus, TrialParams, TrialRecord, TrialStatus,
} from '../sweep/index.ts';

export { ProtocolError, type ByteSource } from './fields.ts';
export { PROTOCOL_VERSION, toWireError, WIRE_ERROR_NAMES, type WireError, type WireErrorName } from './session.ts';
export {
  LOAD_OPTION_VALUES,
  type CategoryCount, type ColumnInfo, type DatasetSummary, type DateOrderFound, type HistogramBin, type LoadOptions, type TableInfo,
} from './data.ts';
export { MODEL_FORMATS, type ExportedFile, type LayerShape, type ModelFormat, type WireTensor } from './model.ts';
export type { DiagnosticRecord, EpochRecord, StopReason } from './train.ts';
export type { ClassificationEvaluation, CurvePoint, Evaluation, RegressionEvaluation } from './evaluate.ts';
export type { WorkerMemory } from './memory.ts';
export {
  isWireStepTrace, stepTransferables,
  type StepSource, type StepMatrix, type StepForward, type StepBackward, type StepTensor, type StepGradientScale, type WireStepTrace,
  type StepRequest, type StepEvent,
} from './step.ts';
export { isWireSweepEvent, type SweepRequest, type SweepEngineEvent, type SweepCheck, type SpaceJson, type SpaceParameterJson } from './sweep.ts';
export {
  parseEvent, parseRequest, REPLY_TYPE, transferablesOf,
  type EngineEvent, type EngineRequest, type EventType, type ReplyOf, type RequestType,
} from './messages.ts';
