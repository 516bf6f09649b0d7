/** Resolve a spec against the data: fill defaults, infer shapes, count parameters, check the loss fits the task. */
import { SpecError, type Problem } from '../errors.ts';
import { LOSSES } from '../losses/index.ts';
import {
  BATCH_NORM_DEFAULTS,
  DEFAULT_HIDDEN_ACTIVATION,
  kernelInitializerFor,
  lossFor,
  outputActivationFor,
  outputUnitsFor,
} from './defaults.ts';
import { estimateTrainingMemory, formatBytes, LIMITS } from './limits.ts';
import { specMessages as m } from './messages.ts';
import type { ActivationName, InitializerName, LayerSpec, LossName, NetworkSpec, Task } from './types.ts';

/** A dense layer with every setting decided. */
export interface ResolvedDense {
  id: string;
  type: 'dense';
  inputs: number;
  units: number;
  activation: ActivationName;
  kernelInitializer: InitializerName;
  biasInitializer: InitializerName;
  l1: number;
  l2: number;
}
/** An activation layer with its width. */
export interface ResolvedActivation {
  id: string;
  type: 'activation';
  units: number;
  activation: ActivationName;
}
/** A dropout layer with its width. */
export interface ResolvedDropout {
  id: string;
  type: 'dropout';
  units: number;
  rate: number;
}
/** A batch-norm layer with its width. */
export interface ResolvedBatchNorm {
  id: string;
  type: 'batchNorm';
  units: number;
  momentum: number;
  epsilon: number;
}
/** Any resolved layer; `units` is its output width. */
export type ResolvedLayer = ResolvedDense | ResolvedActivation | ResolvedDropout | ResolvedBatchNorm;

/** A network ready to build: shapes known, loss chosen, fusion decided. */
export interface ResolvedNetwork {
  inputs: number;
  outputs: number;
  layers: ResolvedLayer[];
  loss: LossName;
  huberDelta: number;
  outputActivation: ActivationName;
  /** Softmax + cross-entropy or sigmoid + binary cross-entropy: the backward pass starts at the logits. */
  fused: boolean;
}

/** One row of the layer table: output shape and parameter count. */
export interface LayerSummary {
  id: string;
  type: LayerSpec['type'];
  outputShape: (number | null)[];
  params: number;
  detail: string;
}

/** Number of learnable and stored parameters of a resolved layer. */
export function parameterCount(l: ResolvedLayer): number {
  if (l.type === 'dense') return l.inputs * l.units + l.units;
  if (l.type === 'batchNorm') return 4 * l.units;
  return 0;
}

/** Resolve a structurally valid spec for data with `inputs` features and the given task; lists every problem. */
export function checkResolve(
  spec: NetworkSpec,
  inputs: number,
  task: Task,
): { network: ResolvedNetwork | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (spec.inputs !== undefined && spec.inputs !== inputs) problems.push(m.inputsMismatch(spec.inputs, inputs));
  const lastDense = spec.layers.map((l) => l.type).lastIndexOf('dense');
  if (lastDense < 0) problems.push(m.noOutputLayer());
  const needOut = outputUnitsFor(task);
  const taskName = task.kind === 'regression' ? 'a regression target' : `a ${task.classes.length}-class target`;
  const layers: ResolvedLayer[] = [];
  let width = inputs;
  spec.layers.forEach((l, i) => {
    const isLast = i === spec.layers.length - 1;
    const path = `layers[${i}]`;
    switch (l.type) {
      case 'dense': {
        const isOutput = i === lastDense;
        let units = l.units === 'auto' ? needOut : l.units;
        // An output layer followed by an activation layer gives that layer its logits (linear by default).
        const activated = spec.layers.slice(i + 1).some((n) => n.type === 'activation');
        const activation =
          l.activation ??
          (isOutput && isLast
            ? outputActivationFor(task)
            : isOutput && activated
              ? 'linear'
              : DEFAULT_HIDDEN_ACTIVATION);
        if (isOutput && l.units !== 'auto' && units !== needOut) {
          const softmaxBinary =
            task.kind === 'classification' && task.classes.length === 2 && units === 2 && activation === 'softmax';
          if (!softmaxBinary) problems.push(m.outputUnitsMismatch(`${path}.units`, units, needOut, taskName));
          else units = 2;
        }
        layers.push({
          id: l.id,
          type: 'dense',
          inputs: width,
          units,
          activation,
          kernelInitializer: l.kernelInitializer ?? kernelInitializerFor(activation),
          biasInitializer: l.biasInitializer ?? 'zeros',
          l1: l.l1 ?? 0,
          l2: l.l2 ?? 0,
        });
        width = units;
        return;
      }
      case 'activation':
        layers.push({ id: l.id, type: 'activation', units: width, activation: l.activation });
        return;
      case 'dropout':
        layers.push({ id: l.id, type: 'dropout', units: width, rate: l.rate });
        return;
      case 'batchNorm':
        layers.push({
          id: l.id,
          type: 'batchNorm',
          units: width,
          momentum: l.momentum ?? BATCH_NORM_DEFAULTS.momentum,
          epsilon: l.epsilon ?? BATCH_NORM_DEFAULTS.epsilon,
        });
        return;
    }
  });
  let outputActivation: ActivationName = 'linear';
  for (const l of layers) if (l.type === 'dense' || l.type === 'activation') outputActivation = l.activation;
  const loss = spec.loss ?? (width === 2 && task.kind === 'classification' ? 'categoricalCrossentropy' : lossFor(task));
  const math = LOSSES[loss];
  if (task.kind === 'regression' && math.isClassification) {
    problems.push(m.lossTaskMismatch(loss, 'regression', ['meanSquaredError', 'meanAbsoluteError', 'huber']));
  }
  if (task.kind === 'classification' && !math.isClassification) {
    problems.push(m.lossTaskMismatch(loss, 'classification', ['categoricalCrossentropy', 'binaryCrossentropy']));
  }
  if (math.fusesWith && task.kind === 'classification' && outputActivation !== math.fusesWith) {
    problems.push(m.lossActivationMismatch(loss, outputActivation, math.fusesWith));
  }
  if (loss === 'binaryCrossentropy' && width !== 1 && task.kind === 'classification') {
    problems.push(m.outputUnitsMismatch(`layers[${lastDense}].units`, width, 1, `loss 'binaryCrossentropy'`));
  }
  if (loss === 'categoricalCrossentropy' && task.kind === 'classification' && width !== task.classes.length) {
    problems.push(
      m.outputUnitsMismatch(
        `layers[${lastDense}].units`,
        width,
        task.classes.length,
        `loss 'categoricalCrossentropy' on ${taskName}`,
      ),
    );
  }
  if (problems.length === 0) {
    // Before anything is allocated: the weights alone (a batch of one row) must fit; trainNetwork checks the real batch.
    const memory = estimateTrainingMemory({ inputs, layers }, 1, spec.training?.optimizer?.type);
    if (memory.total > LIMITS.trainingBytes)
      problems.push(
        m.tooMuchMemory(memory.parameters, 1, formatBytes(memory.total), formatBytes(LIMITS.trainingBytes)),
      );
  }
  if (problems.length) return { network: null, problems };
  return {
    network: {
      inputs,
      outputs: width,
      layers,
      loss,
      huberDelta: spec.huberDelta ?? 1,
      outputActivation,
      fused: math.fusesWith === outputActivation,
    },
    problems,
  };
}

/** Resolve or throw a SpecError listing every problem. */
export function resolveNetwork(spec: NetworkSpec, inputs: number, task: Task): ResolvedNetwork {
  const { network, problems } = checkResolve(spec, inputs, task);
  if (!network) throw new SpecError(problems);
  return network;
}

/** The layer table (shapes, parameters) for a spec; widths are null where the data is needed to know them. */
export function summarizeLayers(spec: NetworkSpec, inputs: number | null, task: Task | null): LayerSummary[] {
  let width: number | null = inputs ?? spec.inputs ?? null;
  const lastDense = spec.layers.map((l) => l.type).lastIndexOf('dense');
  return spec.layers.map((l, i) => {
    let params = 0;
    let detail = '';
    if (l.type === 'dense') {
      const units = l.units === 'auto' ? (task ? outputUnitsFor(task) : null) : l.units;
      const activated = spec.layers.slice(i + 1).some((n) => n.type === 'activation');
      const activation =
        l.activation ??
        (i === lastDense && activated
          ? 'linear'
          : i === lastDense && task
            ? outputActivationFor(task)
            : i === lastDense
              ? 'auto'
              : DEFAULT_HIDDEN_ACTIVATION);
      params = width !== null && units !== null ? width * units + units : 0;
      width = units;
      detail = `${units ?? 'auto'} units, ${activation}`;
    } else if (l.type === 'activation') {
      detail = l.activation;
    } else if (l.type === 'dropout') {
      detail = `rate ${l.rate}`;
    } else {
      params = width !== null ? 4 * width : 0;
      detail = `momentum ${l.momentum ?? BATCH_NORM_DEFAULTS.momentum}`;
    }
    return { id: l.id, type: l.type, outputShape: [null, width], params, detail };
  });
}
