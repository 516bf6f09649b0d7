/** The step-through trace: the same numbers as the gradients path, a chain rule that holds, a loss that drops. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.ts';
import { ACTIVATIONS } from '../layers/activations.ts';
import { Random } from '../random.ts';
import type { ActivationName, NetworkSpec, Task } from '../spec/types.ts';
import { TrainControl } from './control.ts';
import { computeGradients } from './gradients.ts';
import { Network } from './network.ts';
import { initialWeights, traceStep } from './step-trace.ts';
import { gradientNote } from './step-trace-text.ts';
import { trainNetwork } from './trainer.ts';
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
    expect(t.forward.map((f) => [f.layerId, f.input.cols, f.output.cols])).toEqual([
      ['h1', 3, 5],
      ['h2', 5, 4],
      ['out', 4, 3],
    ]);
    expect(t.backward.map((b) => [b.layerId, b.fused])).toEqual([
      ['out', true],
      ['h2', false],
      ['h1', false],
    ]);
    expect(t.loss.example).toMatch(/^L = −ln p\[c\] = −ln 0\.\d+ = \d\.\d+$/);
    expect(t.lossAfter).toBeLessThan(t.loss.value);
    for (const u of t.update.tensors)
      u.after.forEach((a, i) => expect(a).toBeCloseTo(u.before[i] - 0.01 * u.grad[i], 6));
  });

  it('shows class weights: each row weighs its class in the loss and in the gradient', async () => {
    const { backend, weights, x, y } = await setup();
    const classWeights = [3, 1, 0.5];
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend, classWeights });
    expect(t.loss.rowWeights).toEqual([0.5, 3]);
    expect(t.loss.value).toBeCloseTo((0.5 * t.loss.perRow[0]! + 3 * t.loss.perRow[1]!) / 2, 6);
    expect(t.backward[0]!.formula).toBe('∂L/∂zⱼ = w · (pⱼ − [j = true class]) / rows, w the class weight of the row');
    const one = async (r: number) =>
      computeGradients(spec, task, weights, x.subarray(r * 3, r * 3 + 3), y.subarray(r, r + 1), 1, backend);
    const [g0, g1] = [await one(0), await one(1)];
    t.gradients.forEach((g, i) =>
      g.data.forEach((v, j) => {
        expect(v).toBeCloseTo((0.5 * g0.gradients[i]!.data[j]! + 3 * g1.gradients[i]!.data[j]!) / 2, 6);
      }),
    );
    const plain = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    expect(plain.loss.rowWeights).toBeNull();
  });

  it('shows the same gradients as the gradients command', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    const g = await computeGradients(spec, task, weights, x, y, 2, backend);
    expect(t.gradients).toEqual(g.gradients);
    expect(t.loss.value).toBeCloseTo(g.loss, 6);
  });

  it('shows z = x·W + b and y = f(z) for layers whose activation ran fused into the dense kernel', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    for (const f of t.forward.slice(0, 2)) {
      const w = weights.find((v) => v.layer === f.layerId && v.name === 'kernel')!;
      const b = weights.find((v) => v.layer === f.layerId && v.name === 'bias')!;
      const [inputs, units] = w.shape;
      for (let r = 0; r < 2; r++) {
        for (let j = 0; j < units; j++) {
          let z = b.data[j];
          for (let k = 0; k < inputs; k++) z += f.input.data[r * inputs + k] * w.data[k * units + j];
          expect(f.z!.data[r * units + j]).toBeCloseTo(z, 5);
          expect(f.output.data[r * units + j]).toBeCloseTo(
            ACTIVATIONS[f.activation as ActivationName].f(f.z!.data[r * units + j]),
            6,
          );
        }
      }
    }
  });

  it('obeys the chain rule: dz = dOutput ⊙ f′(z), and dW = Σ_rows input ⊗ dz', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    const h2f = t.forward[1];
    const h2b = t.backward.find((b) => b.layerId === 'h2')!;
    h2b.dz!.data.forEach((v, i) =>
      expect(v).toBeCloseTo(h2b.dOutput.data[i] * ACTIVATIONS.relu.df(h2f.z!.data[i], h2f.output.data[i]), 6),
    );
    const k = t.gradients.find((g) => g.layer === 'h2' && g.name === 'kernel')!;
    const [, units] = k.shape;
    const i = 1;
    const j = 2;
    const manual = [0, 1].reduce((s, r) => s + h2f.input.data[r * 5 + i] * h2b.dz!.data[r * units + j], 0);
    expect(k.data[i * units + j]).toBeCloseTo(manual, 6);
  });

  it('carries the gradient on to the inputs: ∂L/∂x = dz of the first layer · Wᵀ, matching finite differences', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    expect([t.inputGradient.rows, t.inputGradient.cols]).toEqual([2, 3]);
    const w = weights.find((v) => v.layer === 'h1' && v.name === 'kernel')!;
    const dz = t.backward.find((b) => b.layerId === 'h1')!.dz!;
    for (let r = 0; r < 2; r++) {
      for (let i = 0; i < 3; i++) {
        const chain = Array.from({ length: 5 }, (_, j) => dz.data[r * 5 + j] * w.data[i * 5 + j]).reduce(
          (a, b) => a + b,
          0,
        );
        expect(t.inputGradient.data[r * 3 + i]).toBeCloseTo(chain, 6);
      }
    }
    // Nudge input 1 of row 0 both ways: the mean loss moves by the gradient times the nudge.
    const h = 1e-2;
    const loss = async (delta: number) => {
      const moved = Float32Array.from(x);
      moved[1] += delta;
      return (await traceStep({ spec, task, weights, x: moved, y, rows: 2, backend })).loss.value;
    };
    const numeric = ((await loss(h)) - (await loss(-h))) / (2 * h);
    expect(Math.abs(numeric - t.inputGradient.data[1])).toBeLessThan(1e-3 + 1e-2 * Math.abs(numeric));
  });

  it("gives f′(z) for each dense unit, and dz = dOutput ⊙ f′(z) with the engine's own numbers", async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    for (const id of ['h1', 'h2']) {
      const f = t.forward.find((l) => l.layerId === id)!;
      const b = t.backward.find((l) => l.layerId === id)!;
      expect(f.derivative!.cols).toBe(f.output.cols);
      b.dz!.data.forEach((v, k) => expect(v).toBeCloseTo(b.dOutput.data[k] * f.derivative!.data[k], 7));
    }
    expect(t.forward[1].derivative!.data.every((d) => d === 0 || d === 1)).toBe(true);
    expect(t.backward[0].formula).toBe('∂L/∂zⱼ = (pⱼ − [j = true class]) / rows');
    expect(t.backward[1].formula).toMatch(/^∂L\/∂aⱼ = Σₖ w\[j→k\] · ∂L\/∂zₖ, the ∂L\/∂z of 'out'/);
  });

  it('reports per-layer gradient sizes and the loss of each row after the update', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({ spec, task, weights, x, y, rows: 2, backend });
    expect(t.gradientScale.map((s) => s.layer)).toEqual(['h1', 'h2', 'out']);
    const out = t.gradients.filter((g) => g.layer === 'out').flatMap((g) => g.data);
    expect(t.gradientScale[2].rms).toBeCloseTo(Math.sqrt(out.reduce((s, g) => s + g * g, 0) / out.length), 9);
    expect(t.gradientScale[2].maxAbs).toBe(Math.max(...out.map(Math.abs)));
    expect(t.lossAfterPerRow).toHaveLength(2);
    expect((t.lossAfterPerRow[0] + t.lossAfterPerRow[1]) / 2).toBeCloseTo(t.lossAfter, 6);
    expect(t.update.tensors.every((u) => u.penalty === null)).toBe(true);
  });

  it('separates the L2 part of a regularized gradient (2·l2·w)', async () => {
    const { backend, weights, x, y } = await setup();
    const l2spec: NetworkSpec = { ...spec, layers: spec.layers.map((l) => (l.id === 'h2' ? { ...l, l2: 0.1 } : l)) };
    const t = await traceStep({ spec: l2spec, task, weights, x, y, rows: 2, backend });
    const k = t.update.tensors.find((u) => u.layer === 'h2' && u.name === 'kernel')!;
    k.penalty!.forEach((p, i) => expect(p).toBeCloseTo(2 * 0.1 * k.before[i], 6));
  });

  it('a large step can raise the loss on the same rows', async () => {
    const { backend, weights, x, y } = await setup();
    const t = await traceStep({
      spec,
      task,
      weights,
      x,
      y,
      rows: 2,
      backend,
      optimizer: { type: 'sgd', learningRate: 200 },
    });
    expect(t.lossAfter).toBeGreaterThan(t.loss.value);
    expect(t.update.note).toBe('w ← w − learningRate · ∂L/∂w');
  });
});

describe('initialWeights', () => {
  it('are the weights a run of the spec starts from (its seed), and change with the seed', async () => {
    const backend = new CpuBackend();
    const seeded = { ...spec, training: { ...spec.training, seed: 7, epochs: 1, batchSize: 2 } };
    const w = await initialWeights(seeded, 3, task, backend);
    // A run stopped before its first batch returns the weights it started from.
    const control = new TrainControl();
    control.stop();
    const rng = new Random(3);
    const x = Float32Array.from({ length: 12 }, () => rng.normal());
    const run = await trainNetwork({
      spec: seeded,
      backend,
      control,
      data: {
        task,
        featureNames: ['a', 'b', 'c'],
        train: { x, y: Float32Array.from([0, 1, 2, 0]), rows: 4, features: 3 },
        validation: null,
      },
    });
    expect(run.stopReason).toBe('stopped');
    expect(w).toEqual(run.weights);
    const other = await initialWeights({ ...seeded, training: { ...seeded.training, seed: 8 } }, 3, task, backend);
    expect(other[0].data).not.toEqual(w[0].data);
  });
});

describe('TrainControl.snapshot', () => {
  it("reads a paused run's current weights and backend, and refuses while it runs", async () => {
    const backend = new CpuBackend();
    const control = new TrainControl();
    const rng = new Random(4);
    const x = Float32Array.from({ length: 60 }, () => rng.normal());
    const y = Float32Array.from({ length: 20 }, (_, i) => i % 3);
    await expect(control.snapshot()).rejects.toThrow('This run has ended. Step through its final weights instead.');
    let reachedPause: () => void = () => {};
    const paused = new Promise<void>((r) => {
      reachedPause = r;
    });
    const done = trainNetwork({
      spec: { ...spec, training: { ...spec.training, epochs: 5, batchSize: 5 } },
      backend,
      control,
      data: { task, featureNames: ['a', 'b', 'c'], train: { x, y, rows: 20, features: 3 }, validation: null },
      onEvent: (e) => {
        if (e.type === 'epoch' && e.summary.epoch === 2) {
          control.pause();
          reachedPause();
        }
      },
    });
    await paused;
    const snap = await control.snapshot();
    expect(snap.backend).toBe(backend);
    // Paused at the start of epoch 3: two epochs of 4 batches are done.
    expect(snap.position).toEqual({ epoch: 3, batch: 0, batches: 4 });
    const initial = await initialWeights(spec, 3, task, backend);
    expect(snap.weights[0].data).not.toEqual(initial[0].data);
    control.resume();
    await expect(control.snapshot()).rejects.toThrow(
      'This run is still training. Pause it to step through its current weights.',
    );
    const result = await done;
    expect(result.history).toHaveLength(5);
    // Paused after its last batch, a run ends anyway; a snapshot waiting for the pause is refused, not left hanging.
    const late = new TrainControl();
    let snapshot: Promise<unknown> = Promise.resolve(null);
    await trainNetwork({
      spec: { ...spec, training: { ...spec.training, epochs: 1, batchSize: 20 } },
      backend,
      control: late,
      data: { task, featureNames: ['a', 'b', 'c'], train: { x, y, rows: 20, features: 3 }, validation: null },
      onEvent: (e) => {
        if (e.type !== 'epoch') return;
        late.pause();
        snapshot = late.snapshot().catch((err: unknown) => err);
      },
    });
    expect(String(await snapshot)).toContain('This run has ended.');
  });
});

describe('gradientNote', () => {
  it('says nothing for similar sizes, and names vanishing, exploding and dead layers', () => {
    expect(
      gradientNote([
        { layer: 'a', rms: 0.01, maxAbs: 0.1 },
        { layer: 'b', rms: 0.5, maxAbs: 1 },
      ]),
    ).toBeNull();
    expect(
      gradientNote([
        { layer: 'a', rms: 1e-6, maxAbs: 1e-5 },
        { layer: 'b', rms: 0.1, maxAbs: 1 },
      ]),
    ).toBe(
      "The gradients span 5.0 orders of magnitude: at 'a' they are 1.0e+5× smaller than at 'b'. They shrink as they flow back towards the input (vanishing gradients), so the early layers barely learn. ReLU-family activations, He initialization, batch normalization or fewer layers help.",
    );
    expect(
      gradientNote([
        { layer: 'a', rms: 50, maxAbs: 90 },
        { layer: 'b', rms: 0.01, maxAbs: 1 },
      ]),
    ).toMatch(
      /^The gradients span 3\.7 orders of magnitude: at 'b' they are 5,000× smaller than at 'a'\. They grow as they flow back towards the input \(exploding gradients\)/,
    );
    expect(
      gradientNote([
        { layer: 'a', rms: 0, maxAbs: 0 },
        { layer: 'b', rms: 0.1, maxAbs: 1 },
      ]),
    ).toMatch(/^No gradient reaches 'a' for these rows/);
  });
  it("exploding: names the app's clipping field and leaves out batch normalization when the network has it", () => {
    const scales = [
      { layer: 'a', rms: 50, maxAbs: 90 },
      { layer: 'b', rms: 0.01, maxAbs: 1 },
    ];
    expect(gradientNote(scales)).toMatch(
      /Lower the learning rate, turn on 'Gradient clipping \(max norm\)' \(clipNorm in a spec\), or add batch normalization\.$/,
    );
    expect(gradientNote(scales, { hasBatchNorm: true, clipNorm: null })).toMatch(
      /huge, unstable steps\. Lower the learning rate, or turn on 'Gradient clipping \(max norm\)' \(clipNorm in a spec\)\.$/,
    );
  });
});

describe('traceStep on a network of only the output layer', () => {
  it('traces logistic regression: one dense layer, its fused softmax gradient, and a loss that drops', async () => {
    const linear: NetworkSpec = {
      layers: [{ id: 'out', type: 'dense', units: 'auto' }],
      training: { optimizer: { type: 'sgd', learningRate: 0.1 } },
    };
    const backend = new CpuBackend();
    const weights = await new Network(resolveNetwork(linear, 3, task), backend, 9).readWeights();
    const rng = new Random(2);
    const x = Float32Array.from({ length: 6 }, () => rng.normal());
    const y = Float32Array.from([2, 0]);
    const t = await traceStep({ spec: linear, task, weights, x, y, rows: 2, backend });
    expect(t.forward.map((f) => [f.layerId, f.input.cols, f.output.cols])).toEqual([['out', 3, 3]]);
    expect(t.backward.map((b) => b.layerId)).toEqual(['out']);
    expect(t.lossAfter).toBeLessThan(t.loss.value);
  });
});
