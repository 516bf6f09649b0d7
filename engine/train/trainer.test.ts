/** The training loop: learns, is deterministic, pauses/stops, stops on divergence, stops early. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.ts';
import { SpecError, TrainingError } from '../errors.ts';
import { Random } from '../random.ts';
import type { NetworkSpec } from '../spec/types.ts';
import { TrainControl } from './control.ts';
import { trainNetwork } from './trainer.ts';
import type { TrainEvent, TrainingData } from './types.ts';

/** Two interleaved noisy spirals-ish blobs: 3 classes from a fixed rule, learnable but not linear. */
function blobs(rows: number, seed: number): TrainingData {
  const rng = new Random(seed);
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    const a = rng.uniform(-2, 2);
    const b = rng.uniform(-2, 2);
    x[i * 2] = a;
    x[i * 2 + 1] = b;
    y[i] = a * a + b * b < 1.2 ? 0 : a > 0 ? 1 : 2;
  }
  const cut = Math.floor(rows * 0.8);
  return {
    task: { kind: 'classification', classes: ['in', 'right', 'left'] },
    featureNames: ['a', 'b'],
    train: { x: x.subarray(0, cut * 2), y: y.subarray(0, cut), rows: cut, features: 2 },
    validation: { x: x.subarray(cut * 2), y: y.subarray(cut), rows: rows - cut, features: 2 },
  };
}

const spec = (training: NetworkSpec['training'] = {}): NetworkSpec => ({
  layers: [
    { id: 'h1', type: 'dense', units: 16 },
    { id: 'd', type: 'dropout', rate: 0.1 },
    { id: 'h2', type: 'dense', units: 8, activation: 'tanh' },
    { id: 'out', type: 'dense', units: 'auto' },
  ],
  training: { epochs: 30, batchSize: 16, optimizer: { type: 'adam', learningRate: 0.01 }, ...training },
});

describe('trainNetwork: continuing a run', () => {
  const data = blobs(200, 3);
  const s = (epochs: number) => spec({ epochs, shuffle: false });

  it('2 + 2 epochs with the optimizer state carried over equal 4 epochs in one run, bit for bit', async () => {
    const be = new CpuBackend();
    const whole = await trainNetwork({ spec: s(4), data, backend: be });
    const first = await trainNetwork({ spec: s(2), data, backend: be, returnOptimizer: true });
    expect(first.optimizer?.steps).toBe(2 * Math.ceil(data.train.rows / 16));
    const second = await trainNetwork({
      spec: s(2),
      data,
      backend: be,
      initialWeights: first.weights,
      initialOptimizer: first.optimizer,
    });
    expect(second.weights).toEqual(whole.weights);
    // without it Adam restarts (moments and bias correction), and the result differs
    const restarted = await trainNetwork({ spec: s(2), data, backend: be, initialWeights: first.weights });
    expect(restarted.weights).not.toEqual(whole.weights);
  });

  it('with the earlier epochs given, numbering, shuffling and a step schedule pick up there: 5 + 5 epochs equal 10', async () => {
    const be = new CpuBackend();
    const training = { shuffle: true, schedule: { type: 'step' as const, stepSize: 3, gamma: 0.5 } };
    const whole = await trainNetwork({ spec: spec({ ...training, epochs: 10 }), data, backend: be });
    const first = await trainNetwork({
      spec: spec({ ...training, epochs: 5 }),
      data,
      backend: be,
      returnOptimizer: true,
    });
    const events: number[] = [];
    const rest = await trainNetwork({
      spec: spec({ ...training, epochs: 10 }),
      data,
      backend: be,
      initialWeights: first.weights,
      initialOptimizer: first.optimizer,
      initialHistory: first.history,
      onEvent: (e) => {
        if (e.type === 'epoch') events.push(e.summary.epoch);
      },
    });
    expect(events).toEqual([6, 7, 8, 9, 10]);
    expect(rest.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rest.history.map((h) => h.learningRate)).toEqual(whole.history.map((h) => h.learningRate));
    expect(rest.history.map((h) => h.loss)).toEqual(whole.history.map((h) => h.loss));
    expect(rest.weights).toEqual(whole.weights);
    expect(rest.bestEpoch).toBe(10);
  });

  it('reduce-on-plateau replays the earlier epochs, so its rate continues where it was', async () => {
    const be = new CpuBackend();
    // With minDelta 1 no epoch after the first counts as better: the rate halves after epochs 3, 5 and 7.
    const training = {
      shuffle: false,
      schedule: { type: 'reduceOnPlateau' as const, patience: 1, factor: 0.5, minDelta: 1 },
    };
    const whole = await trainNetwork({ spec: spec({ ...training, epochs: 8 }), data, backend: be });
    const first = await trainNetwork({
      spec: spec({ ...training, epochs: 4 }),
      data,
      backend: be,
      returnOptimizer: true,
    });
    const rest = await trainNetwork({
      spec: spec({ ...training, epochs: 8 }),
      data,
      backend: be,
      initialWeights: first.weights,
      initialOptimizer: first.optimizer,
      initialHistory: first.history,
    });
    const rates = whole.history.map((h) => h.learningRate);
    expect(rates).toEqual([0.01, 0.01, 0.01, 0.005, 0.005, 0.0025, 0.0025, 0.00125]);
    expect(rest.history.map((h) => h.learningRate)).toEqual(rates);
    expect(rest.weights).toEqual(whole.weights);
  });

  it('refuses to continue when the total epochs are not more than those already done', async () => {
    const be = new CpuBackend();
    const first = await trainNetwork({ spec: s(3), data, backend: be, returnOptimizer: true });
    await expect(
      trainNetwork({ spec: s(3), data, backend: be, initialWeights: first.weights, initialHistory: first.history }),
    ).rejects.toThrowError(
      'The run to continue has already trained 3 epochs, and training is set to 3 in all. Set more than 3 epochs to train more.',
    );
  });

  it('refuses optimizer state from another network, saying what to do', async () => {
    const be = new CpuBackend();
    const first = await trainNetwork({ spec: s(1), data, backend: be, returnOptimizer: true });
    const other: NetworkSpec = {
      ...s(1),
      layers: [
        { id: 'h1', type: 'dense', units: 4 },
        { id: 'out', type: 'dense', units: 'auto' },
      ],
    };
    await expect(
      trainNetwork({ spec: other, data, backend: be, initialOptimizer: first.optimizer }),
    ).rejects.toThrowError(
      'The optimizer state to continue from does not fit this network and optimizer (6 tensors for 4). Continue with the same network and optimizer type, or start the optimizer afresh.',
    );
  });
});

describe('trainNetwork', () => {
  it('learns a non-linear boundary and reports each epoch', async () => {
    const events: TrainEvent[] = [];
    const r = await trainNetwork({
      spec: spec(),
      data: blobs(600, 1),
      backend: new CpuBackend(),
      onEvent: (e) => events.push(e),
    });
    const epochs = events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(30);
    const last = r.history[r.history.length - 1];
    expect(last.valMetrics!.accuracy).toBeGreaterThan(0.9);
    expect(last.loss).toBeLessThan(r.history[0].loss);
    expect(last.layers.map((l) => l.id)).toEqual(['h1', 'h2', 'out']);
    expect(last.layers.every((l) => l.gradNorm > 0 && l.weightNorm > 0)).toBe(true);
    expect(r.weights.map((w) => `${w.layer}/${w.name}:${w.shape.join('x')}`)).toEqual([
      'h1/kernel:2x16',
      'h1/bias:16',
      'h2/kernel:16x8',
      'h2/bias:8',
      'out/kernel:8x3',
      'out/bias:3',
    ]);
  });

  it('gives bit-identical weights for the same seed, and different ones for another seed', async () => {
    const run = async (seed: number) =>
      (await trainNetwork({ spec: spec({ epochs: 3, seed }), data: blobs(200, 2), backend: new CpuBackend() })).weights;
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('pauses, resumes and stops with a usable model', async () => {
    const control = new TrainControl();
    let epochsSeen = 0;
    const pending = trainNetwork({
      spec: spec({ epochs: 50 }),
      data: blobs(300, 3),
      backend: new CpuBackend(),
      control,
      onEvent: (e) => {
        if (e.type !== 'epoch') return;
        epochsSeen++;
        if (e.summary.epoch === 2) {
          control.pause();
          queueMicrotask(() => {
            expect(control.state).toBe('paused');
            control.resume();
          });
        }
        if (e.summary.epoch === 4) control.stop();
      },
    });
    const r = await pending;
    expect(r.stopReason).toBe('stopped');
    expect(epochsSeen).toBe(4);
    expect(r.weights).toHaveLength(6);
  });

  it('stops on a NaN loss and says which epoch and batch, and what to do', async () => {
    const d = blobs(200, 4);
    const regression: TrainingData = {
      ...d,
      task: { kind: 'regression' },
      train: { ...d.train, y: d.train.y.map((v) => v * 100) },
    };
    const err = await trainNetwork({
      spec: spec({ epochs: 5, optimizer: { type: 'sgd', learningRate: 1e6 } }),
      data: regression,
      backend: new CpuBackend(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingError);
    expect((err as TrainingError).message).toMatch(
      /^Training diverged: the loss became NaN or infinite in epoch \d+, batch \d+\. Lower the learning rate \(now 1000000\) to 0\.01 or less, make sure the inputs are scaled \(standardize them\), or use 'Gradient clipping \(max norm\)' \(clipNorm in a spec\)\.$/,
    );
  });

  it('stops when the weights explode even though the loss stays finite (Adam at 1e6), and suggests a rate likely to work', async () => {
    const err = await trainNetwork({
      spec: spec({ epochs: 20, optimizer: { type: 'adam', learningRate: 1e6 } }),
      data: blobs(200, 4),
      backend: new CpuBackend(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TrainingError);
    expect((err as TrainingError).message).toMatch(
      /^Training diverged: the weights of layer 'h1' grew to norm \d\.\d\de\+\d+ \(from \d+(\.\d+)? at the start\) by epoch 1\. Lower the learning rate \(now 1000000\) to 0\.001 or less/,
    );
  });

  it('refuses, before allocating, a batch whose activations would not fit in the memory limit', async () => {
    const wide: NetworkSpec = {
      layers: [
        { id: 'h', type: 'dense', units: 50_000 },
        { id: 'out', type: 'dense', units: 'auto' },
      ],
      training: { epochs: 1, batchSize: 5000 },
    };
    const err = await trainNetwork({ spec: wide, data: blobs(6250, 1), backend: new CpuBackend() }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).message).toBe(
      'Training this network (300,003 parameters, batches of 5,000 rows) needs about 9.8 GB for weights, gradients, optimizer state and activations, over the limit of 1 GB. Use fewer or smaller layers, or a smaller batch size.',
    );
  });

  it("reports each epoch's loss without the L1/L2 penalty, the penalty, and their sum", async () => {
    const penalized: NetworkSpec = {
      ...spec({ epochs: 3 }),
      layers: [
        { id: 'h1', type: 'dense', units: 8, l1: 0.01, l2: 0.02 },
        { id: 'out', type: 'dense', units: 'auto' },
      ],
    };
    const r = await trainNetwork({ spec: penalized, data: blobs(100, 2), backend: new CpuBackend() });
    const last = r.history[r.history.length - 1];
    const kernel = r.weights.find((w) => w.layer === 'h1' && w.name === 'kernel')!.data;
    const expected = kernel.reduce((s, w) => s + 0.01 * Math.abs(w) + 0.02 * w * w, 0);
    expect(last.penalty).toBeCloseTo(expected, 5);
    expect(last.totalLoss).toBe(last.loss + last.penalty!);
    const plain = await trainNetwork({ spec: spec({ epochs: 1 }), data: blobs(100, 2), backend: new CpuBackend() });
    expect([plain.history[0].penalty, plain.history[0].totalLoss]).toEqual([0, plain.history[0].loss]);
  });

  it('stops early and restores the best weights', async () => {
    const r = await trainNetwork({
      spec: spec({
        epochs: 200,
        earlyStopping: { patience: 3, monitor: 'valLoss' },
        optimizer: { type: 'adam', learningRate: 0.05 },
      }),
      data: blobs(120, 5),
      backend: new CpuBackend(),
    });
    expect(r.stopReason).toBe('earlyStopping');
    expect(r.history.length).toBe(r.bestEpoch + 4);
    const best = Math.min(...r.history.map((h) => h.valLoss!));
    expect(r.history[r.bestEpoch - 1].valLoss).toBe(best);
  });
});

describe('losing the device mid-run', () => {
  it('continues on the fallback backend from the start of the epoch, and ends where an uninterrupted run ends', async () => {
    const { BackendError } = await import('../errors.ts');
    const base = new CpuBackend();
    let reads = 0;
    // A backend whose device disappears on its 30th read (in epoch 2 or so).
    const flaky = new Proxy(base, {
      get(target, prop, receiver) {
        if (prop === 'name') return 'gpujs-webgl2';
        if (prop === 'label') return 'WebGL2 · test device';
        if (prop === 'read') {
          return async (t: Parameters<CpuBackend['read']>[0]) => {
            if (++reads === 30)
              throw new BackendError({ code: 'backend/device-lost', path: '', message: 'context lost' });
            return target.read(t);
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const events: TrainEvent[] = [];
    const s = spec({ epochs: 6 });
    const r = await trainNetwork({
      spec: s,
      data: blobs(300, 8),
      backend: flaky,
      fallback: async () => new CpuBackend(),
      onEvent: (e) => events.push(e),
    });
    const fallback = events.filter((e) => e.type === 'diagnostic' && e.diagnostic.kind === 'backendFallback');
    expect(fallback).toHaveLength(1);
    expect(r.backend).toBe('CPU · TypeScript');
    expect(r.history).toHaveLength(6);
    const clean = await trainNetwork({ spec: s, data: blobs(300, 8), backend: new CpuBackend() });
    expect(r.weights).toEqual(clean.weights);
  });
});

describe('trainNetwork: timing', () => {
  it('times epochs on a monotonic sub-millisecond clock, so epochs shorter than a millisecond still add up', async () => {
    // 8 rows, one batch: an epoch takes well under a millisecond, which Date.now's whole milliseconds would
    // mostly round to 0 (the app then showed "0 s" of training after thousands of epochs).
    const data = blobs(10, 5);
    const tiny: NetworkSpec = {
      layers: [{ id: 'out', type: 'dense', units: 'auto' }],
      training: { epochs: 200, batchSize: 8, optimizer: { type: 'sgd', learningRate: 0.1 } },
    };
    const result = await trainNetwork({ spec: tiny, data, backend: new CpuBackend() });
    expect(result.history).toHaveLength(200);
    expect(result.history.every((h) => h.elapsedMs > 0)).toBe(true);
  });
});
