/**
 * The contenders of `npm run bench` (bench/run.ts): how each is started per workload, and why one cannot run here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKLOADS, type Workload } from './workloads.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const SYSTEM_PYTHON = '/usr/bin/python3';

/** A way to run one contender: a command per workload. */
export interface Contender {
  id: string;
  /** Null when it can run here; otherwise why not (printed, and the contender skipped). */
  unavailable: string | null;
  /** Slow contenders run at most this many epochs (one warm-up, the rest timed) to keep the whole run to minutes. */
  maxEpochs?: number;
  commands(
    w: Workload,
    dataPath: string,
    epochs: number,
  ): { cmd: string; args: string[]; env?: Record<string, string> }[];
}

/**
 * A TypeScript script run by Node: through tsx from the source tree, or (BENCH_BUNDLE_DIR set: the device kit,
 * bench/device/) the prebuilt bundle `<name>.mjs` from that folder, where no node_modules exist.
 */
function tsScript(file: string): string[] {
  const bundles = process.env.BENCH_BUNDLE_DIR;
  if (bundles) return [join(bundles, `${basename(file, '.ts')}.mjs`)];
  return ['--import', 'tsx', join(HERE, file)];
}

const tsChild = (file: string, variant: string) => (w: Workload, dataPath: string, epochs: number) => [
  {
    cmd: process.execPath,
    args: [...tsScript(join('contenders', file)), w.id, dataPath, String(epochs), variant],
  },
];

/**
 * Why WebGPU through Dawn for Node cannot be timed here, or null (bench/node-webgpu.ts). A software adapter
 * (lavapipe) runs only with --software-gpu: its timings say nothing about GPUs.
 */
function nodeWebGpuUnavailable(softwareOk: boolean): string | null {
  const r = spawnSync(process.execPath, tsScript('node-webgpu-probe.ts'), { encoding: 'utf8', timeout: 60_000 });
  const line = (r.stdout || '').trim().split('\n').pop() ?? '';
  let probe: { adapter?: string; software?: boolean; error?: string };
  try {
    probe = JSON.parse(line) as typeof probe;
  } catch {
    return `the WebGPU probe failed (${(r.stderr || line || `exit ${r.status}`).trim().split('\n').pop()})`;
  }
  if (probe.error) return probe.error;
  if (probe.software && !softwareOk)
    return `the only WebGPU adapter is a software rasterizer (${probe.adapter}); pass --software-gpu to time it anyway`;
  return null;
}

function torchUnavailable(): string | null {
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} not found`;
  const r = spawnSync(SYSTEM_PYTHON, ['-c', 'import torch, numpy'], { encoding: 'utf8' });
  return r.status === 0
    ? null
    : `\`${SYSTEM_PYTHON} -c 'import torch'\` failed (${(r.stderr || '').trim().split('\n').pop()}); install python3-torch`;
}

/** Every contender, each with why it cannot run here (or null); probes WebGPU only when one is asked for. */
export function contenders(flags: { only: string[]; softwareGpu: boolean }): Contender[] {
  const gpujs =
    process.env.BENCH_BUNDLE_DIR || existsSync(join(ROOT, 'engine', 'backend', 'gpujs', 'index.ts'))
      ? null
      : 'engine/backend/gpujs/index.ts does not exist yet';
  // Probing starts Dawn (a second or two): only when a WebGPU contender is asked for, or none is named.
  const named = flags.only.filter((o) => !WORKLOADS.some((w) => w.id === o));
  const wantsWebGpu =
    !named.length || named.some((o) => ['engine-gpujs-webgpu', 'tfjs-webgpu'].some((id) => id.includes(o)));
  const webgpu = wantsWebGpu ? nodeWebGpuUnavailable(flags.softwareGpu) : 'not asked for';
  const torchWhy = torchUnavailable();
  return [
    { id: 'engine-wasm', unavailable: null, commands: tsChild('engine.ts', 'wasm') },
    { id: 'engine-wasm-threads', unavailable: null, commands: tsChild('engine.ts', 'wasm-threads') },
    { id: 'engine-cpu', unavailable: null, maxEpochs: 2, commands: tsChild('engine.ts', 'cpu') },
    { id: 'engine-gpujs-webasm', unavailable: gpujs, maxEpochs: 2, commands: tsChild('engine.ts', 'gpujs-webasm') },
    // gpu.js 'cpu' mode compiles kernels with new Function: tests and the CLI only, never the app (CSP).
    { id: 'engine-gpujs-cpu', unavailable: gpujs, maxEpochs: 2, commands: tsChild('engine.ts', 'gpujs-cpu') },
    // WebGPU in Node through Dawn (the browser mode compares the same backends inside Chromium)
    { id: 'engine-gpujs-webgpu', unavailable: webgpu, commands: tsChild('engine.ts', 'gpujs-webgpu') },
    { id: 'tfjs-webgpu', unavailable: webgpu, commands: tsChild('tfjs.ts', 'webgpu') },
    { id: 'tfjs-wasm', unavailable: null, maxEpochs: 3, commands: tsChild('tfjs.ts', 'wasm') },
    { id: 'tfjs-cpu', unavailable: null, maxEpochs: 2, commands: tsChild('tfjs.ts', 'cpu') },
    {
      id: 'torch',
      unavailable: torchWhy,
      // PyTorch at its best: 1 and 2 intra-op threads, each with 1 and 2 BLAS threads (measured here: 1 + 1 is
      // best for W1, 1 + 2 for W2, and 2 + 2 oversubscribes 2 cores); the fastest is reported.
      commands: (w, dataPath, epochs) =>
        [
          [1, 1],
          [1, 2],
          [2, 1],
          [2, 2],
        ].map(([threads, blas]) => ({
          cmd: SYSTEM_PYTHON,
          args: [
            join(HERE, 'contenders', 'torch_bench.py'),
            String(w.rows),
            String(w.features),
            String(w.classes),
            w.hidden.join(','),
            String(w.batchSize),
            String(w.learningRate),
            String(epochs),
            String(w.seed),
            dataPath,
            String(threads),
            String(blas),
          ],
          env: { OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(blas), MKL_NUM_THREADS: String(blas) },
        })),
    },
  ];
}
