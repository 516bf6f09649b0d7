/**
 * Contender: this engine's trainNetwork in the worker, on gpu.js WebGPU / WebGL2 or the WebAssembly SIMD
 * kernels (threads through module Web Workers when the page is cross-origin isolated). The same spec as
 * bench/contenders/engine.ts; epoch times are taken between the trainer's epoch events, so they include
 * everything a user's run does per epoch (shuffling, batching, loss read-backs, gradient norms).
 */
import type { Backend } from '../../../engine/backend/backend.ts';
import { createWasmBackend, WasmBackend } from '../../../engine/backend/wasm/index.ts';
import { webThreadHost } from '../../../engine/backend/wasm/web-thread-host.ts';
import { resolveNetwork } from '../../../engine/spec/resolve.ts';
import type { NetworkSpec } from '../../../engine/spec/types.ts';
import { Network, predictRows, trainNetwork, type TrainingData } from '../../../engine/train/index.ts';
import { accuracyOf } from './accuracy.ts';
import type { RunRequest, RunResult } from '../protocol.ts';
import { progress, type RunData } from './progress.ts';

async function backendFor(r: RunRequest): Promise<Backend> {
  switch (r.contender) {
    case 'engine-gpujs-webgpu':
    case 'engine-gpujs-webgl2': {
      const { createGpuJsBackend } = await import('../../../engine/backend/gpujs/index.ts');
      return createGpuJsBackend(r.contender === 'engine-gpujs-webgpu' ? 'webgpu' : 'webgl2');
    }
    case 'engine-wasm':
    case 'engine-wasm-nofma':
      return createWasmBackend({ fma: r.contender === 'engine-wasm' });
    case 'engine-wasm-threads':
    case 'engine-wasm-threads-nofma':
      return createWasmBackend({
        fma: r.contender === 'engine-wasm-threads',
        threads: { host: webThreadHost, count: r.threads ?? navigator.hardwareConcurrency },
      });
    default:
      throw new Error(`not an engine contender: ${r.contender}`);
  }
}

/** Kernel launches so far on a gpu.js backend (null on the others). */
function launchesOf(backend: Backend): number | null {
  return 'launches' in backend && typeof backend.launches === 'number' ? backend.launches : null;
}

export async function runEngine(r: RunRequest, d: RunData): Promise<RunResult> {
  const w = r.workload;
  const backend = await backendFor(r);
  const spec: NetworkSpec = {
    layers: [
      ...w.hidden.map((units, i) => ({ id: `h${i + 1}`, type: 'dense' as const, units, activation: 'relu' as const })),
      { id: 'out', type: 'dense', units: w.classes, activation: 'softmax' },
    ],
    loss: 'categoricalCrossentropy',
    training: {
      epochs: r.epochs,
      batchSize: w.batchSize,
      seed: w.seed,
      shuffle: true,
      optimizer: { type: 'adam', learningRate: w.learningRate },
    },
  };
  const data: TrainingData = {
    task: { kind: 'classification', classes: Array.from({ length: w.classes }, (_, i) => `c${i}`) },
    featureNames: Array.from({ length: w.features }, (_, i) => `f${i}`),
    train: { x: d.x, y: d.y, rows: d.rows, features: w.features },
    validation: null,
  };
  const epochSeconds: number[] = [];
  const epochLoss: number[] = [];
  const wasmMiB: number[] = [];
  const launchesPerStep: number[] = [];
  const steps = Math.ceil(d.rows / w.batchSize);
  let launchesBefore = launchesOf(backend);
  let last = performance.now();
  const result = await trainNetwork({
    spec,
    data,
    backend,
    onEvent: (e) => {
      if (e.type !== 'epoch') return;
      const now = performance.now();
      epochSeconds.push((now - last) / 1000);
      epochLoss.push(e.summary.loss);
      if (backend instanceof WasmBackend) wasmMiB.push(backend.memoryBytes / 2 ** 20);
      const launches = launchesOf(backend);
      if (launches !== null && launchesBefore !== null) launchesPerStep.push((launches - launchesBefore) / steps);
      launchesBefore = launches;
      progress(
        `${w.id} ${r.contender}: epoch ${e.summary.epoch}/${r.epochs} ${((now - last) / 1000).toFixed(3)} s, loss ${e.summary.loss.toFixed(4)}`,
      );
      last = now;
    },
  });
  const label = `engine · ${result.backend}`;
  backend.destroy();

  // Untimed: accuracy of the final weights over the rows trained on, on the wasm kernels (as in Node).
  const evalBackend = await createWasmBackend();
  const evalNet = new Network(resolveNetwork(spec, w.features, data.task), evalBackend, w.seed, result.weights);
  const out = await predictRows(evalNet, d.x, d.rows);
  evalBackend.destroy();
  const notes =
    backend instanceof WasmBackend
      ? [backend.threadsDetail, `wasm memory after each epoch: ${wasmMiB.map((m) => m.toFixed(1)).join(', ')} MiB`]
      : [];
  if (launchesPerStep.length) {
    const perStep = launchesPerStep.map((n) => n.toFixed(1)).join(', ');
    notes.push(`gpu.js kernel launches per training step (each epoch's launches ÷ its ${steps} steps): ${perStep}`);
  }
  return {
    contender: r.contender,
    workload: w.id,
    label,
    rows: d.rows,
    epochSeconds,
    epochLoss,
    notes,
    finalAccuracy: accuracyOf(out, d.y, w.classes),
    device: r.contender.startsWith('engine-gpujs-') ? result.backend.replace(/^[^·]*·\s*/, '') : null,
  };
}
