/**
 * Every layer, activation and loss checked against central finite differences, in float64 on the CPU
 * reference: analytic dLoss/dW from backpropagation must match (L(w + h) − L(w − h)) / 2h.
 */
import { describe, expect, it } from 'vitest';
import { CpuBackend, CpuTensor } from '../backend/cpu/index.ts';
import { Random } from '../random.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import { ACTIVATION_NAMES, type LayerSpec, type LossName, type NetworkSpec, type Task } from '../spec/types.ts';
import { meanLoss } from './metrics.ts';
import { Network } from './network.ts';

interface Case {
  name: string;
  layers: LayerSpec[];
  task: Task;
  loss?: LossName;
  training?: boolean;
}

const cls3: Task = { kind: 'classification', classes: ['a', 'b', 'c'] };
const bin: Task = { kind: 'classification', classes: ['no', 'yes'] };
const reg: Task = { kind: 'regression' };

function check(c: Case, rows = 5, inputs = 4): void {
  const backend = new CpuBackend({ precision: 'float64' });
  const spec: NetworkSpec = { layers: c.layers, loss: c.loss };
  const net = resolveNetwork(spec, inputs, c.task);
  const network = new Network(net, backend, 7);
  const rng = new Random(3);
  const x = new Float64Array(rows * inputs).map(() => rng.normal());
  const y = new Float64Array(rows).map(() =>
    c.task.kind === 'regression' ? rng.normal() : rng.int(c.task.classes.length),
  );
  const xt = backend.tensor([rows, inputs], x);
  const yt = backend.tensor([rows, 1], y);
  const d = backend.tensor([rows, net.outputs]);
  const mode = { training: c.training ?? false, seed: 11, step: 5 };
  const total = (): number => {
    const out = network.forward(xt, rows, mode) as CpuTensor;
    let penalty = 0;
    for (const p of network.trainable) {
      if (!p.l1 && !p.l2) continue;
      for (const w of (p.value as CpuTensor).data) penalty += p.l1 * Math.abs(w) + p.l2 * w * w;
    }
    return meanLoss(net.loss, out.data, y, rows, net.outputs, net.huberDelta) + penalty;
  };
  const out = network.forward(xt, rows, mode);
  backend.lossGradient(net.loss, out, yt, d, net.huberDelta, net.fused);
  network.backward(rows, d);
  for (const p of network.trainable) if (p.l1 || p.l2) backend.addRegularizationGradient(p.value, p.grad!, p.l1, p.l2);
  for (const p of network.trainable) {
    const w = (p.value as CpuTensor).data;
    const g = (p.grad as CpuTensor).data.slice();
    for (let i = 0; i < w.length; i++) {
      const h = 1e-6;
      const keep = w[i];
      w[i] = keep + h;
      const up = total();
      w[i] = keep - h;
      const down = total();
      w[i] = keep;
      const numeric = (up - down) / (2 * h);
      expect(
        Math.abs(g[i] - numeric),
        `${c.name}: ${p.layer}/${p.name}[${i}] analytic ${g[i]} vs numeric ${numeric}`,
      ).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(numeric));
    }
  }
}

describe('backpropagation matches finite differences', () => {
  for (const act of ACTIVATION_NAMES.filter((a) => a !== 'softmax')) {
    it(`dense layer with ${act} activation (MSE)`, () => {
      check({
        name: act,
        task: reg,
        layers: [
          { id: 'h', type: 'dense', units: 3, activation: act },
          { id: 'o', type: 'dense', units: 'auto' },
        ],
      });
    });
  }
  it('softmax output fused with categorical cross-entropy', () => {
    check({
      name: 'softmax-cce',
      task: cls3,
      layers: [
        { id: 'h', type: 'dense', units: 5, activation: 'tanh' },
        { id: 'o', type: 'dense', units: 'auto' },
      ],
    });
  });
  it('softmax as a separate activation layer', () => {
    check({
      name: 'softmax-layer',
      task: cls3,
      layers: [
        { id: 'h', type: 'dense', units: 3, activation: 'elu' },
        { id: 'o', type: 'dense', units: 3, activation: 'linear' },
        { id: 'sm', type: 'activation', activation: 'softmax' },
      ],
    });
  });
  it('sigmoid output fused with binary cross-entropy', () => {
    check({
      name: 'sigmoid-bce',
      task: bin,
      layers: [
        { id: 'h', type: 'dense', units: 4, activation: 'gelu' },
        { id: 'o', type: 'dense', units: 'auto' },
      ],
    });
  });
  for (const loss of ['meanAbsoluteError', 'huber'] as const) {
    it(`${loss} loss`, () => {
      check({
        name: loss,
        task: reg,
        loss,
        layers: [
          { id: 'h', type: 'dense', units: 3, activation: 'softplus' },
          { id: 'o', type: 'dense', units: 1 },
        ],
      });
    });
  }
  it('dropout in training mode (fixed mask)', () => {
    check({
      name: 'dropout',
      task: cls3,
      training: true,
      layers: [
        { id: 'h', type: 'dense', units: 6, activation: 'relu' },
        { id: 'dr', type: 'dropout', rate: 0.4 },
        { id: 'o', type: 'dense', units: 'auto' },
      ],
    });
  });
  it('batch normalization in training mode (batch statistics)', () => {
    check({
      name: 'bn-train',
      task: reg,
      training: true,
      layers: [
        { id: 'h', type: 'dense', units: 3, activation: 'linear' },
        { id: 'bn', type: 'batchNorm' },
        { id: 'a', type: 'activation', activation: 'tanh' },
        { id: 'o', type: 'dense', units: 1 },
      ],
    });
  });
  it('batch normalization in inference mode (running statistics)', () => {
    check({
      name: 'bn-eval',
      task: cls3,
      layers: [
        { id: 'h', type: 'dense', units: 3, activation: 'sigmoid' },
        { id: 'bn', type: 'batchNorm', epsilon: 0.01 },
        { id: 'o', type: 'dense', units: 'auto' },
      ],
    });
  });
  it('L1 and L2 penalties', () => {
    check({
      name: 'l1l2',
      task: reg,
      layers: [
        { id: 'h', type: 'dense', units: 3, activation: 'tanh', l1: 0.01, l2: 0.05 },
        { id: 'o', type: 'dense', units: 1, l2: 0.1 },
      ],
    });
  });
});
