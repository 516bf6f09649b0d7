/**
 * The gpu.js backend agrees with the CPU reference on every op and on whole training runs, in Node on
 * gpu.js `webasm` (one thread, the default) and `cpu` (tests only). Tolerances are stated per case
 * in conformance/ (float32: |Δ| ≤ 1e-5 + 1e-4·|ref|; dropout masks exact; training 2e-4 + 2e-3·|ref|).
 * Backends are created once and reused: gpu.js compiles each kernel once per shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptimizerUpdate } from '../backend.ts';
import { CpuBackend } from '../cpu/index.ts';
import { ALL_CASES, OP_CASES, runCase } from './conformance/index.ts';
import { createGpuJsBackend, type GpuJsBackend } from './index.ts';

const MODES = ['webasm', 'cpu'] as const;

describe.each(MODES)('gpu.js %s agrees with the CPU reference', (mode) => {
  let subject: GpuJsBackend;
  const reference = new CpuBackend();

  beforeAll(async () => {
    subject = await createGpuJsBackend(mode, { allowEval: true });
  });
  afterAll(() => subject.destroy());

  it('reports what runs', () => {
    expect(subject.name).toBe(`gpujs-${mode}`);
    expect(subject.label).toMatch(
      mode === 'webasm' ? /^WebAssembly SIMD \(gpu\.js\) · \d+ threads?$/ : /^gpu\.js CPU \(JavaScript\)$/,
    );
  });

  it.each(ALL_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await runCase(c, subject, reference);
    expect(r.detail).not.toMatch(/^threw/);
    expect(r.pass, r.detail).toBe(true);
  });

  it.each(['sgd', 'adam', 'rmsprop'] as const)(
    "updates a layer's kernel and bias (%s) in one launch once a step has packed them together",
    async (type) => {
      const step: OptimizerUpdate =
        type === 'sgd'
          ? { type, learningRate: 0.1, momentum: 0.9, nesterov: true }
          : type === 'adam'
            ? { type, learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0, t: 1 }
            : { type, learningRate: 0.01, rho: 0.9, epsilon: 1e-7, momentum: 0.5 };
      const layer = [[5, 3], [3]].map((shape) => ({
        w: subject.tensor(shape, new Float32Array(shape[0] * (shape[1] ?? 1)).fill(1)),
        g: subject.tensor(shape, new Float32Array(shape[0] * (shape[1] ?? 1)).fill(0.5)),
        slots: { a: subject.tensor(shape), b: subject.tensor(shape) },
      }));
      const launches: number[] = [];
      for (let t = 1; t <= 4; t++) {
        await subject.sync();
        const before = subject.launches;
        subject.applyLayerUpdate(step.type === 'adam' ? { ...step, t } : step, layer);
        await subject.sync();
        launches.push(subject.launches - before);
      }
      // the first step finds eight buffers (one launch per tensor), the later ones the packed output
      expect(launches).toEqual([2, 1, 1, 1]);
      for (const u of layer) for (const t of [u.w, u.g, u.slots.a, u.slots.b]) subject.dispose(t);
    },
  );

  it("runs a step's loss in two launches: the loss kernel (softmax included from logits) and the accumulator", async () => {
    const z = subject.tensor(
      [8, 3],
      Float32Array.from({ length: 24 }, (_, i) => Math.sin(i)),
    );
    const target = subject.tensor(
      [8, 1],
      Float32Array.from({ length: 8 }, (_, r) => r % 3),
    );
    const acc = subject.tensor([2]);
    const dpred = subject.tensor([8, 3]);
    const counts: number[] = [];
    for (const fromLogits of [true, false]) {
      await subject.sync();
      const before = subject.launches;
      subject.lossStep('categoricalCrossentropy', { out: z, target, acc, dpred }, 0, true, fromLogits);
      await subject.sync();
      counts.push(subject.launches - before);
    }
    expect(counts).toEqual([2, 2]);
    for (const t of [z, target, acc, dpred]) subject.dispose(t);
  });

  it('frees what it allocates: running every op case again leaves no more buffers alive', async () => {
    await subject.sync();
    const live = subject.liveBuffers;
    for (const c of OP_CASES) await c.run(subject);
    await subject.sync();
    expect(subject.liveBuffers).toBe(live);
  });
});
