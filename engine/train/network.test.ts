/** The network's training forward pass with `logits`: a dense softmax output fused with the loss skips its softmax. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import type { NetworkSpec, Task } from '../spec/types.ts';
import { Network } from './network.ts';

const classes = { kind: 'classification' as const, classes: ['a', 'b', 'c'] };
const mode = { training: true, seed: 1, step: 0 };

function build(spec: NetworkSpec, task: Task = classes): Network {
  return new Network(resolveNetwork(spec, 4, task), new CpuBackend(), 7);
}

describe('Network.takesLogits and forward with logits', () => {
  const softmaxNet: NetworkSpec = {
    layers: [
      { id: 'h', type: 'dense', units: 5, activation: 'softmax' },
      { id: 'out', type: 'dense', units: 'auto', activation: 'softmax' },
    ],
  };

  it("returns the output layer's logits, and only the output layer skips its softmax", async () => {
    const net = build(softmaxNet);
    expect(net.takesLogits).toBe(true);
    const be = net.backend;
    const x = be.tensor([2, 4], Float32Array.from([0.1, -0.2, 0.3, 0.5, 1, 2, -1, 0]));
    const probs = await be.read(net.forward(x, 2, mode));
    const logits = await be.read(net.forward(x, 2, { ...mode, logits: true }));
    // the hidden softmax still ran: the same logits as z = h·W + b of the output layer from the plain pass
    const h = net.bind(2)[0].buffers().y;
    const z = be.tensor([2, 3]);
    be.denseForward(h, net.params[2].value, net.params[3].value, z);
    expect(logits).toEqual(await be.read(z));
    const p = be.tensor([2, 3]);
    be.activationForward('softmax', z, p);
    expect(probs).toEqual(await be.read(p));
  });

  it('is off for every other output: sigmoid, linear, and a softmax that a later layer follows', () => {
    const binary = { kind: 'classification' as const, classes: ['no', 'yes'] };
    const sigmoid = build({ layers: [{ id: 'out', type: 'dense', units: 1, activation: 'sigmoid' }] }, binary);
    expect(sigmoid.takesLogits).toBe(false);
    const regression = build({ layers: [{ id: 'out', type: 'dense', units: 'auto' }] }, { kind: 'regression' });
    expect(regression.takesLogits).toBe(false);
    const separate = build({
      layers: [
        { id: 'out', type: 'dense', units: 3 },
        { id: 'act', type: 'activation', activation: 'softmax' },
      ],
    });
    expect(separate.takesLogits).toBe(false);
  });
});
