/**
 * The gpu.js backend agrees with the CPU reference on every op and on whole training runs, in Node on
 * gpu.js `webasm` (one thread, the default) and `cpu` (tests only). Tolerances are stated per case
 * in conformance/ (float32: |Δ| ≤ 1e-5 + 1e-4·|ref|; dropout masks exact; training 2e-4 + 2e-3·|ref|).
 * Backends are created once and reused: gpu.js compiles each kernel once per shape.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('frees what it allocates: running every op case again leaves no more buffers alive', async () => {
    await subject.sync();
    const live = subject.liveBuffers;
    for (const c of OP_CASES) await c.run(subject);
    await subject.sync();
    expect(subject.liveBuffers).toBe(live);
  });
});
