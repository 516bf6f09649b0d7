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
import { resolveNetwork } from '../spec/resolve.ts';
import type { NetworkSpec, Task } from '../spec/types.ts';
import { rowWeightMatrix } from './class-weights.ts';
import { resolveTraining } from './config.ts';
import { meanLoss } from './metrics.ts';
import { Network } from './network.ts';
import {
  arrivingFormula,
  gradientNote,
  lossExample,
  outputGradientFormula,
  scalesOf,
  updateNote,
} from './step-trace-text.ts';
import type {
  BackwardTrace,
  ForwardTrace,
  StepTrace,
  TraceMatrix,
  TraceOptions,
  UpdateTrace,
} from './step-trace-types.ts';
import type { WeightTensor } from './types.ts';

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
      backend.applyUpdate(opt.step(opt.learningRate, 1), p.value, p.grad!, { a, b });
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
