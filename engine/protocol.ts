/**
 * The one message protocol between the UI and the engine worker.
 *
 * - Requests go UI → worker and carry a numeric `id`; the worker answers each with the matching reply
 *   event (same `id`) or an `error` event with that `id`.
 * - A training run is named by a `runId` chosen by the UI; its live events carry it.
 * - Large arrays cross as transferable buffers (`Float32Array`, `Int32Array`, `ArrayBuffer`), never as
 *   JSON arrays: `transferablesOf` lists them for `postMessage`.
 * - Every incoming message is `unknown` until `parseRequest` / `parseEvent` return a typed value.
 *
 * Pure TypeScript: no DOM or worker types, so the engine's tsconfig checks it.
 */
import type { Problem } from './errors.ts';
import type { BackendChoice, NetworkSpec, Task } from './spec/index.ts';
import { DATE_ORDERS, DECIMAL_SEPARATORS, type ColumnType, type CsvOptions, type CsvReading, type DatasetSettings } from './data/index.ts';
import { isWireStepTrace, stepTransferables, type StepEvent, type StepRequest } from './protocol-step.ts';
import { isWireSweepEvent, type SweepEngineEvent, type SweepRequest } from './protocol-sweep.ts';

/** The vocabulary the UI offers (names and defaults), re-exported so the renderer imports values only from here. */
export {
  ACTIVATION_NAMES, BACKEND_NAMES, INITIALIZER_NAMES, LAYER_TYPES, LOSS_NAMES, MONITOR_NAMES, OPTIMIZER_NAMES,
  SCHEDULE_NAMES, TRAINING_DEFAULTS, OPTIMIZER_DEFAULTS, EARLY_STOPPING_DEFAULTS, BATCH_NORM_DEFAULTS,
} from './spec/index.ts';
export { COLUMN_TYPES, MISSING_STRATEGIES, DEFAULT_SPLIT, DEFAULT_MAX_CATEGORIES, DATE_ORDERS, DECIMAL_SEPARATORS } from './data/index.ts';
/** Engine types the messages carry, re-exported for the renderer. */
export type {
  ActivationName, BackendChoice, DenseLayerSpec, InitializerName, LayerSpec, LayerType, LossName, NetworkSpec, OptimizerName, OptimizerSpec,
  ScheduleName, ScheduleSpec, EarlyStoppingSpec, MonitorName, Task, TrainingSpec,
} from './spec/index.ts';
/** A user-facing problem: code, path and message. */
export type { Problem } from './errors.ts';
/** Dataset types the messages carry. */
export type { CsvOptions, CsvReading, DateOrder, DatasetSettings, ColumnSettings, ColumnRole, MissingStrategy, Scaling, CategoryEncoding, ColumnType } from './data/index.ts';
/** Step-through (issue 8): the trace of one training iteration, defined in protocol-step.ts. */
export type {
  StepSource, StepMatrix, StepForward, StepBackward, StepTensor, StepGradientScale, WireStepTrace, StepRequest, StepEvent,
} from './protocol-step.ts';
/** Sweeps (issue 7): the sweep messages and their data, defined in protocol-sweep.ts. */
export type { SweepRequest, SweepEngineEvent, SweepCheck, SpaceJson, SpaceParameterJson } from './protocol-sweep.ts';

/** Bumped when a message changes shape. */
export const PROTOCOL_VERSION = 1;

// ---------------------------------------------------------------- shared wire types

/** An error as it crosses the wire: the engine's typed errors keep their code, path and problems. */
export interface WireError {
  /** `SpecError`, `DatasetError`, `TrainingError`, `ModelFileError`, `BackendError`, or `Error` for bugs. */
  name: string;
  code: string;
  path: string;
  message: string;
  problems: Problem[];
}

/** Something bytes can be read from in slices: a browser `Blob`/`File` fits, so large files stream. */
export interface ByteSource {
  readonly size: number;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** A bar of a numeric column's histogram: values in [from, to). */
export interface HistogramBin { from: number; to: number; count: number }

/** How often a category occurs. */
export interface CategoryCount { value: string; count: number }

/** One column of a loaded table, as the data view shows it. */
export interface ColumnInfo {
  name: string;
  /** The inferred type. */
  type: ColumnType;
  /** Why the column is left out of training by default; null when it is used. */
  exclusion: string | null;
  missing: number;
  /** Distinct non-missing values (large counts are a lower bound). */
  distinct: number;
  /** Over the number cells; null when there are none. */
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  /** Numeric columns: histogram of the number cells. */
  histogram: HistogramBin[];
  /** Text columns: the most frequent values, most frequent first. */
  topCategories: CategoryCount[];
}

/** See `TableInfo.dateOrderFound`. */
export type DateOrderFound = 'none' | 'detected' | 'assumed' | 'differs';

/**
 * What the worker holds, estimated as the bytes of the typed arrays it keeps (each buffer once): the
 * loaded table and its prepared splits, and every run's weights, optimizer state and model arrays.
 */
export interface WorkerMemory {
  /** Everything below together. */
  bytes: number;
  /** The current table and the prepared training arrays cached for it. */
  tableBytes: number;
  /** The runs the worker keeps for evaluate, continue and export. */
  runBytes: number;
  /** How many runs it keeps. */
  runs: number;
}

/** A loaded CSV: its shape, columns, and what the reader noticed. */
export interface TableInfo {
  /** File name shown to the user. */
  name: string;
  rows: number;
  columns: ColumnInfo[];
  delimiter: string;
  encoding: string;
  /** The decimal separator and date order the file was read with (the options sent, else what was detected). */
  reading: CsvReading;
  /**
   * Where `reading.dateOrder` comes from: `none` (no column has dates like 03/04/2024), `detected` (a date
   * told day and month apart, or the order was set), `assumed` (none did: the default, day-first), or
   * `differs` (columns were read in different orders; `reading.dateOrder` is null).
   */
  dateOrderFound: DateOrderFound;
  /** Non-blocking reading problems (renamed headers, encoding fallback, …). */
  warnings: Problem[];
}

/** The prepared dataset as the UI needs to know it. */
export interface DatasetSummary {
  task: Task;
  /** Input features after encoding (one-hot columns expand). */
  featureNames: string[];
  rows: { train: number; validation: number; test: number };
  /** Rows dropped by the missing-value settings. */
  droppedRows: number;
  warnings: Problem[];
}

/** Output shape and parameter count of one layer. */
export interface LayerShape {
  id: string;
  /** `[null, units]`: null is the batch dimension (or a width that needs the data). */
  outputShape: (number | null)[];
  params: number;
}

/** A named weight tensor: a dense kernel has shape [inputs, units] and data row-major. */
export interface WireTensor {
  layer: string;
  name: string;
  shape: number[];
  data: Float32Array;
}

/** One epoch's summary (mirrors the engine's `EpochSummary`). */
export interface EpochRecord {
  epoch: number;
  epochs: number;
  loss: number;
  metrics: Record<string, number>;
  valLoss: number | null;
  valMetrics: Record<string, number> | null;
  learningRate: number;
  elapsedMs: number;
  layers: { id: string; gradNorm: number; weightNorm: number }[];
}

/** A diagnostic raised while training (vanishing/exploding gradients, divergence, …). */
export interface DiagnosticRecord {
  code: string;
  /** `info`, `warning` or `error`. */
  level: string;
  message: string;
  epoch: number | null;
  layer: string | null;
}

/** Why a run ended. */
export type StopReason = 'completed' | 'earlyStopping' | 'stopped' | 'failed';

/** A point on a curve. */
export interface CurvePoint { x: number; y: number }

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

// ---------------------------------------------------------------- requests (UI → worker)

/** The reading options `data/load` takes (each optional: detected, or the reader's default, when omitted). */
export type LoadOptions = Pick<CsvOptions, 'decimal' | 'dateOrder' | 'raggedRows'>;

/** Every request the worker serves. */
export type EngineRequest =
  /**
   * Read a CSV (streamed from a Blob, or bytes) and make it the current table; reading the same file again
   * with other `options` (decimal separator, date order, malformed rows) re-profiles it. Omitted options are detected.
   */
  | { type: 'data/load'; id: number; name: string; source: ByteSource | ArrayBuffer; options: LoadOptions | null }
  /** Rows of the current table as display strings: a window `start..start+count`, or the listed rows. */
  | { type: 'data/rows'; id: number; start: number; count: number; indices: Int32Array | null }
  /** Check the dataset settings against the current table: task, features, split sizes, warnings. */
  | { type: 'data/prepare'; id: number; settings: DatasetSettings; seed: number }
  /** Validate a network against the data: every problem, each layer's output shape and parameters. */
  | { type: 'model/check'; id: number; spec: NetworkSpec; settings: DatasetSettings | null }
  /** Start training; live events follow with this runId. */
  | { type: 'train/start'; id: number; runId: string; spec: NetworkSpec; settings: DatasetSettings }
  /**
   * Continue run `fromRunId` for `epochs` more epochs as the new run `runId`: its network, data settings
   * and training settings, from its final weights and optimizer state (a fresh optimizer, said in a
   * `train/diagnostic`, when the worker no longer holds that state). Epochs are numbered after the
   * earlier run's; live events follow with `runId`, as for `train/start`.
   */
  | { type: 'train/continue'; id: number; runId: string; fromRunId: string; epochs: number }
  | { type: 'train/pause'; id: number; runId: string }
  | { type: 'train/resume'; id: number; runId: string }
  | { type: 'train/stop'; id: number; runId: string }
  /** Evaluate a finished run's model on its test split. */
  | { type: 'evaluate/run'; id: number; runId: string }
  /** Predict a new CSV with a run's model; the reply is that CSV with prediction columns added. */
  | { type: 'predict/run'; id: number; runId: string; name: string; source: ByteSource | ArrayBuffer }
  /** The model file (JSON text) of a run. */
  | { type: 'model/export'; id: number; runId: string }
  /**
   * Give the worker a run's model file again (after a reload), so evaluate/predict/export work; the run's
   * dataset settings rebuild its test split from the current table.
   */
  | { type: 'model/load'; id: number; runId: string; model: string; settings: DatasetSettings | null }
  /**
   * Keep only these runs (the ones the project lists) and free every other finished run's model and
   * optimizer state; runs still training are kept. The reply says what the worker holds now.
   */
  | { type: 'runs/keep'; id: number; runIds: string[] }
  // ---- step-through (issue 8): `step/trace` (protocol-step.ts)
  | StepRequest
  // ---- sweeps (issue 7): `sweep/check|start|stop|apply|retrain`, `trial/cancel` (protocol-sweep.ts)
  | SweepRequest;

/** The `type` of a request. */
export type RequestType = EngineRequest['type'];

// ---------------------------------------------------------------- events (worker → UI)

/** Every event the worker sends. */
export type EngineEvent =
  /** The worker started; lists the backends this browser can run. */
  | { type: 'ready'; version: number; backends: BackendChoice[] }
  | { type: 'data/progress'; id: number; bytes: number; rows: number; fraction: number | null }
  | { type: 'data/loaded'; id: number; table: TableInfo }
  | { type: 'data/rows'; id: number; start: number; indices: Int32Array | null; cells: string[][] }
  | { type: 'data/prepared'; id: number; summary: DatasetSummary }
  | { type: 'model/checked'; id: number; problems: Problem[]; layers: LayerShape[]; totalParams: number; task: Task | null }
  | { type: 'train/started'; id: number; runId: string; backend: string; backendLabel: string; reason: string; summary: DatasetSummary; spec: NetworkSpec }
  /** Batch progress (the latest, a few times a second); `loss` is the running mean over the epoch so far. */
  | { type: 'train/progress'; runId: string; epoch: number; epochs: number; batch: number; batches: number;
      loss: number; rowsPerSecond: number; elapsedMs: number }
  /**
   * Epochs finished since the previous `train/epoch`, in order. The worker coalesces events (a small
   * network can finish thousands of epochs a second), so the UI handles a few messages a second.
   */
  | { type: 'train/epoch'; runId: string; summaries: EpochRecord[] }
  | { type: 'train/diagnostic'; runId: string; diagnostic: DiagnosticRecord }
  /** Paused, resumed or stopping was applied. */
  | { type: 'train/state'; id: number; runId: string; state: 'running' | 'paused' | 'stopping' }
  /** The run ended; a stopped or failed run still carries the weights it reached (if any). */
  | { type: 'train/done'; runId: string; stopReason: StopReason; bestEpoch: number; backend: string;
      weights: WireTensor[]; spec: NetworkSpec; error: WireError | null }
  | { type: 'evaluate/done'; id: number; runId: string; evaluation: Evaluation }
  | { type: 'predict/done'; id: number; runId: string; csv: string; rows: number; warnings: Problem[] }
  | { type: 'model/exported'; id: number; runId: string; json: string }
  /** The model is ready in the worker; its weights come back for drawing. */
  | { type: 'model/loaded'; id: number; runId: string; weights: WireTensor[] }
  /** What the worker holds (the reply to `runs/keep`). */
  | { type: 'memory/report'; id: number; memory: WorkerMemory }
  /** A request failed (`id`), or a run failed outside a request (`id` null, `runId` set). */
  | { type: 'error'; id: number | null; runId: string | null; error: WireError }
  // ---- step-through (issue 8): `step/traced` (protocol-step.ts)
  | StepEvent
  // ---- sweeps (issue 7): `sweep/checked|started|state|events|failed|applied` (protocol-sweep.ts)
  | SweepEngineEvent;

/** The `type` of an event. */
export type EventType = EngineEvent['type'];

/** The reply event each request expects (besides `error`). */
export interface ReplyOf {
  'data/load': Extract<EngineEvent, { type: 'data/loaded' }>;
  'data/rows': Extract<EngineEvent, { type: 'data/rows' }>;
  'data/prepare': Extract<EngineEvent, { type: 'data/prepared' }>;
  'model/check': Extract<EngineEvent, { type: 'model/checked' }>;
  'train/start': Extract<EngineEvent, { type: 'train/started' }>;
  'train/continue': Extract<EngineEvent, { type: 'train/started' }>;
  'train/pause': Extract<EngineEvent, { type: 'train/state' }>;
  'train/resume': Extract<EngineEvent, { type: 'train/state' }>;
  'train/stop': Extract<EngineEvent, { type: 'train/state' }>;
  'evaluate/run': Extract<EngineEvent, { type: 'evaluate/done' }>;
  'predict/run': Extract<EngineEvent, { type: 'predict/done' }>;
  'model/export': Extract<EngineEvent, { type: 'model/exported' }>;
  'model/load': Extract<EngineEvent, { type: 'model/loaded' }>;
  'runs/keep': Extract<EngineEvent, { type: 'memory/report' }>;
  // ---- step-through (issue 8)
  'step/trace': Extract<EngineEvent, { type: 'step/traced' }>;
  // ---- sweeps (issue 7)
  'sweep/check': Extract<EngineEvent, { type: 'sweep/checked' }>;
  'sweep/start': Extract<EngineEvent, { type: 'sweep/started' }>;
  'sweep/stop': Extract<EngineEvent, { type: 'sweep/state' }>;
  'trial/cancel': Extract<EngineEvent, { type: 'sweep/state' }>;
  'sweep/apply': Extract<EngineEvent, { type: 'sweep/applied' }>;
  'sweep/retrain': Extract<EngineEvent, { type: 'train/started' }>;
}

/** Which event type answers each request type. */
export const REPLY_TYPE: { readonly [K in RequestType]: ReplyOf[K]['type'] } = {
  'data/load': 'data/loaded',
  'data/rows': 'data/rows',
  'data/prepare': 'data/prepared',
  'model/check': 'model/checked',
  'train/start': 'train/started',
  'train/continue': 'train/started',
  'train/pause': 'train/state',
  'train/resume': 'train/state',
  'train/stop': 'train/state',
  'evaluate/run': 'evaluate/done',
  'predict/run': 'predict/done',
  'model/export': 'model/exported',
  'model/load': 'model/loaded',
  'runs/keep': 'memory/report',
  // ---- step-through (issue 8)
  'step/trace': 'step/traced',
  // ---- sweeps (issue 7)
  'sweep/check': 'sweep/checked',
  'sweep/start': 'sweep/started',
  'sweep/stop': 'sweep/state',
  'trial/cancel': 'sweep/state',
  'sweep/apply': 'sweep/applied',
  'sweep/retrain': 'train/started',
};

// ---------------------------------------------------------------- validation

/** Field kinds the validator checks. `?` suffix: may also be null. */
type FieldKind =
  | 'number' | 'string' | 'boolean' | 'object' | 'array' | 'f32' | 'i32' | 'source'
  | 'number?' | 'string?' | 'object?' | 'i32?' | 'f32?';

const REQUEST_FIELDS: { readonly [K in RequestType]: Readonly<Record<string, FieldKind>> } = {
  'data/load': { id: 'number', name: 'string', source: 'source', options: 'object?' },
  'data/rows': { id: 'number', start: 'number', count: 'number', indices: 'i32?' },
  'data/prepare': { id: 'number', settings: 'object', seed: 'number' },
  'model/check': { id: 'number', spec: 'object', settings: 'object?' },
  'train/start': { id: 'number', runId: 'string', spec: 'object', settings: 'object' },
  'train/continue': { id: 'number', runId: 'string', fromRunId: 'string', epochs: 'number' },
  'train/pause': { id: 'number', runId: 'string' },
  'train/resume': { id: 'number', runId: 'string' },
  'train/stop': { id: 'number', runId: 'string' },
  'evaluate/run': { id: 'number', runId: 'string' },
  'predict/run': { id: 'number', runId: 'string', name: 'string', source: 'source' },
  'model/export': { id: 'number', runId: 'string' },
  'model/load': { id: 'number', runId: 'string', model: 'string', settings: 'object?' },
  'runs/keep': { id: 'number', runIds: 'array' },
  // ---- step-through (issue 8)
  'step/trace': { id: 'number', source: 'object', positions: 'i32', learningRate: 'number?' },
  // ---- sweeps (issue 7)
  'sweep/check': { id: 'number', space: 'object', spec: 'object', settings: 'object', cores: 'number', concurrency: 'number?' },
  'sweep/start': { id: 'number', sweepId: 'string', space: 'object', spec: 'object', settings: 'object', cores: 'number', concurrency: 'number?' },
  'sweep/stop': { id: 'number', sweepId: 'string' },
  'trial/cancel': { id: 'number', sweepId: 'string', trial: 'number' },
  'sweep/apply': { id: 'number', spec: 'object', params: 'object' },
  'sweep/retrain': { id: 'number', runId: 'string', spec: 'object', settings: 'object', params: 'object', epochs: 'number' },
};

const EVENT_FIELDS: { readonly [K in EventType]: Readonly<Record<string, FieldKind>> } = {
  ready: { version: 'number', backends: 'array' },
  'data/progress': { id: 'number', bytes: 'number', rows: 'number', fraction: 'number?' },
  'data/loaded': { id: 'number', table: 'object' },
  'data/rows': { id: 'number', start: 'number', indices: 'i32?', cells: 'array' },
  'data/prepared': { id: 'number', summary: 'object' },
  'model/checked': { id: 'number', problems: 'array', layers: 'array', totalParams: 'number', task: 'object?' },
  'train/started': { id: 'number', runId: 'string', backend: 'string', backendLabel: 'string', reason: 'string', summary: 'object', spec: 'object' },
  'train/progress': {
    runId: 'string', epoch: 'number', epochs: 'number', batch: 'number', batches: 'number',
    loss: 'number', rowsPerSecond: 'number', elapsedMs: 'number',
  },
  'train/epoch': { runId: 'string', summaries: 'array' },
  'train/diagnostic': { runId: 'string', diagnostic: 'object' },
  'train/state': { id: 'number', runId: 'string', state: 'string' },
  'train/done': { runId: 'string', stopReason: 'string', bestEpoch: 'number', backend: 'string', weights: 'array', spec: 'object', error: 'object?' },
  'evaluate/done': { id: 'number', runId: 'string', evaluation: 'object' },
  'predict/done': { id: 'number', runId: 'string', csv: 'string', rows: 'number', warnings: 'array' },
  'model/exported': { id: 'number', runId: 'string', json: 'string' },
  'model/loaded': { id: 'number', runId: 'string', weights: 'array' },
  'memory/report': { id: 'number', memory: 'object' },
  error: { id: 'number?', runId: 'string?', error: 'object' },
  // ---- step-through (issue 8)
  'step/traced': { id: 'number', trace: 'object' },
  // ---- sweeps (issue 7)
  'sweep/checked': { id: 'number', problems: 'array', check: 'object?' },
  'sweep/started': { id: 'number', sweepId: 'string', plan: 'object', backend: 'string', rows: 'object' },
  'sweep/state': { id: 'number', sweepId: 'string', state: 'string' },
  'sweep/events': { sweepId: 'string', events: 'array' },
  'sweep/failed': { sweepId: 'string', error: 'object' },
  'sweep/applied': { id: 'number', spec: 'object' },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasKind(v: unknown, kind: FieldKind): boolean {
  if (kind.endsWith('?') && v === null) return true;
  switch (kind) {
    case 'number': case 'number?': return typeof v === 'number';
    case 'string': case 'string?': return typeof v === 'string';
    case 'boolean': return typeof v === 'boolean';
    case 'object': case 'object?': return isRecord(v);
    case 'array': return Array.isArray(v);
    case 'f32': case 'f32?': return v instanceof Float32Array;
    case 'i32': case 'i32?': return v instanceof Int32Array;
    case 'source':
      return v instanceof ArrayBuffer
        || (isRecord(v) && typeof v.size === 'number' && typeof v.slice === 'function');
  }
}

/** Thrown for a message that does not follow the protocol: always a bug, never the user's doing. */
export class ProtocolError extends Error {
  constructor(detail: string) {
    super(`Internal error (please report): malformed engine message: ${detail}`);
    this.name = 'ProtocolError';
  }
}

function check<T>(data: unknown, table: Readonly<Record<string, Readonly<Record<string, FieldKind>>>>, side: string): T {
  if (!isRecord(data) || typeof data.type !== 'string') throw new ProtocolError(`${side} without a type`);
  const fields = Object.hasOwn(table, data.type) ? table[data.type] : undefined;
  if (!fields) throw new ProtocolError(`unknown ${side} type '${data.type}'`);
  for (const [key, kind] of Object.entries(fields)) {
    if (!hasKind(data[key], kind)) throw new ProtocolError(`${side} '${data.type}' field '${key}' is not ${kind}`);
  }
  return data as T;
}

/** Each `data/load` option: absent, or one of these values. */
export const LOAD_OPTION_VALUES: { readonly [K in keyof Required<LoadOptions>]: readonly string[] } = {
  decimal: DECIMAL_SEPARATORS,
  dateOrder: DATE_ORDERS,
  raggedRows: ['error', 'skip'],
};

function checkLoadOptions(options: Record<string, unknown>): void {
  for (const key of Object.keys(options)) {
    const valid = Object.hasOwn(LOAD_OPTION_VALUES, key) ? LOAD_OPTION_VALUES[key as keyof LoadOptions] : undefined;
    if (!valid) throw new ProtocolError(`request 'data/load' field 'options.${key}' is not a reading option (${Object.keys(LOAD_OPTION_VALUES).join(', ')})`);
    const v = options[key];
    if (v !== undefined && !valid.includes(v as string)) {
      throw new ProtocolError(`request 'data/load' field 'options.${key}' is not one of ${valid.map((x) => `'${x}'`).join(', ')}`);
    }
  }
}

/** The typed request in `data`, or a ProtocolError. (Nested specs and settings are validated by the engine.) */
export function parseRequest(data: unknown): EngineRequest {
  const request = check<EngineRequest>(data, REQUEST_FIELDS, 'request');
  if (request.type === 'data/load' && request.options) checkLoadOptions(request.options);
  if (request.type === 'runs/keep' && !request.runIds.every((r) => typeof r === 'string')) {
    throw new ProtocolError("request 'runs/keep' field 'runIds' is not a list of run ids");
  }
  if (request.type === 'train/continue') {
    // The UI checks the epochs field before sending; the worker says the same to other callers.
    if (!Number.isInteger(request.epochs) || request.epochs < 1) throw new ProtocolError(`request 'train/continue' field 'epochs' is not a whole number of 1 or more (got ${request.epochs})`);
    if (request.runId === request.fromRunId) throw new ProtocolError(`request 'train/continue' continues run '${request.fromRunId}' as itself; give the new run its own runId`);
  }
  return request;
}

/** The typed event in `data`, or a ProtocolError. */
export function parseEvent(data: unknown): EngineEvent {
  const event = check<EngineEvent>(data, EVENT_FIELDS, 'event');
  if ((event.type === 'train/done' || event.type === 'model/loaded') && !event.weights.every(isWireTensor)) {
    throw new ProtocolError(`'${event.type}' weights are not tensors`);
  }
  // ---- step-through (issue 8)
  if (event.type === 'step/traced' && !isWireStepTrace(event.trace)) throw new ProtocolError("'step/traced' trace is malformed");
  // ---- sweeps (issue 7)
  if (event.type === 'sweep/events' && !event.events.every(isWireSweepEvent)) throw new ProtocolError("'sweep/events' has a malformed event");
  return event;
}

function isWireTensor(v: unknown): v is WireTensor {
  return isRecord(v) && typeof v.layer === 'string' && typeof v.name === 'string'
    && Array.isArray(v.shape) && v.data instanceof Float32Array;
}

/** The buffers of a message that `postMessage` should transfer rather than copy. */
export function transferablesOf(message: EngineRequest | EngineEvent): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (v: unknown): void => {
    if (v instanceof ArrayBuffer) out.push(v);
    else if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && !out.includes(v.buffer)) out.push(v.buffer);
  };
  switch (message.type) {
    case 'data/load': case 'predict/run': add(message.source); break;
    case 'train/done': case 'model/loaded': for (const w of message.weights) add(w.data); break;
    case 'evaluate/done': {
      const e = message.evaluation;
      add(e.rowIndices); add(e.actual); add(e.predicted);
      break;
    }
    // ---- step-through (issue 8)
    case 'step/traced': for (const a of stepTransferables(message.trace)) add(a); break;
    default: break;
  }
  return out;
}

/** A thrown value as a WireError, keeping a user error's code, path and problems. */
export function toWireError(e: unknown): WireError {
  if (e instanceof Error) {
    const fields = e as Error & { code?: unknown; path?: unknown; problems?: unknown };
    const problems = Array.isArray(fields.problems) ? (fields.problems as Problem[]) : [];
    return {
      name: e.name,
      code: typeof fields.code === 'string' ? fields.code : 'internal',
      path: typeof fields.path === 'string' ? fields.path : '',
      message: e.message,
      problems,
    };
  }
  return { name: 'Error', code: 'internal', path: '', message: `Internal error (please report): ${String(e)}`, problems: [] };
}

/** True when a wire error is one the user can fix (its message is meant for them). */
export function isUserWireError(e: WireError): boolean {
  return e.name !== 'Error' && e.name !== 'ProtocolError' && e.code !== 'internal';
}
