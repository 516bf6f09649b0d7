/** Use a loaded model: build its network on a backend, predict, evaluate, take gradients. */
import type { Backend } from '../backend/backend.ts';
import { DatasetError } from '../errors.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import type { Task } from '../spec/types.ts';
import {
  computeGradients,
  computeMetrics,
  knownTargets,
  Network,
  predictRows,
  type GradientReport,
  type Metrics,
} from '../train/index.ts';
import { scoreMessages } from './messages.ts';
import type { ModelFile } from './model-file.ts';

/** The model's network with its weights, on `backend`. */
export function loadNetwork(model: ModelFile, backend: Backend): Network {
  const net = resolveNetwork(model.spec, model.inputs, model.task);
  return new Network(net, backend, model.seed, model.weights);
}

/** Outputs [rows, model.outputs] for already-preprocessed inputs. */
export async function predictWithModel(
  model: ModelFile,
  backend: Backend,
  x: Float32Array,
  rows: number,
): Promise<Float32Array> {
  const network = loadNetwork(model, backend);
  try {
    return await predictRows(network, x, rows);
  } finally {
    network.dispose();
  }
}

/** A model's scores on labelled rows, and which rows they cover. */
export interface ModelScores {
  metrics: Metrics;
  /** Outputs [rows, outputs] of the scored rows. */
  out: Float32Array;
  /** Rows scored. */
  rows: number;
  /** Rows left out: their target is missing or not one of the model's classes (NaN in y). */
  leftOut: number;
  /** Position in the input of each scored row. */
  positions: Int32Array;
  /** Targets of the scored rows (encoded like y). */
  y: Float32Array;
}

function noKnownTarget(rows: number, target: string, task: Task): DatasetError {
  if (rows === 0) return new DatasetError(scoreMessages.noRows());
  return new DatasetError(scoreMessages.noKnownTargets(rows, target, task.kind === 'regression'));
}

/**
 * Score the model on preprocessed rows (x [rows, inputs], y encoded): rows whose target is NaN are left
 * out and counted, the rest are scored. `targetScale` maps regression values back to original units;
 * `target` names the target column in the message when no row can be scored.
 */
export async function scoreModel(
  model: ModelFile,
  backend: Backend,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  targetScale: { mean: number; std: number } | null,
  target = '',
): Promise<ModelScores> {
  const kept = knownTargets(model.task, x, y, rows, model.inputs);
  if (kept.rows === 0) throw noKnownTarget(rows, target, model.task);
  const out = await predictWithModel(model, backend, kept.x, kept.rows);
  const net = resolveNetwork(model.spec, model.inputs, model.task);
  const metrics = computeMetrics(
    model.task,
    net.loss,
    net.huberDelta,
    out,
    kept.y,
    kept.rows,
    model.outputs,
    targetScale,
  );
  return { metrics, out, rows: kept.rows, leftOut: kept.leftOut, positions: kept.positions, y: kept.y };
}

/** Gradients of the mean loss over the rows with a known target (the others are left out and counted). */
export async function modelGradients(
  model: ModelFile,
  backend: Backend,
  x: Float32Array,
  y: Float32Array,
  rows: number,
  target = '',
): Promise<GradientReport & { rowsLeftOut: number }> {
  const kept = knownTargets(model.task, x, y, rows, model.inputs);
  if (kept.rows === 0) throw noKnownTarget(rows, target, model.task);
  const r = await computeGradients(model.spec, model.task, model.weights, kept.x, kept.y, kept.rows, backend);
  return {
    loss: r.loss,
    penalty: r.penalty,
    totalLoss: r.totalLoss,
    rows: r.rows,
    rowsLeftOut: kept.leftOut,
    gradients: r.gradients,
  };
}
