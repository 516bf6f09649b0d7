/**
 * Contender: TensorFlow.js layers (variant: wasm | cpu | webgpu backend; webgpu through Dawn for Node). The same network, He-normal hidden
 * kernels and Glorot-uniform output kernel, zero biases, Adam (lr 1e-3, ε 1e-7), the same batch size,
 * reshuffled every epoch by model.fit.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { buildTfjsModel } from '../tfjs-model.ts';
import { accuracy, contenderArgs, peakRssMiB, report, rssMiB } from '../child.ts';
import { readData } from '../data.ts';
import { installNodeWebGpu } from '../node-webgpu.ts';

const { workload: w, dataPath, epochs, variant } = contenderArgs();
if (variant !== 'wasm' && variant !== 'cpu' && variant !== 'webgpu')
  throw new Error(`unknown TF.js backend '${variant}': use wasm, cpu or webgpu`);
// webgpu: Dawn for Node provides navigator.gpu (bench/node-webgpu.ts); the backend registers on import
const gpu = variant === 'webgpu' ? await installNodeWebGpu() : null;
if (gpu) await import('@tensorflow/tfjs-backend-webgpu');
const d = readData(dataPath, w);
if (!(await tf.setBackend(variant))) throw new Error(`TF.js backend '${variant}' failed to initialize`);
await tf.ready();
tf.randomUniform([1]).dispose();
const model = buildTfjsModel(w);

const xs = tf.tensor2d(d.x, [d.rows, d.features]);
const ys = tf.tensor1d(d.y);
const epochSeconds: number[] = [];
const rssAfterEpochMiB: number[] = [];
let last = performance.now();
await model.fit(xs, ys, {
  batchSize: w.batchSize,
  epochs,
  shuffle: true,
  verbose: 0,
  callbacks: {
    onEpochEnd: async () => {
      const now = performance.now();
      epochSeconds.push((now - last) / 1000);
      rssAfterEpochMiB.push(rssMiB());
      last = now;
    },
  },
});
const peak = peakRssMiB();

const predicted = tf.tidy(() => model.predict(xs, { batchSize: 1024 }) as tf.Tensor);
const out = (await predicted.data()) as Float32Array;
const flags = tf.env().getFlags();
report({
  contender: `tfjs-${variant}`,
  label: `TF.js ${tf.version_core} · ${variant}`,
  workload: w.id,
  epochSeconds,
  finalAccuracy: accuracy(out, d.y, w.classes),
  peakRssMiB: peak,
  rssAfterEpochMiB,
  notes:
    variant === 'wasm'
      ? [
          `SIMD ${flags.WASM_HAS_SIMD_SUPPORT ? 'on' : 'off'}, threads ${flags.WASM_HAS_MULTITHREAD_SUPPORT ? 'on' : 'off'}`,
        ]
      : gpu
        ? [`adapter: ${gpu.adapter}`]
        : [],
});
if (gpu) process.exit(0);
