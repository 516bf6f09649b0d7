/** Trained models in the worker: the model file from a run, and running a model over prepared rows. */
import { CpuBackend } from '../backend/index.ts';
import { DatasetError } from '../errors.ts';
import { decodeOutputs, targetScale, type PreparedDataset, type Preprocessing, type Split } from '../data/index.ts';
import { explicitSpec, MODEL_FORMAT, MODEL_VERSION, scoreModel, type ModelFile, type ModelScores } from '../export/index.ts';
import type { ClassificationEvaluation, Evaluation, RegressionEvaluation, WireTensor } from '../protocol.ts';
import { resolveNetwork, TRAINING_DEFAULTS, type ResolvedNetwork } from '../spec/index.ts';
import { headlineMetrics, Network, predictRows, type TrainResult, type WeightTensor } from '../train/index.ts';
import { binaryCurves } from './curves.ts';

/** Weights as transferable float32 arrays. */
export function toWire(weights: readonly WeightTensor[]): WireTensor[] {
  return weights.map((w) => ({ layer: w.layer, name: w.name, shape: [...w.shape], data: Float32Array.from(w.data) }));
}

/** The network a model file describes, resolved. */
export function resolvedOf(model: ModelFile): ResolvedNetwork {
  return resolveNetwork(model.spec, model.inputs, model.task);
}

/** Outputs [rows, outputs] of a model for x, computed on the CPU reference backend. */
export async function runModel(model: ModelFile, x: Float32Array, rows: number): Promise<{ out: Float32Array; net: ResolvedNetwork }> {
  const net = resolvedOf(model);
  const backend = new CpuBackend();
  try {
    const network = new Network(net, backend, model.seed, model.weights);
    return { out: await predictRows(network, x, rows), net };
  } finally {
    backend.destroy();
  }
}

/** Scores of a model on rows, on the CPU reference backend (rows without a known target left out). */
async function scoreOnCpu(model: ModelFile, pre: Preprocessing, split: Split): Promise<ModelScores> {
  const backend = new CpuBackend();
  try {
    return await scoreModel(model, backend, split.x, split.y, split.rows, targetScale(pre), pre.target.column);
  } finally {
    backend.destroy();
  }
}

async function splitMetrics(model: ModelFile, pre: Preprocessing, split: Split): Promise<Record<string, number> | null> {
  if (split.rows === 0) return null;
  return headlineMetrics((await scoreOnCpu(model, pre, split)).metrics);
}

/** The model file of a finished run, with final metrics on train, validation and test. */
export async function buildModelFile(result: TrainResult, prepared: PreparedDataset): Promise<ModelFile> {
  const inputs = prepared.featureNames.length;
  const net = resolveNetwork(result.spec, inputs, prepared.task);
  const model: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdAt: new Date().toISOString(),
    spec: explicitSpec(result.spec, net),
    task: prepared.task,
    inputs,
    outputs: result.outputs,
    featureNames: prepared.featureNames,
    preprocessing: prepared.preprocessing,
    reading: prepared.reading,
    weights: result.weights,
    metrics: {},
    history: result.history,
    seed: result.spec.training?.seed ?? TRAINING_DEFAULTS.seed,
    training: { backend: result.backend, stopReason: result.stopReason, bestEpoch: result.bestEpoch, epochsRun: result.history.length },
  };
  for (const [name, split] of [['train', prepared.train], ['validation', prepared.validation], ['test', prepared.test]] as const) {
    const m = await splitMetrics(model, prepared.preprocessing, split);
    if (m) model.metrics[name] = m;
  }
  return model;
}

/** Evaluate a model on a prepared test split: confusion matrix, per-class scores, curves; or regression errors. */
export async function evaluateModel(model: ModelFile, pre: Preprocessing, test: Split): Promise<Evaluation> {
  if (test.rows === 0) {
    throw new DatasetError({ code: 'data/no-test-rows', path: 'split', message: 'The test split has no rows, so there is nothing to evaluate. Set a test fraction above 0 and train again.' });
  }
  const scored = await scoreOnCpu(model, pre, test);
  const { metrics, out, rows } = scored;
  const outputs = model.outputs;
  const decoded = decodeOutputs(pre, out, rows, outputs);
  const rowIndices = Int32Array.from(scored.positions, (p) => test.rowIndices[p]);
  if (metrics.kind === 'classification' && decoded.kind === 'classification') {
    const actual = Int32Array.from(scored.y);
    const binary = decoded.classes.length === 2 ? binaryCurves(
      Float32Array.from({ length: rows }, (_, i) => decoded.probabilities[i * 2 + 1] ?? 0),
      actual,
    ) : null;
    const evaluation: ClassificationEvaluation = {
      kind: 'classification',
      classes: decoded.classes,
      loss: metrics.loss,
      accuracy: metrics.accuracy,
      confusion: metrics.confusion,
      perClass: metrics.classes,
      rowIndices,
      actual,
      predicted: Int32Array.from(decoded.classIndices),
      roc: binary?.roc ?? null,
      pr: binary?.pr ?? null,
    };
    return evaluation;
  }
  if (metrics.kind !== 'regression' || decoded.kind !== 'regression') {
    throw new Error('Internal error (please report): the model and its preprocessing disagree on the task.');
  }
  const scale = targetScale(pre) ?? { mean: 0, std: 1 };
  const evaluation: RegressionEvaluation = {
    kind: 'regression',
    loss: metrics.loss,
    mae: metrics.mae,
    rmse: metrics.rmse,
    r2: metrics.r2,
    rowIndices,
    actual: Float32Array.from(scored.y, (y) => y * scale.std + scale.mean),
    predicted: Float32Array.from(decoded.values),
  };
  return evaluation;
}
