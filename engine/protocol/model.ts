/**
 * The model family: check a network against the data, and move a run's trained model in and out of the
 * worker (its model file as JSON text).
 */
import type { Problem } from '../errors.ts';
import type { DatasetSettings } from '../data/index.ts';
import type { NetworkSpec, Task } from '../spec/index.ts';
import { isRecord, ProtocolError, reply, request } from './fields.ts';

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

function isWireTensor(v: unknown): v is WireTensor {
  return isRecord(v) && typeof v.layer === 'string' && typeof v.name === 'string'
    && Array.isArray(v.shape) && v.data instanceof Float32Array;
}

/** Throws unless every weight is a tensor (for `train/done` and `model/loaded`). */
export function checkWeights(type: string, weights: readonly unknown[]): void {
  if (!weights.every(isWireTensor)) throw new ProtocolError(`'${type}' weights are not tensors`);
}

/** The buffers of a list of weight tensors. */
export function weightBuffers(weights: readonly WireTensor[]): Float32Array[] {
  return weights.map((w) => w.data);
}

/** The model requests. */
export const MODEL_REQUESTS = {
  /** Validate a network against the data: every problem, each layer's output shape and parameters. */
  'model/check': request<{ spec: NetworkSpec; settings: DatasetSettings | null }>()('model/checked', { spec: 'object', settings: 'object?' }),
  /** The model file (JSON text) of a run. */
  'model/export': request<{ runId: string }>()('model/exported', { runId: 'string' }),
  /**
   * Give the worker a run's model file again (after a reload), so evaluate/predict/export work; the run's
   * dataset settings rebuild its test split from the current table.
   */
  'model/load': request<{ runId: string; model: string; settings: DatasetSettings | null }>()(
    'model/loaded', { runId: 'string', model: 'string', settings: 'object?' },
  ),
};

/** The model events. */
export const MODEL_EVENTS = {
  /** The check's problems, each layer's shape, and the task the data gives (null without data). */
  'model/checked': reply<{ problems: Problem[]; layers: LayerShape[]; totalParams: number; task: Task | null }>()(
    { problems: 'array', layers: 'array', totalParams: 'number', task: 'object?' },
  ),
  'model/exported': reply<{ runId: string; json: string }>()({ runId: 'string', json: 'string' }),
  /** The model is ready in the worker; its weights come back for drawing. */
  'model/loaded': reply<{ runId: string; weights: WireTensor[] }>()(
    { runId: 'string', weights: 'array' },
    { check: (m) => checkWeights('model/loaded', m.weights), transfer: (m) => weightBuffers(m.weights) },
  ),
};
