/** The worker pool and trial host talking through in-process ports (the Node and browser workers only add the threads). */
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend/index.ts';
import { BackendError } from '../errors.ts';
import { parseSpec } from '../spec/index.ts';
import type { TrainingData } from '../train/index.ts';
import type { TrialJob } from './executor.ts';
import { createTrialHost } from './trial-host.ts';
import { createPoolExecutor, type TrialPort } from './worker-pool.ts';

const rows = 64;
const x = new Float32Array(rows * 2).map((_, i) => ((i * 7919) % 17) / 8 - 1);
const y = new Float32Array(rows).map((_, r) => (x[2 * r] + x[2 * r + 1] > 0 ? 1 : 0));
const data: TrainingData = {
  task: { kind: 'classification', classes: ['no', 'yes'] },
  featureNames: ['a', 'b'],
  train: { x, y, rows, features: 2 },
  validation: { x: x.slice(0, 32), y: y.slice(0, 16), rows: 16, features: 2 },
};
const job = (trial: number, epochs: number, learningRate = 0.01): TrialJob => ({
  trial,
  initialWeights: null,
  initialOptimizer: null,
  returnWeights: false,
  spec: parseSpec({
    layers: [
      { id: 'h', type: 'dense', units: 4, activation: 'linear' },
      { id: 'out', type: 'dense', units: 'auto' },
    ],
    training: { epochs, seed: trial, optimizer: { type: 'sgd', learningRate } },
  }),
});

/** A port whose "worker" is a trial host in this thread; messages are cloned and delivered asynchronously, as postMessage does. */
function fakePort(log: { crash?: () => void; failBackend?: boolean }): TrialPort {
  let toPool: (m: unknown) => void = () => {};
  const host = createTrialHost({
    post: (e) => setImmediate(() => toPool(structuredClone(e))),
    createBackend: async (choice) => {
      if (log.failBackend)
        throw new BackendError({ code: 'backend/unavailable', path: 'training.backend', message: 'No backend here.' });
      return (await createBackend(choice)).backend;
    },
    yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  return {
    post: (m) => setImmediate(() => host.handle(structuredClone(m))),
    listen(onMessage, onExit) {
      toPool = onMessage;
      log.crash = () => onExit(new Error('killed'));
    },
    terminate: async () => {},
  };
}

describe('trial worker pool', () => {
  it('trains steps on its workers, forwards epochs, and stops a step on request', async () => {
    const pool = createPoolExecutor({ size: 2, spawn: () => fakePort({}), data, backend: 'cpu' });
    expect(await pool.ready).toMatch(/CPU|TypeScript|cpu/i);
    const epochs: number[] = [];
    const a = pool.run(job(1, 3), { onEpoch: (s) => epochs.push(s.epoch) });
    const b = pool.run(job(2, 20000), {
      onEpoch: (s) => {
        if (s.epoch === 2) b.stop();
      },
    });
    const queued = pool.run(job(3, 5), { onEpoch: () => {} });
    queued.stop();
    const [ra, rb, rq] = [await a.result, await b.result, await queued.result];
    expect(epochs).toEqual([1, 2, 3]);
    expect(ra).toMatchObject({ stopReason: 'completed', bestEpoch: 3, weights: null });
    expect(ra.history).toHaveLength(3);
    expect(rb.stopReason).toBe('stopped');
    expect(rb.history.length).toBeLessThan(20000);
    expect(rq).toEqual({ history: [], weights: null, optimizer: null, stopReason: 'stopped', bestEpoch: 0 });
    await pool.close();
  });

  it('returns the optimizer state with the weights across the worker boundary, and continues from both', async () => {
    const pool = createPoolExecutor({ size: 1, spawn: () => fakePort({}), data, backend: 'cpu' });
    const first = await pool.run({ ...job(1, 2), returnWeights: true }, { onEpoch: () => {} }).result;
    // sgd without momentum keeps no state, but the step count (dropout masks, Adam's t) still carries on
    expect(first.optimizer?.steps).toBe(2 * Math.ceil(rows / 32));
    expect(first.optimizer?.slots.every((sl) => sl.a instanceof Float32Array && sl.b instanceof Float32Array)).toBe(
      true,
    );
    const next = await pool.run(
      { ...job(1, 2), initialWeights: first.weights, initialOptimizer: first.optimizer },
      { onEpoch: () => {} },
    ).result;
    expect(next.stopReason).toBe('completed');
    await pool.close();
  });

  it("reports a failing step with the engine's code, and goes on", async () => {
    const pool = createPoolExecutor({ size: 1, spawn: () => fakePort({}), data, backend: 'cpu' });
    const bad = pool.run(job(1, 5, 1e12), { onEpoch: () => {} });
    await expect(bad.result).rejects.toMatchObject({ code: 'train/diverged' });
    await expect(pool.run(job(2, 2), { onEpoch: () => {} }).result).resolves.toMatchObject({ stopReason: 'completed' });
    await pool.close();
  });

  it('replaces a crashed worker (its step fails) and fails everything when workers cannot start', async () => {
    const logs: { crash?: () => void }[] = [];
    const pool = createPoolExecutor({
      size: 1,
      spawn: () => {
        const l = {};
        logs.push(l);
        return fakePort(l);
      },
      data,
      backend: 'cpu',
    });
    const first = pool.run(job(1, 50), { onEpoch: () => logs[0].crash?.() });
    await expect(first.result).rejects.toMatchObject({ code: 'sweep/worker-crashed' });
    expect(logs).toHaveLength(2);
    await expect(pool.run(job(2, 2), { onEpoch: () => {} }).result).resolves.toMatchObject({ stopReason: 'completed' });
    await pool.close();

    const broken = createPoolExecutor({ size: 2, spawn: () => fakePort({ failBackend: true }), data, backend: 'cpu' });
    await expect(broken.ready).rejects.toThrow('No backend here.');
    await expect(broken.run(job(1, 2), { onEpoch: () => {} }).result).rejects.toThrow('No backend here.');
    await broken.close();
  });
});
