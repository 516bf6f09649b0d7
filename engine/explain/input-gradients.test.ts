/** ∂F/∂x by the backward pass to the inputs agrees with finite differences, for every kind of output. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { Random } from '../random.ts';
import { parseSpec, resolveNetwork, type Task } from '../spec/index.ts';
import { Network } from '../train/index.ts';
import { outputGradients, type ExplainedOutput } from './input-gradients.ts';

const INPUTS = 4;
const ROWS = 6;
/** A power of two, so x ± EPS is exact in float32 for |x| < 1 and the difference quotient sees the true step. */
const EPS = 2 ** -10;

function network(layers: unknown[], task: Task, loss?: string): Network {
  const spec = parseSpec({ layers, ...(loss ? { loss } : {}) });
  return new Network(resolveNetwork(spec, INPUTS, task), new CpuBackend({ precision: 'float64' }), 5);
}

const rng = new Random(1);
const x = Float32Array.from({ length: ROWS * INPUTS }, () => rng.uniform(-0.9, 0.9));
const three: Task = { kind: 'classification', classes: ['a', 'b', 'c'] };
const two: Task = { kind: 'classification', classes: ['no', 'yes'] };

async function expectFiniteDifferences(net: Network, what: ExplainedOutput): Promise<void> {
  const g = await outputGradients(net, x, ROWS, what);
  for (let r = 0; r < ROWS; r++) {
    const one = (d: number, i: number) => {
      const xi = x.slice(r * INPUTS, (r + 1) * INPUTS);
      xi[i]! += d;
      return xi;
    };
    const at = (xi: Float32Array) =>
      outputGradients(
        net,
        xi,
        1,
        what.kind === 'value' ? what : { kind: 'probability', classes: what.classes.subarray(r, r + 1) },
      );
    expect((await at(x.slice(r * INPUTS, (r + 1) * INPUTS))).values[0]).toBeCloseTo(g.values[r]!, 12);
    for (let i = 0; i < INPUTS; i++) {
      const numeric = ((await at(one(EPS, i))).values[0]! - (await at(one(-EPS, i))).values[0]!) / (2 * EPS);
      expect(Math.abs(g.gradients[r * INPUTS + i]! - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  }
}

const classes3 = Int32Array.from({ length: ROWS }, (_, r) => r % 3);
const classes2 = Int32Array.from({ length: ROWS }, (_, r) => r % 2);

describe('outputGradients: the backward pass carried through the first layer', () => {
  it('softmax fused with cross-entropy, through batch norm (first layer), tanh and dropout (off at prediction)', async () => {
    const net = network(
      [
        { id: 'bn', type: 'batchNorm' },
        { id: 'h', type: 'dense', units: 5, activation: 'tanh' },
        { id: 'd', type: 'dropout', rate: 0.3 },
        { id: 'output', type: 'dense', units: 'auto' },
      ],
      three,
    );
    expect([net.resolved.fused, net.resolved.outputActivation]).toEqual([true, 'softmax']);
    await expectFiniteDifferences(net, { kind: 'probability', classes: classes3 });
  });

  it('one sigmoid output fused with binary cross-entropy: class 1 is p, class 0 is 1 − p', async () => {
    const net = network(
      [
        { id: 'h', type: 'dense', units: 5, activation: 'elu' },
        { id: 'output', type: 'dense', units: 1, activation: 'sigmoid' },
      ],
      two,
      'binaryCrossentropy',
    );
    expect([net.resolved.fused, net.resolved.outputs]).toEqual([true, 1]);
    await expectFiniteDifferences(net, { kind: 'probability', classes: classes2 });
  });

  it("regression value in the target's units, through a GELU activation layer", async () => {
    const net = network(
      [
        { id: 'h', type: 'dense', units: 5 },
        { id: 'act', type: 'activation', activation: 'gelu' },
        { id: 'output', type: 'dense', units: 'auto' },
      ],
      { kind: 'regression' },
    );
    await expectFiniteDifferences(net, { kind: 'value', mean: 10, std: 3 });
    const scaled = await outputGradients(net, x, ROWS, { kind: 'value', mean: 0, std: 1 });
    const units = await outputGradients(net, x, ROWS, { kind: 'value', mean: 10, std: 3 });
    units.gradients.forEach((v, i) => expect(v).toBeCloseTo(3 * scaled.gradients[i]!, 10));
  });
});
