/**
 * One training iteration made visible: the four steps of backpropagation on chosen rows, with every
 * number taken from the engine on the given backend.
 * 1. forward pass (per layer: input, weighted sum z, activation y),
 * 2. loss (value, per row, and the formula with the numbers filled in for the first row),
 * 3. backward pass (per layer, from the output: dLoss/dOutput and, for dense layers, dLoss/dz; dLoss/dW),
 * 4. update (old value, gradient, new value per weight) and the loss recomputed on the same rows.
 */
import type { Backend, Tensor } from '../backend/backend.ts';
import { assert } from '../errors.ts';
import { LOSSES } from '../losses/index.ts';
import { ACTIVATIONS } from '../layers/activations.ts';
import { createOptimizer } from '../optimizers/index.ts';
import { resolveNetwork, type ResolvedLayer } from '../spec/resolve.ts';
import type { NetworkSpec, OptimizerSpec, Task } from '../spec/types.ts';
import { rowWeightMatrix } from './class-weights.ts';
import { resolveTraining } from './config.ts';
import { meanLoss } from './metrics.ts';
import { Network } from './network.ts';
import {
  gradientNote,
  lossExample,
  outputGradientFormula,
  updateNote,
  type LayerGradientScale,
} from './step-trace-text.ts';
import type { WeightTensor } from './types.ts';

export type { LayerGradientScale } from './step-trace-text.ts';

/** A matrix [rows, cols] as flat row-major numbers. */
export interface TraceMatrix {
  rows: number;
  cols: number;
  data: number[];
}

/** Forward values of one layer for the traced rows. */
export interface ForwardTrace {
  layerId: string;
  type: string;
  activation: string | null;
  /** Formula of the activation (dense and activation layers). */
  formula: string | null;
  input: TraceMatrix;
  /** Weighted sum x·W + b (dense layers only). */
  z: TraceMatrix | null;
  output: TraceMatrix;
  /** f′(z) per row and unit: dense layers with an elementwise activation (all 1 for linear); else null. */
  derivative: TraceMatrix | null;
}

/** Backward values of one layer, in backward order (output layer first). */
export interface BackwardTrace {
  layerId: string;
  /** dLoss/dOutput of the layer (for the fused output layer: dLoss/dz, and `fused` is true). */
  dOutput: TraceMatrix;
  /** dLoss/dz for dense layers: dOutput ⊙ f'(z). */
  dz: TraceMatrix | null;
  fused: boolean;
  /** How dOutput was formed: from the loss at the output layer, else from the layer after this one. */
  formula: string;
}

/** Old value, gradient and new value of one weight tensor. */
export interface UpdateTrace {
  layer: string;
  name: string;
  shape: number[];
  before: number[];
  /** dLoss/dW, including the regularization part below. */
  grad: number[];
  after: number[];
  /** The L1/L2 part of grad (l1·sign(w) + 2·l2·w); null when the tensor has no regularization. */
  penalty: number[] | null;
}

/** The whole iteration. */
export interface StepTrace {
  rows: number;
  task: Task;
  forward: ForwardTrace[];
  /** Network outputs (probabilities or values), and the targets (class index or value, standardized for regression). */
  output: TraceMatrix;
  target: number[];
  /** `value` is the weighted mean Σ w_r·ℓ_r / n; `rowWeights` each row's class weight (null when all weigh 1). */
  loss: {
    name: string;
    formula: string;
    value: number;
    perRow: number[];
    rowWeights: number[] | null;
    example: string;
  };
  backward: BackwardTrace[];
  /**
   * dLoss/dInputs [rows, inputs]: the backward pass carried one layer further, to the inputs themselves
   * (∂L/∂xᵢ = Σⱼ ∂L/∂zⱼ · wᵢⱼ through a first dense layer). Training never needs it; explanations do.
   */
  inputGradient: TraceMatrix;
  gradients: WeightTensor[];
  update: { optimizer: string; learningRate: number; note: string; tensors: UpdateTrace[] };
  lossAfter: number;
  /** Loss of each row after the update. */
  lossAfterPerRow: number[];
  /** Per layer with trained weights (forward order): how large its gradients are. */
  gradientScale: LayerGradientScale[];
  /** Plain words when the gradient sizes span many orders of magnitude (or one is zero); else null. */
  gradientNote: string | null;
}

/** Options of a trace. */
export interface TraceOptions {
  spec: NetworkSpec;
  task: Task;
  weights: readonly WeightTensor[];
  x: Float32Array;
  y: Float32Array;
  rows: number;
  backend: Backend;
  /** Defaults to the spec's optimizer. */
  optimizer?: OptimizerSpec;
  /** Per-class weights of the loss (class-index order), as the run resolves them; none when omitted. */
  classWeights?: readonly number[] | null;
}

/**
 * The weights a run of this spec starts from: the initializers drawn with the spec's seed, as the training
 * loop draws them, so stepping through before training shows the run's first step.
 */
export async function initialWeights(
  spec: NetworkSpec,
  inputs: number,
  task: Task,
  backend: Backend,
): Promise<WeightTensor[]> {
  const network = new Network(resolveNetwork(spec, inputs, task), backend, resolveTraining(spec.training).seed);
  try {
    return await network.readWeights();
  } finally {
    network.dispose();
  }
}

/** How the gradient arriving at layer i's output came back from the layer after it. */
function arrivingFormula(next: ResolvedLayer, id: string): string {
  switch (next.type) {
    case 'dense':
      return `∂L/∂aⱼ = Σₖ w[j→k] · ∂L/∂zₖ, the ∂L/∂z of '${next.id}' sent back through its weights`;
    case 'activation':
      return `∂L/∂a = ∂L/∂(output of '${next.id}') ⊙ f′ of its ${next.activation}`;
    case 'dropout':
      return `∂L/∂a = ∂L/∂(output of '${next.id}'): dropout is off in this step, so it passes the gradient of '${id}' through`;
    default:
      return `∂L/∂a = ∂L/∂(output of '${next.id}') · γ / √(running variance + ε), through batch normalization`;
  }
}

/**
 * z = x·W + b of dense layer i, for a layer whose activation ran fused into its forward kernel (only y is
 * kept there). The caller owns the returned tensor.
 */
function preActivation(network: Network, i: number, input: Tensor, rows: number, units: number): Tensor {
  const param = (name: string): Tensor => {
    const p = network.layers[i].params.find((q) => q.name === name);
    assert(p, `dense layer ${network.layers[i].id} has no ${name}`);
    return p.value;
  };
  const z = network.backend.tensor([rows, units]);
  network.backend.denseForward(input, param('kernel'), param('bias'), z);
  return z;
}

/** Run forward, loss, backward and one update on the rows, recording every intermediate value. */
export async function traceStep(o: TraceOptions): Promise<StepTrace> {
  const { backend, rows } = o;
  const net = resolveNetwork(o.spec, o.x.length / Math.max(1, rows), o.task);
  const network = new Network(net, backend, 0, o.weights);
  const read = async (t: Tensor, cols: number): Promise<TraceMatrix> => ({
    rows,
    cols,
    data: Array.from(await backend.read(t)),
  });
  const temps: Tensor[] = [];
  const keep = (t: Tensor): Tensor => {
    const c = backend.tensor(t.shape);
    backend.copy(t, c);
    temps.push(c);
    return c;
  };
  try {
    const xt = backend.tensor([rows, net.inputs], o.x.subarray(0, rows * net.inputs));
    const yt = backend.tensor([rows, 1], o.y.subarray(0, rows));
    const d = backend.tensor([rows, net.outputs]);
    temps.push(xt, yt, d);
    // 1. forward (dropout off, batch norm on running statistics, as in `gradients`)
    const mode = { training: false, seed: 0, step: 0 };
    const out = network.forward(xt, rows, mode);
    const bound = network.bind(rows);
    const forward: ForwardTrace[] = [];
    for (let i = 0; i < bound.length; i++) {
      const l = net.layers[i];
      const buf = bound[i].buffers();
      const act = l.type === 'dense' || l.type === 'activation' ? l.activation : null;
      const inCols = i === 0 ? net.inputs : net.layers[i - 1].units;
      let zt: Tensor | undefined = buf.z;
      if (l.type === 'dense' && !zt) {
        zt = preActivation(network, i, buf.input, rows, l.units);
        temps.push(zt);
      }
      const z = l.type === 'dense' && zt ? await read(zt, l.units) : null;
      const output = await read(buf.y, l.units);
      const math = act ? ACTIVATIONS[act] : null;
      const derivative =
        z && math?.kind === 'elementwise'
          ? { rows, cols: l.units, data: z.data.map((v, k) => math.df(v, output.data[k])) }
          : null;
      forward.push({
        layerId: l.id,
        type: l.type,
        activation: act,
        formula: math ? math.formula : null,
        input: await read(buf.input, inCols),
        z,
        output,
        derivative,
      });
    }
    // 2. loss
    const outHost = await backend.read(out);
    const yHost = Array.from(o.y.subarray(0, rows));
    const math = LOSSES[net.loss];
    const perRow = yHost.map((_, r) =>
      meanLoss(
        net.loss,
        outHost.subarray(r * net.outputs, (r + 1) * net.outputs),
        o.y.subarray(r, r + 1),
        1,
        net.outputs,
        net.huberDelta,
      ),
    );
    const weighted = o.classWeights ? rowWeightMatrix(o.classWeights, o.y, rows, net.outputs) : null;
    const rowWeights = weighted ? yHost.map((_, r) => weighted[r * net.outputs]!) : null;
    const weighedMean = (ls: number[]): number => ls.reduce((a, l, r) => a + l * (rowWeights?.[r] ?? 1), 0) / rows;
    const value = weighedMean(perRow);
    // 3. backward (dLoss/dOutput of each row times its class weight, as in training)
    backend.lossGradient(net.loss, out, yt, d, net.huberDelta, net.fused);
    let dOut = d;
    if (weighted) {
      const wt = backend.tensor([rows, net.outputs], weighted);
      dOut = backend.tensor([rows, net.outputs]);
      temps.push(wt, dOut);
      backend.dropoutBackward(d, wt, dOut);
    }
    const arriving: { i: number; g: Tensor; fused: boolean }[] = [];
    const dx = network.backward(rows, dOut, (i, g, fused) => arriving.push({ i, g: keep(g), fused }), true);
    const inputGradient = await read(dx!, net.inputs);
    const backward: BackwardTrace[] = [];
    for (const a of arriving) {
      const l = net.layers[a.i];
      const buf = bound[a.i].buffers();
      let dz: TraceMatrix | null = null;
      if (l.type === 'dense') {
        dz = a.fused || l.activation === 'linear' ? await read(a.g, l.units) : await read(buf.dz, l.units);
      }
      const formula =
        a.i === net.layers.length - 1
          ? outputGradientFormula(net.loss, net.fused, net.outputs, !!weighted)
          : arrivingFormula(net.layers[a.i + 1], l.id);
      backward.push({ layerId: l.id, dOutput: await read(a.g, l.units), dz, fused: a.fused, formula });
    }
    const gradients: WeightTensor[] = [];
    const penalties = new Map<string, number[]>();
    for (const p of network.trainable) {
      if (p.l1 || p.l2) {
        const dataOnly = await backend.read(p.grad!);
        backend.addRegularizationGradient(p.value, p.grad!, p.l1, p.l2);
        const total = await backend.read(p.grad!);
        penalties.set(
          `${p.layer}/${p.name}`,
          Array.from(total, (g, k) => g - dataOnly[k]),
        );
      }
      gradients.push({
        layer: p.layer,
        name: p.name,
        shape: [...p.shape],
        data: Array.from(await backend.read(p.grad!)),
      });
    }
    // 4. update: one step of a fresh optimizer (t = 1)
    const spec = o.optimizer ?? resolveTraining(o.spec.training).optimizer;
    const opt = createOptimizer(spec);
    const tensors: UpdateTrace[] = [];
    for (const p of network.trainable) {
      const before = Array.from(await backend.read(p.value));
      const a = backend.tensor(p.shape);
      if (opt.slotInit.a) backend.fill(a, opt.slotInit.a);
      const b = backend.tensor(opt.usesSlotB ? p.shape : [1]);
      temps.push(a, b);
      backend.optimizerStep(opt.step(opt.learningRate, 1), p.value, p.grad!, { a, b });
      tensors.push({
        layer: p.layer,
        name: p.name,
        shape: [...p.shape],
        before,
        grad: gradients.find((g) => g.layer === p.layer && g.name === p.name)!.data,
        after: Array.from(await backend.read(p.value)),
        penalty: penalties.get(`${p.layer}/${p.name}`) ?? null,
      });
    }
    const after = await backend.read(network.forward(xt, rows, mode));
    const lossAfterPerRow = yHost.map((_, r) =>
      meanLoss(
        net.loss,
        after.subarray(r * net.outputs, (r + 1) * net.outputs),
        o.y.subarray(r, r + 1),
        1,
        net.outputs,
        net.huberDelta,
      ),
    );
    const lossAfter = weighedMean(lossAfterPerRow);
    const gradientScale = scalesOf(gradients);
    return {
      rows,
      task: o.task,
      forward,
      output: { rows, cols: net.outputs, data: Array.from(outHost) },
      target: yHost,
      loss: {
        name: net.loss,
        formula: math.formula,
        value,
        perRow,
        rowWeights,
        example: lossExample(net.loss, outHost, yHost[0], net.outputs, o.task, perRow[0]),
      },
      backward,
      inputGradient,
      gradients,
      update: {
        optimizer: spec.type,
        learningRate: spec.learningRate,
        note: updateNote(spec),
        tensors,
      },
      lossAfter,
      lossAfterPerRow,
      gradientScale,
      gradientNote: gradientNote(gradientScale, {
        hasBatchNorm: net.layers.some((l) => l.type === 'batchNorm'),
        clipNorm: spec.clipNorm ?? null,
      }),
    };
  } finally {
    for (const t of temps) backend.dispose(t);
    network.dispose();
  }
}

/** √(mean g²) and max |g| per layer, over its trained tensors, in layer order. */
function scalesOf(gradients: readonly WeightTensor[]): LayerGradientScale[] {
  const byLayer = new Map<string, { sum: number; n: number; max: number }>();
  for (const g of gradients) {
    const acc = byLayer.get(g.layer) ?? { sum: 0, n: 0, max: 0 };
    for (const v of g.data) {
      acc.sum += v * v;
      acc.max = Math.max(acc.max, Math.abs(v));
    }
    acc.n += g.data.length;
    byLayer.set(g.layer, acc);
  }
  return [...byLayer].map(([layer, a]) => ({ layer, rms: Math.sqrt(a.sum / Math.max(1, a.n)), maxAbs: a.max }));
}
