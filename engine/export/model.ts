/** Use a loaded model: build its network on a backend, predict, evaluate, take gradients. */
import type { Backend } from '../backend/backend.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import { computeGradients, computeMetrics, Network, predictRows, type GradientReport, type Metrics } from '../train/index.ts';
import type { ModelFile } from './model-file.ts';

/** The model's network with its weights, on `backend`. */
export function loadNetwork(model: ModelFile, backend: Backend): Network {
  const net = resolveNetwork(model.spec, model.inputs, model.task);
  return new Network(net, backend, model.seed, model.weights);
}

/** Outputs [rows, model.outputs] for already-preprocessed inputs. */
export async function predictWithModel(model: ModelFile, backend: Backend, x: Float32Array, rows: number): Promise<Float32Array> {
  const network = loadNetwork(model, backend);
  try {
    return await predictRows(network, x, rows);
  } finally {
    network.dispose();
  }
}

/** Metrics of the model on preprocessed rows; `targetScale` maps regression values back to original units. */
export async function evaluateModel(
  model: ModelFile, backend: Backend, x: Float32Array, y: Float32Array, rows: number,
  targetScale: { mean: number; std: number } | null,
): Promise<Metrics> {
  const out = await predictWithModel(model, backend, x, rows);
  const net = resolveNetwork(model.spec, model.inputs, model.task);
  return computeMetrics(model.task, net.loss, net.huberDelta, out, y, rows, model.outputs, targetScale);
}

/** Gradients of the mean loss over the rows with respect to every trained tensor. */
export function modelGradients(model: ModelFile, backend: Backend, x: Float32Array, y: Float32Array, rows: number): Promise<GradientReport> {
  return computeGradients(model.spec, model.task, model.weights, x, y, rows, backend);
}
