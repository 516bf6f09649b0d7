/**
 * Contender: this engine's trainNetwork on one backend (variant: wasm | wasm-threads | cpu | gpujs-webasm | gpujs-cpu |
 * gpujs-webgpu, the last through Dawn for Node: bench/node-webgpu.ts).
 * wasm-threads asks for 2 threads in 'auto' mode: the backend keeps the helper only if it measures a gain.
 * Epoch times are taken between the trainer's epoch events, so they include everything a user's run does
 * per epoch (shuffling, batching, loss read-backs, gradient norms).
 */
import type { Backend } from '../../engine/backend/backend.ts';
import type { GpuJsMode } from '../../engine/backend/gpujs/index.ts';
import { CpuBackend } from '../../engine/backend/cpu/index.ts';
import { createWasmBackend, WasmBackend } from '../../engine/backend/wasm/index.ts';
import type { NetworkSpec } from '../../engine/spec/types.ts';
import { Network, predictRows, trainNetwork, type TrainingData } from '../../engine/train/index.ts';
import { resolveNetwork } from '../../engine/spec/resolve.ts';
import { accuracy, contenderArgs, peakRssMiB, report, rssMiB } from '../child.ts';
import { readData } from '../data.ts';
import { nodeThreadHost } from '../../engine/node/wasm-thread-host.ts';
import { installNodeWebGpu } from '../node-webgpu.ts';

/** gpu.js loads only for the gpu.js variants (it would add to the other contenders' memory). */
async function gpuJsBackend(mode: GpuJsMode): Promise<Backend> {
  const { createGpuJsBackend } = await import('../../engine/backend/gpujs/index.ts');
  // The CLI and tests may let gpu.js 'cpu' compile kernels with new Function; the app's CSP may not.
  return createGpuJsBackend(mode, mode === 'cpu' ? { allowEval: true } : undefined);
}

const GPUJS_MODES: readonly GpuJsMode[] = ['webgpu', 'webgl2', 'webgl', 'webasm', 'cpu'];

async function backendFor(variant: string): Promise<Backend> {
  if (variant === 'wasm') return createWasmBackend();
  if (variant === 'wasm-threads') return createWasmBackend({ threads: { host: nodeThreadHost, count: 2 } });
  if (variant === 'cpu') return new CpuBackend();
  if (variant === 'gpujs-webgpu') await installNodeWebGpu();
  const mode = GPUJS_MODES.find((m) => variant === `gpujs-${m}`);
  if (mode) return gpuJsBackend(mode);
  throw new Error(
    `unknown engine backend '${variant}': use wasm, wasm-threads, cpu, gpujs-webasm, gpujs-cpu or gpujs-webgpu`,
  );
}

const { workload: w, dataPath, epochs, variant } = contenderArgs();
const d = readData(dataPath, w);
const backend = await backendFor(variant);
const spec: NetworkSpec = {
  layers: [
    ...w.hidden.map((units, i) => ({ id: `h${i + 1}`, type: 'dense' as const, units, activation: 'relu' as const })),
    { id: 'out', type: 'dense', units: w.classes, activation: 'softmax' },
  ],
  loss: 'categoricalCrossentropy',
  training: {
    epochs,
    batchSize: w.batchSize,
    seed: w.seed,
    shuffle: true,
    optimizer: { type: 'adam', learningRate: w.learningRate },
  },
};
const classes = Array.from({ length: w.classes }, (_, i) => `c${i}`);
const data: TrainingData = {
  task: { kind: 'classification', classes },
  featureNames: Array.from({ length: w.features }, (_, i) => `f${i}`),
  train: { x: d.x, y: d.y, rows: d.rows, features: d.features },
  validation: null,
};

const epochSeconds: number[] = [];
const rssAfterEpochMiB: number[] = [];
/** The wasm backend's linear memory after each epoch, MiB: flat when tensors are reused, not leaked. */
const wasmMiB: number[] = [];
let last = performance.now();
const result = await trainNetwork({
  spec,
  data,
  backend,
  onEvent: (e) => {
    if (e.type !== 'epoch') return;
    const now = performance.now();
    epochSeconds.push((now - last) / 1000);
    rssAfterEpochMiB.push(rssMiB());
    if (backend instanceof WasmBackend) wasmMiB.push(backend.memoryBytes / 2 ** 20);
    last = now;
  },
});
const peak = peakRssMiB();

// Untimed: accuracy of the final weights over the whole training set, evaluated on the wasm kernels.
const evalNet = new Network(
  resolveNetwork(spec, w.features, data.task),
  await createWasmBackend(),
  w.seed,
  result.weights,
);
const out = await predictRows(evalNet, d.x, d.rows);
report({
  contender: `engine-${variant}`,
  label: `engine · ${result.backend}`,
  workload: w.id,
  epochSeconds,
  finalAccuracy: accuracy(out, d.y, w.classes),
  peakRssMiB: peak,
  rssAfterEpochMiB,
  notes:
    backend instanceof WasmBackend
      ? [backend.threadsDetail, `wasm memory after each epoch: ${wasmMiB.map((m) => m.toFixed(1)).join(', ')} MiB`]
      : [],
});
backend.destroy();
evalNet.backend.destroy();
// Dawn's event loop hooks keep Node alive after a WebGPU run
if (variant === 'gpujs-webgpu') process.exit(0);
