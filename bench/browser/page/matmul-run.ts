/**
 * The matrix-multiply micro-benchmark in the worker: each multiply of a dense layer's training step timed
 * alone, on the engine's gpu.js backend (through the Backend interface, as training calls it) or with
 * `tf.matMul` on TF.js's webgpu / webgl backend. Every timing launches `reps` multiplies back to back and
 * then downloads the last result, so it ends when the device has finished them; one untimed launch before
 * compiles the kernel. The engine's forward kernel also adds the bias (fused, one add per output), and
 * its weight-gradient kernel also sums db; the input gradient has no launch of its own through the
 * Backend interface, so it is the time of the whole backward (dW, db and dx) minus the dW + db part
 * (NaN, reported as n/a, when that difference is not positive).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Backend, Tensor } from '../../../engine/backend/backend.ts';
import type { MatmulKind, MatmulRequest, MatmulResult } from '../protocol.ts';
import { adapterFor, adapterName, glNames } from './info.ts';
import { progress } from './progress.ts';

type Layer = MatmulRequest['layers'][number];

/** Deterministic values in [-1, 1) (an LCG): the multiply's cost does not depend on them. */
function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** Seconds per launch: `reps` launches, then a download that waits for them. */
async function perLaunch(launch: () => void, finish: () => Promise<unknown>, reps: number): Promise<number> {
  launch();
  await finish();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) launch();
  await finish();
  return (performance.now() - t0) / 1000 / reps;
}

async function engineLayer(backend: Backend, l: Layer, reps: number): Promise<Record<MatmulKind, number>> {
  const t = (shape: number[], seed: number): Tensor => backend.tensor(shape, values(shape[0] * (shape[1] ?? 1), seed));
  const [x, w, b, dz] = [t([l.rows, l.inputs], 1), t([l.inputs, l.units], 2), t([l.units], 3), t([l.rows, l.units], 4)];
  const [y, dw] = [t([l.rows, l.units], 5), t([l.inputs, l.units], 6)];
  const [db, dx] = [t([l.units], 7), t([l.rows, l.inputs], 8)];
  const forward = await perLaunch(
    () => backend.denseForward(x, w, b, y, 'linear'),
    () => backend.read(y),
    reps,
  );
  const weightGrad = await perLaunch(
    () => backend.denseBackward(x, w, dz, dw, db, null),
    () => backend.read(dw),
    reps,
  );
  const both = await perLaunch(
    () => backend.denseBackward(x, w, dz, dw, db, dx),
    () => backend.read(dx),
    reps,
  );
  for (const tensor of [x, w, b, dz, y, dw, db, dx]) backend.dispose(tensor);
  // under load the difference of two noisy timings can come out at or below zero: no measurement then
  return { forward, weightGrad, inputGrad: both > weightGrad ? both - weightGrad : NaN };
}

async function tfjsLayer(l: Layer, reps: number): Promise<Record<MatmulKind, number>> {
  const x = tf.tensor2d(values(l.rows * l.inputs, 1), [l.rows, l.inputs]);
  const w = tf.tensor2d(values(l.inputs * l.units, 2), [l.inputs, l.units]);
  const dz = tf.tensor2d(values(l.rows * l.units, 4), [l.rows, l.units]);
  let last: tf.Tensor | null = null;
  const timed = (mul: () => tf.Tensor) =>
    perLaunch(
      () => {
        last?.dispose();
        last = mul();
      },
      () => (last ? last.data() : Promise.resolve()),
      reps,
    );
  const forward = await timed(() => tf.matMul(x, w));
  const weightGrad = await timed(() => tf.matMul(x, dz, true, false));
  const inputGrad = await timed(() => tf.matMul(dz, w, false, true));
  tf.dispose([x, w, dz, ...(last ? [last] : [])]);
  return { forward, weightGrad, inputGrad };
}

/** Run one micro-benchmark request in this worker. */
export async function runMatmul(r: MatmulRequest): Promise<MatmulResult> {
  const seconds: Record<MatmulKind, number>[] = [];
  if (r.contender.startsWith('engine-')) {
    const { createGpuJsBackend } = await import('../../../engine/backend/gpujs/index.ts');
    const backend = await createGpuJsBackend(r.contender === 'engine-gpujs-webgpu' ? 'webgpu' : 'webgl2');
    for (const l of r.layers) {
      seconds.push(await engineLayer(backend, l, r.reps));
      progress(`matmul ${r.contender} ${l.rows}×${l.inputs}·${l.units} done`);
    }
    const device = backend.label.replace(/^[^·]*·\s*/, '');
    backend.destroy();
    return { contender: r.contender, device, seconds };
  }
  const variant = r.contender === 'tfjs-webgpu' ? 'webgpu' : 'webgl';
  if (variant === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  else await import('@tensorflow/tfjs-backend-webgl');
  if (!(await tf.setBackend(variant))) throw new Error(`TF.js backend '${variant}' failed to initialize`);
  await tf.ready();
  for (const l of r.layers) {
    seconds.push(await tfjsLayer(l, r.reps));
    progress(`matmul ${r.contender} ${l.rows}×${l.inputs}·${l.units} done`);
  }
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
  const glName = gl ? glNames(gl).renderer : 'unknown';
  const device = variant === 'webgpu' ? adapterName((await adapterFor('high-performance'))?.info) : glName;
  return { contender: r.contender, device, seconds };
}
