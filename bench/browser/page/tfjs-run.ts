/**
 * Contender: TensorFlow.js layers in the worker on its webgpu, webgl or wasm backend. The same model as
 * bench/contenders/tfjs.ts (He-normal hidden kernels, Glorot-uniform output kernel, zero biases, Adam
 * lr 1e-3 ε 1e-7, the workload's batch size, reshuffled every epoch by model.fit), at its best: fit never
 * yields to the event loop between batches (yieldEvery 'never'), and the wasm backend uses SIMD and, in a
 * cross-origin isolated page, its thread pool.
 */
import * as tf from '@tensorflow/tfjs-core';
import { buildTfjsModel } from '../../tfjs-model.ts';
import type { RunRequest, RunResult } from '../protocol.ts';
import { accuracyOf } from './accuracy.ts';
import { adapterFor, adapterName, glNames } from './info.ts';
import { progress, type RunData } from './progress.ts';

/** The wasm binaries, copied next to the page by run.ts (the worker's relative URLs resolve under assets/). */
const TFJS_WASM_DIR = '/tfjs-wasm/';

type Variant = 'webgpu' | 'webgl' | 'wasm';

/** Register and start the backend; returns the device it runs on (null for wasm) and notes. */
async function start(
  variant: Variant,
  r: RunRequest,
): Promise<{ device: string | null; detail: string; notes: string[] }> {
  const notes: string[] = [];
  if (variant === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  else if (variant === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  else {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(new URL(TFJS_WASM_DIR, self.location.origin).href);
    // Ask for every core, as the engine gets. TF.js itself caps its XNNPACK pool at
    // navigator.hardwareConcurrency / 2 (it assumes two hardware threads per core) and at 8.
    wasm.setThreadsCount(r.threads ?? navigator.hardwareConcurrency);
  }
  if (!(await tf.setBackend(variant))) throw new Error(`TF.js backend '${variant}' failed to initialize`);
  await tf.ready();
  if (variant === 'webgpu') {
    // TF.js asks for the 'high-performance' adapter; name the one that gives.
    const adapter = await adapterFor('high-performance');
    const device = adapterName(adapter?.info);
    return { device, detail: device, notes };
  }
  if (variant === 'webgl') {
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } }).gpgpu?.gl;
    notes.push(
      `WebGL ${tf.env().getNumber('WEBGL_VERSION')}, float32 textures ${tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') ? 'on' : 'OFF (float16)'}`,
    );
    const device = gl ? glNames(gl).renderer : 'unknown renderer';
    return { device, detail: device, notes };
  }
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const count = threads ? wasm.getThreadsCount() : 1;
  notes.push(
    `SIMD ${simd ? 'on' : 'off'}, threads ${threads ? `on: ${count} (TF.js caps its pool at navigator.hardwareConcurrency / 2 = ${Math.floor(navigator.hardwareConcurrency / 2)}, and 8)` : 'off (the page is not cross-origin isolated?)'}`,
  );
  return { device: null, detail: `${simd ? 'SIMD' : 'no SIMD'} · ${count} thread${count === 1 ? '' : 's'}`, notes };
}

export async function runTfjs(r: RunRequest, d: RunData): Promise<RunResult> {
  const variant = r.contender.slice('tfjs-'.length) as Variant;
  if (variant !== 'webgpu' && variant !== 'webgl' && variant !== 'wasm')
    throw new Error(`not a TF.js contender: ${r.contender}`);
  const w = r.workload;
  const { device, detail, notes } = await start(variant, r);
  tf.randomUniform([1]).dispose();
  const model = buildTfjsModel(w);

  const xs = tf.tensor2d(d.x, [d.rows, w.features]);
  const ys = tf.tensor1d(d.y);
  const epochSeconds: number[] = [];
  const epochLoss: number[] = [];
  let last = performance.now();
  await model.fit(xs, ys, {
    batchSize: w.batchSize,
    epochs: r.epochs,
    shuffle: true,
    verbose: 0,
    yieldEvery: 'never',
    callbacks: {
      onEpochEnd: async (epoch, logs) => {
        const now = performance.now();
        epochSeconds.push((now - last) / 1000);
        epochLoss.push(Number(logs?.loss));
        progress(
          `${w.id} ${r.contender}: epoch ${epoch + 1}/${r.epochs} ${((now - last) / 1000).toFixed(3)} s, loss ${Number(logs?.loss).toFixed(4)}`,
        );
        last = now;
      },
    },
  });

  const predicted = tf.tidy(() => model.predict(xs, { batchSize: 1024 }) as tf.Tensor);
  const out = (await predicted.data()) as Float32Array;
  const memory = tf.memory();
  notes.push(`tensors alive after training: ${memory.numTensors}`);
  predicted.dispose();
  xs.dispose();
  ys.dispose();
  model.dispose();
  return {
    contender: r.contender,
    workload: w.id,
    rows: d.rows,
    epochSeconds,
    epochLoss,
    notes,
    device,
    label: `TF.js ${tf.version_core} · ${variant} · ${detail}`,
    finalAccuracy: accuracyOf(out, d.y, w.classes),
  };
}
