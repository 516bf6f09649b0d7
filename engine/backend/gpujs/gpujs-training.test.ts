/**
 * Same seed, two backends: training on the sample datasets with gpu.js webasm ends where the CPU
 * reference ends (tolerance DATASET_TRAINING: |Δ| ≤ 2e-3 + 1e-2·|ref| on every weight, loss and metric
 * after 20 epochs). Also: kernels compile once per shape, and threads do not change results.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CpuBackend } from '../cpu/index.ts';
import { trainNetwork } from '../../train/index.ts';
import { DATASET_SPEC, datasetCase, parseSimpleCsv, runCase } from './conformance/index.ts';
import { createGpuJsBackend, type GpuJsBackend } from './index.ts';

function sample(name: string) {
  return parseSimpleCsv(readFileSync(new URL(`../../../resources/samples/${name}.csv`, import.meta.url), 'utf8'));
}

describe('gpu.js webasm trains like the CPU reference', () => {
  let subject: GpuJsBackend;
  beforeAll(async () => {
    subject = await createGpuJsBackend('webasm');
  });
  afterAll(() => subject.destroy());

  it.each(['iris', 'wine', 'diabetes'])('%s', async (name) => {
    const r = await runCase(datasetCase(name, sample(name)), subject, new CpuBackend());
    expect(r.pass, r.detail).toBe(true);
  });

  it('compiles each kernel once: another run on the same shapes compiles nothing new', async () => {
    const data = sample('iris');
    const spec = { ...DATASET_SPEC, training: { ...DATASET_SPEC.training, epochs: 1 } };
    await trainNetwork({ spec, data, backend: subject });
    const compiled = subject.compiledKernels;
    await trainNetwork({ spec, data, backend: subject });
    expect(subject.compiledKernels).toBe(compiled);
  });

  it('holds a constant number of buffers from one epoch to the next', async () => {
    const counts: number[] = [];
    const spec = { ...DATASET_SPEC, training: { ...DATASET_SPEC.training, epochs: 4 } };
    await trainNetwork({
      spec,
      data: sample('iris'),
      backend: subject,
      onEvent: (e) => {
        if (e.type === 'epoch') counts.push(subject.liveBuffers);
      },
    });
    expect(counts.length).toBe(4);
    expect(new Set(counts.slice(1)).size, `live buffers per epoch: ${counts.join(', ')}`).toBe(1);
  });
});

describe('gpu.js webasm worker threads', () => {
  it('give results identical to a single thread (a 256×784 by 784×256 dense layer)', async () => {
    const threaded = await createGpuJsBackend('webasm', { threads: 2 });
    const single = await createGpuJsBackend('webasm', { threads: false });
    expect(threaded.label).toMatch(/2 threads$/);
    expect(single.label).toMatch(/1 thread$/);
    const x = Float32Array.from({ length: 256 * 784 }, (_, i) => Math.sin(i));
    const w = Float32Array.from({ length: 784 * 256 }, (_, i) => Math.cos(i) / 28);
    const out = await Promise.all(
      [threaded, single].map(async (b) => {
        const z = b.tensor([256, 256]);
        b.denseForward(b.tensor([256, 784], x), b.tensor([784, 256], w), b.tensor([256]), z);
        return b.read(z);
      }),
    );
    expect(out[0]).toEqual(out[1]);
    threaded.destroy();
    single.destroy();
  });
});
