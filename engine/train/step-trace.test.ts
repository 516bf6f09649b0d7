/** The step-through trace: the same numbers as the gradients path, a chain rule that holds, a loss that drops. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.ts';
import { ACTIVATIONS } from '../layers/activations.ts';
import { Random } from '../random.ts';
import type { NetworkSpec, Task } from '../spec/types.ts';
import { computeGradients } from './gradients.ts';
import { Network } from './network.ts';
import { traceStep } from './step-trace.ts';
import { resolveNetwork } from '../spec/resolve.ts';

const task: Task = { kind: 'classification', classes: ['a', 'b', 'c'] };
const spec: NetworkSpec = {
  layers: [
    { id: 'h1', type: 'dense', units: 5, activation: 'tanh' },
    { id: 'h2', type: 'dense', units: 4, activation: 'relu' },
    { id: 'out', type: 'dense', units: 'auto' },
  ],
  training: { optimizer: { type: 'sgd', learningRate: 0.01 } },
};

async function setup() {
  const backend = new CpuBackend();
  const network = new Network(resolveNetwork(spec, 3, task), backend, 9);
  const weights = await network.readWeights();
  const rng = new Random(1);
  const x = Float32Array.from({ length: 6 }, () => rng.normal());
  const y = Float32Array.from([2, 0]);
  return { backend, weights, x, y };
}

describe('traceStep', () => {
  it('records the four steps, and a small SGD step lowers the loss on the same rows', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    expect(t.forward.map((f) => [f.layerId, f.input.cols, f.output.cols])).toEqual([['h1', 3, 5], ['h2', 5, 4], ['out', 4, 3]]);
    expect(t.backward.map((b) => [b.layerId, b.fused])).toEqual([['out', true], ['h2', false], ['h1', false]]);
    expect(t.loss.example).toMatch(/^L = −ln p\[c\] = −ln 0\.\d+ = \d\.\d+$/);
    expect(t.lossAfter).toBeLessThan(t.loss.value);
    for (const u of t.update.tensors) u.after.forEach((a, i) => expect(a).toBeCloseTo(u.before[i] - 0.01 * u.grad[i], 6));
  });

  it('shows the same gradients as the gradients command', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    const g = await computeGradients(spec, task, weights, x, y, 2, backend);
    expect(t.gradients).toEqual(g.gradients);
    expect(t.loss.value).toBeCloseTo(g.loss, 6);
  });

  it('obeys the chain rule: dz = dOutput ⊙ f′(z), and dW = Σ_rows input ⊗ dz', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    const h2f = t.forward[1];
    const h2b = t.backward.find((b) => b.layerId === 'h2')!;
    h2b.dz!.data.forEach((v, i) => expect(v).toBeCloseTo(h2b.dOutput.data[i] * ACTIVATIONS.relu.df(h2f.z!.data[i], h2f.output.data[i]), 6));
    const k = t.gradients.find((g) => g.layer === 'h2' && g.name === 'kernel')!;
    const [, units] = k.shape;
    const i = 1;
    const j = 2;
    const manual = [0, 1].reduce((s, r) => s + h2f.input.data[r * 5 + i] * h2b.dz!.data[r * units + j], 0);
    expect(k.data[i * units + j]).toBeCloseTo(manual, 6);
  });
});
