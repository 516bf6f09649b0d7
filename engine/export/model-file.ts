/** The model file: spec + preprocessing + weights + metrics + history + seed, as versioned JSON. */
import { isCsvReading, type CsvReading, type Preprocessing } from '../data/index.ts';
import { isUserError, ModelFileError, type Problem } from '../errors.ts';
import { isRecord } from '../spec/fields.ts';
import { explicitOptimizer, OPTIMIZER_DEFAULTS } from '../spec/index.ts';
import { checkResolve, type ResolvedNetwork } from '../spec/resolve.ts';
import { parseSpec } from '../spec/validate.ts';
import type { NetworkSpec, Task } from '../spec/types.ts';
import type { EpochSummary, WeightTensor } from '../train/types.ts';
import { readMetrics, type ModelMetrics } from './check-metrics.ts';
import { checkPreprocessing } from './check-preprocessing.ts';
import { checkTensors } from './check-tensors.ts';
import { modelFileMessages } from './messages.ts';

/** Identifies model files. */
export const MODEL_FORMAT = 'backprop-studio/model';
/** Newest model-file version this engine reads and writes. */
export const MODEL_VERSION = 1;

/** The web page a model's training data came from (the browser extension's menu): its title and address. */
export interface SourcePage {
  title: string;
  url: string;
}

/** A saved, trained model. */
export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  createdAt: string;
  /** The network with every default made explicit (units, activations, loss, inputs). */
  spec: NetworkSpec;
  task: Task;
  inputs: number;
  outputs: number;
  featureNames: string[];
  /** Raw CSV row → inputs, and outputs → labels/values (engine/data); null in files saved without it. */
  preprocessing: Preprocessing | null;
  /**
   * How the training CSV was read (decimal separator, date order), so new files are read the same way;
   * null in files saved before it was stored (new files are then detected).
   */
  reading: CsvReading | null;
  weights: WeightTensor[];
  /** Final metrics per split with rows, as computed at the end of training (engine/run builds them). */
  metrics: ModelMetrics;
  history: EpochSummary[];
  seed: number;
  /** `refit`: the weights were trained afresh on `rows` training + validation rows for `epochs` epochs. */
  training: {
    backend: string;
    stopReason: string;
    bestEpoch: number;
    epochsRun: number;
    refit?: { epochs: number; rows: number };
  };
  /** The web page the training data came from; absent for a file (and in files written before it existed). */
  sourcePage?: SourcePage;
}

/** Whether `v` is a `SourcePage`. */
export function isSourcePage(v: unknown): v is SourcePage {
  return isRecord(v) && typeof v.title === 'string' && typeof v.url === 'string';
}

/** The spec with everything the data decided written out, so the file stands alone. */
export function explicitSpec(spec: NetworkSpec, net: ResolvedNetwork): NetworkSpec {
  const optimizer = spec.training?.optimizer ?? { type: 'adam', learningRate: OPTIMIZER_DEFAULTS.learningRate };
  return {
    ...spec,
    inputs: net.inputs,
    loss: net.loss,
    training: { ...spec.training, optimizer: explicitOptimizer(optimizer) },
    layers: net.layers.map((l, i) => {
      const orig = spec.layers[i];
      if (l.type === 'dense') {
        return {
          id: l.id,
          type: 'dense',
          units: l.units,
          activation: l.activation,
          kernelInitializer: l.kernelInitializer,
          biasInitializer: l.biasInitializer,
          ...(l.l1 ? { l1: l.l1 } : {}),
          ...(l.l2 ? { l2: l.l2 } : {}),
        };
      }
      if (l.type === 'batchNorm') return { id: l.id, type: 'batchNorm', momentum: l.momentum, epsilon: l.epsilon };
      return orig;
    }),
  };
}

/** Serialize to JSON text (weights as plain number arrays; float32 values print exactly). */
export function stringifyModelFile(m: ModelFile): string {
  return JSON.stringify(m);
}

/** Validate untyped JSON as a model file; throws ModelFileError naming every problem. */
export function parseModelFile(input: unknown): ModelFile {
  if (!isRecord(input)) throw new ModelFileError(modelFileMessages.notObject());
  if (input.format !== MODEL_FORMAT)
    throw new ModelFileError(modelFileMessages.wrongFormat(input.format, MODEL_FORMAT));
  const v = input.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ModelFileError(modelFileMessages.badVersion(v));
  if (v > MODEL_VERSION) throw new ModelFileError(modelFileMessages.newerVersion(v, MODEL_VERSION));
  const problems: Problem[] = [];
  let spec: NetworkSpec | null = null;
  try {
    spec = parseSpec(input.spec);
  } catch (e) {
    if (!isUserError(e)) throw e;
    problems.push(...e.problems.map(modelFileMessages.inSpec));
  }
  const task = parseTask(input.task, problems);
  const int = (k: string): number => {
    const x = input[k];
    if (typeof x !== 'number' || !Number.isInteger(x) || x <= 0) {
      problems.push(modelFileMessages.notPositiveInteger(k, x));
      return 0;
    }
    return x;
  };
  const inputs = int('inputs');
  const outputs = int('outputs');
  const damaged = new Set<string>();
  const weights = readWeights(input.weights, problems, damaged);
  const reading = parseReading(input.reading, problems);
  const featureNames =
    Array.isArray(input.featureNames) && input.featureNames.every((f) => typeof f === 'string')
      ? (input.featureNames as string[])
      : [];
  const namesOk =
    Array.isArray(input.featureNames) &&
    featureNames.length === input.featureNames.length &&
    (inputs === 0 || featureNames.length === inputs);
  if (input.featureNames !== undefined && !namesOk) {
    const got = Array.isArray(input.featureNames)
      ? `${input.featureNames.length} entries`
      : JSON.stringify(input.featureNames);
    problems.push(modelFileMessages.badFeatureNames(inputs, got));
  }
  if (spec && task && inputs && outputs) {
    const { network, problems: resolveProblems } = checkResolve(spec, inputs, task);
    problems.push(...resolveProblems.map(modelFileMessages.inSpec));
    if (network && network.outputs !== outputs)
      problems.push(modelFileMessages.outputsDiffer(outputs, network.outputs));
    if (network) problems.push(...checkTensors(weights, network, damaged));
  }
  if (input.preprocessing !== undefined && input.preprocessing !== null)
    checkPreprocessing(input.preprocessing, inputs, task, problems);
  const metrics = readMetrics(input.metrics, problems);
  if (problems.length || !spec || !task) throw new ModelFileError(problems);
  const training = isRecord(input.training) ? input.training : {};
  return {
    format: MODEL_FORMAT,
    version: v,
    createdAt: typeof input.createdAt === 'string' ? input.createdAt : '',
    // checkPreprocessing checked every field the transforms use: no problem means it is a Preprocessing.
    spec,
    task,
    inputs,
    outputs,
    featureNames,
    preprocessing: (input.preprocessing ?? null) as Preprocessing | null,
    reading,
    weights: weights.map(({ layer, name, shape, data }) => ({ layer, name, shape, data })),
    metrics,
    history: Array.isArray(input.history) ? (input.history as EpochSummary[]) : [],
    seed: typeof input.seed === 'number' ? input.seed : 0,
    training: {
      backend: String(training.backend ?? ''),
      stopReason: String(training.stopReason ?? ''),
      bestEpoch: Number(training.bestEpoch ?? 0),
      epochsRun: Number(training.epochsRun ?? 0),
      ...(isRecord(training.refit)
        ? { refit: { epochs: Number(training.refit.epochs), rows: Number(training.refit.rows) } }
        : {}),
    },
    // Informational: a malformed one is left out rather than refusing a model that predicts fine.
    ...(isSourcePage(input.sourcePage)
      ? { sourcePage: { title: input.sourcePage.title, url: input.sourcePage.url } }
      : {}),
  };
}

/** The stored CSV reading; absent (files saved before it was stored) or null reads as null: detect. */
function parseReading(r: unknown, problems: Problem[]): CsvReading | null {
  if (r === undefined || r === null) return null;
  if (isCsvReading(r)) return { decimal: r.decimal, dateOrder: r.dateOrder };
  problems.push(modelFileMessages.badReading(r));
  return null;
}

/** The tensors of `weights`, each with its index in the file; every malformed one is a problem naming it (and its key goes to `damaged`). */
function readWeights(raw: unknown, problems: Problem[], damaged: Set<string>): (WeightTensor & { index: number })[] {
  const weights: (WeightTensor & { index: number })[] = [];
  if (!Array.isArray(raw)) {
    problems.push(modelFileMessages.noWeights());
    return weights;
  }
  raw.forEach((w: unknown, index: number) => {
    const path = `weights[${index}]`;
    if (
      !isRecord(w) ||
      typeof w.layer !== 'string' ||
      typeof w.name !== 'string' ||
      !Array.isArray(w.shape) ||
      !Array.isArray(w.data)
    ) {
      problems.push(modelFileMessages.badTensor(path));
      return;
    }
    const shape = w.shape as unknown[];
    const data = w.data as unknown[];
    const key = `'${w.layer}/${w.name}'`;
    damaged.add(`${w.layer}/${w.name}`);
    if (!shape.every((s) => typeof s === 'number' && Number.isInteger(s) && s > 0)) {
      problems.push(modelFileMessages.badShape(path, key, shape));
      return;
    }
    const size = (shape as number[]).reduce((a, b) => a * b, 1);
    if (size !== data.length) {
      problems.push(modelFileMessages.wrongSize(path, key, data.length, shape, size));
      return;
    }
    const bad = data.findIndex((x) => typeof x !== 'number' || !Number.isFinite(x));
    if (bad >= 0) {
      const others = data.filter((x) => typeof x !== 'number' || !Number.isFinite(x)).length > 1;
      problems.push(modelFileMessages.notFinite(path, key, bad, data[bad], others));
      return;
    }
    damaged.delete(`${w.layer}/${w.name}`);
    weights.push({ layer: w.layer, name: w.name, shape: shape as number[], data: data as number[], index });
  });
  return weights;
}

function parseTask(t: unknown, problems: Problem[]): Task | null {
  if (isRecord(t) && t.kind === 'regression') return { kind: 'regression' };
  if (
    isRecord(t) &&
    t.kind === 'classification' &&
    Array.isArray(t.classes) &&
    t.classes.length >= 2 &&
    t.classes.every((c) => typeof c === 'string')
  ) {
    const classes = t.classes as string[];
    const twice = classes.find((c, i) => classes.indexOf(c) !== i);
    if (twice !== undefined) {
      problems.push(modelFileMessages.repeatedClass(twice));
      return null;
    }
    return { kind: 'classification', classes };
  }
  problems.push(modelFileMessages.badTask(t));
  return null;
}
