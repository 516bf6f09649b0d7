/**
 * The model family: move a run's trained model in and out of the worker (its model file as JSON text), and
 * convert it to other formats.
 */
import type { DatasetSettings } from '../data/index.ts';
import type { ModelMetrics } from '../export/index.ts';
import type { DatasetSummary } from './data.ts';
import type { NetworkSpec, Task } from '../spec/index.ts';
import type { EpochSummary } from '../train/index.ts';
import { isRecord, ProtocolError, reply, request } from './fields.ts';

/** A named weight tensor: a dense kernel has shape [inputs, units] and data row-major. */
export interface WireTensor {
  layer: string;
  name: string;
  shape: number[];
  data: Float32Array;
}

function isWireTensor(v: unknown): v is WireTensor {
  return (
    isRecord(v) &&
    typeof v.layer === 'string' &&
    typeof v.name === 'string' &&
    Array.isArray(v.shape) &&
    v.data instanceof Float32Array
  );
}

/** Throws unless every weight is a tensor (for `train/done` and `model/loaded`). */
export function checkWeights(type: string, weights: readonly unknown[]): void {
  if (!weights.every(isWireTensor)) throw new ProtocolError(`'${type}' weights are not tensors`);
}

/** The buffers of a list of weight tensors. */
export function weightBuffers(weights: readonly WireTensor[]): Float32Array[] {
  return weights.map((w) => w.data);
}

/** A model file opened in the app (`model/open`): what its run shows, and how it reads the loaded dataset. */
export interface OpenedModel {
  spec: NetworkSpec;
  task: Task;
  featureNames: string[];
  /** The epochs the file records (those the charts can draw). */
  history: EpochSummary[];
  /** The metrics stored per split when the model was written. */
  metrics: ModelMetrics;
  /** The data settings that rebuild its splits from the loaded table; null when they cannot (see `dataProblem`). */
  settings: DatasetSettings | null;
  /** The loaded dataset as the model's settings prepare it (rows per split); null with `settings`. */
  summary: DatasetSummary | null;
  /** Why the loaded dataset cannot evaluate it (no dataset, missing columns), or null. */
  dataProblem: string | null;
  backend: string;
  stopReason: string;
  bestEpoch: number;
}

/**
 * The formats a run's model is exported in from the app: ONNX on raw columns or on the input matrix, TF.js,
 * the PyTorch package (one zip), the model file.
 */
export const MODEL_FORMATS = ['onnx-columns', 'onnx-matrix', 'tfjs', 'pytorch', 'json'] as const;

/** One of `MODEL_FORMATS`. */
export type ModelFormat = (typeof MODEL_FORMATS)[number];

/** One file of an export: text (JSON files) or bytes (ONNX, TF.js weights), never both. */
export interface ExportedFile {
  /** The file's name as the format needs it (`model.json` names `weights.bin`, so TF.js files keep their names). */
  name: string;
  text: string | null;
  bytes: Uint8Array | null;
}

function checkFormat(type: string, format: string): void {
  if (!(MODEL_FORMATS as readonly string[]).includes(format)) {
    throw new ProtocolError(`'${type}' format '${format}' is not one of ${MODEL_FORMATS.join(', ')}`);
  }
}

function checkFiles(files: readonly unknown[]): void {
  const ok =
    files.length > 0 &&
    files.every(
      (f) =>
        isRecord(f) &&
        typeof f.name === 'string' &&
        ((typeof f.text === 'string' && f.bytes === null) || (f.text === null && f.bytes instanceof Uint8Array)),
    );
  if (!ok) throw new ProtocolError("'model/converted' files are not named texts or bytes");
}

/** The model requests. */
export const MODEL_REQUESTS = {
  /** The model file (JSON text) of a run. */
  'model/export': request<{ runId: string }>()('model/exported', { runId: 'string' }),
  /** A run's model in another format (the Export view's downloads); an engine error says why it cannot be. */
  'model/convert': request<{ runId: string; format: ModelFormat }>()(
    'model/converted',
    { runId: 'string', format: 'string' },
    { check: (m) => checkFormat('model/convert', m.format) },
  ),
  /**
   * Give the worker a run's model file again (after a reload), so evaluate/predict/export work; the run's
   * dataset settings rebuild its test split from the current table.
   */
  'model/load': request<{ runId: string; model: string; settings: DatasetSettings | null }>()('model/loaded', {
    runId: 'string',
    model: 'string',
    settings: 'object?',
  }),
  /**
   * Open a model file's text as run `runId` (checked by the model-file checker; a project or a CSV says what it
   * is); the worker keeps it as a run, with settings for the loaded table when it has the model's columns.
   */
  'model/open': request<{ runId: string; model: string; fileName: string }>()('model/opened', {
    runId: 'string',
    model: 'string',
    fileName: 'string',
  }),
};

/** The model events. */
export const MODEL_EVENTS = {
  'model/exported': reply<{ runId: string; json: string }>()({ runId: 'string', json: 'string' }),
  /** The files of `model/convert`: one, or for TF.js `model.json` and `weights.bin`; the bytes are transferred. */
  'model/converted': reply<{ runId: string; format: ModelFormat; files: ExportedFile[] }>()(
    { runId: 'string', format: 'string', files: 'array' },
    {
      check: (m) => {
        checkFormat('model/converted', m.format);
        checkFiles(m.files);
      },
      transfer: (m) => m.files.flatMap((f) => (f.bytes ? [f.bytes] : [])),
    },
  ),
  /** The model is ready in the worker; its weights come back for drawing. */
  'model/loaded': reply<{ runId: string; weights: WireTensor[] }>()(
    { runId: 'string', weights: 'array' },
    { check: (m) => checkWeights('model/loaded', m.weights), transfer: (m) => weightBuffers(m.weights) },
  ),
  /** The opened model: its weights, and what its run shows. */
  'model/opened': reply<{ runId: string; weights: WireTensor[]; opened: OpenedModel }>()(
    { runId: 'string', weights: 'array', opened: 'object' },
    { check: (m) => checkWeights('model/opened', m.weights), transfer: (m) => weightBuffers(m.weights) },
  ),
};
