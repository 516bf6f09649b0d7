/** The harness worker: the gpu.js backend and the CPU reference side by side, as the engine worker would hold them. */
import { CpuBackend } from '../../engine/backend/cpu/index.ts';
import {
  ALL_CASES,
  datasetCase,
  parseSimpleCsv,
  runCase,
  type CaseResult,
} from '../../engine/backend/gpujs/conformance/index.ts';
import {
  createGpuJsBackend,
  probeGpuJsModes,
  type GpuJsBackend,
  type GpuJsMode,
} from '../../engine/backend/gpujs/index.ts';
import type { Backend } from '../../engine/backend/backend.ts';
import { createWasmBackend } from '../../engine/backend/wasm/index.ts';
import { webThreadHost } from '../../engine/backend/wasm/web-thread-host.ts';
import { Random } from '../../engine/random.ts';
import { trainNetwork } from '../../engine/train/index.ts';
import type { HarnessRequest, HarnessResponse, LostReport } from './protocol.ts';

const now = () => performance.now();

async function lostDrill(backend: GpuJsBackend): Promise<LostReport> {
  const x = backend.tensor([2, 3], Float32Array.of(-1, 2, -3, 4, -5, 6));
  const y = backend.tensor([2, 3]);
  backend.activationForward('relu', x, y);
  const before = Array.from(await backend.read(y));
  await backend.simulateDeviceLoss();
  let enqueueThrew = false;
  try {
    backend.activationForward('sigmoid', x, y);
    backend.denseForward(x, backend.tensor([3, 2]), backend.tensor([2]), backend.tensor([2, 2]));
  } catch {
    enqueueThrew = true;
  }
  const describe = (e: unknown) => ({
    name: e instanceof Error ? e.name : typeof e,
    code: typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '',
    message: e instanceof Error ? e.message : String(e),
  });
  const syncError = await backend.sync().then(() => null, describe);
  const readError = await backend.read(y).then(() => null, describe);
  return { before, syncError, readError, enqueueThrew };
}

/** Per-epoch milliseconds of an MLP (ReLU, softmax, Adam) on random data: for manual timing, never asserted. */
async function timeEpochs(backend: Backend, r: Extract<HarnessRequest, { type: 'time' }>): Promise<CaseResult[]> {
  const rng = new Random(5);
  const [features, ...hidden] = r.layers;
  const classes = hidden.pop() ?? 2;
  const x = Float32Array.from({ length: r.rows * features }, () => rng.normal());
  const y = Float32Array.from({ length: r.rows }, () => rng.int(classes));
  const result = await trainNetwork({
    spec: {
      layers: [
        ...hidden.map((units, i) => ({ id: `h${i}`, type: 'dense' as const, units, activation: 'relu' as const })),
        { id: 'out', type: 'dense', units: 'auto' },
      ],
      training: { epochs: r.epochs, batchSize: r.batchSize, seed: 1, optimizer: { type: 'adam', learningRate: 1e-3 } },
    },
    data: {
      task: { kind: 'classification', classes: Array.from({ length: classes }, (_, i) => `c${i}`) },
      featureNames: Array.from({ length: features }, (_, i) => `f${i}`),
      train: { x, y, rows: r.rows, features },
      validation: null,
    },
    backend,
  });
  return result.history.map((h) => ({
    name: `epoch ${h.epoch}`,
    pass: true,
    maxAbsError: 0,
    tolerance: { abs: 0, rel: 0 },
    detail: `loss ${h.loss}`,
    ms: h.elapsedMs,
  }));
}

/** The wasm backend on 2 threads against the reference, then W1-shaped epochs (split multiplies). */
async function wasmThreads(started: number): Promise<HarnessResponse> {
  const backend = await createWasmBackend({
    threads: { host: webThreadHost, count: 2, reason: 'asked for 2 by the harness' },
  });
  const reference = new CpuBackend();
  const results: CaseResult[] = [];
  try {
    for (const c of ALL_CASES) results.push(await runCase(c, backend, reference, now));
    const epochs = await timeEpochs(backend, {
      type: 'time',
      mode: 'reference',
      rows: 4096,
      layers: [32, 128, 64, 4],
      batchSize: 128,
      epochs: 2,
    });
    results.push(...epochs.map((e) => ({ ...e, pass: Number.isFinite(Number(e.detail.replace('loss ', ''))) })));
    const s = backend.threadStats;
    return {
      ok: true,
      label: backend.label,
      results,
      probes: [],
      lost: null,
      ms: now() - started,
      kernels: 0,
      threads: { count: backend.threadCount, jobs: s?.jobs ?? 0, chunks: s?.chunks ?? 0, helped: s?.helped ?? 0 },
    };
  } finally {
    backend.destroy();
  }
}

async function handle(request: HarnessRequest): Promise<HarnessResponse> {
  const started = now();
  if (request.type === 'time' && request.mode === 'reference') {
    return {
      ok: true,
      label: 'CPU reference',
      results: await timeEpochs(new CpuBackend(), request),
      probes: [],
      lost: null,
      ms: now() - started,
      kernels: 0,
    };
  }
  if (request.type === 'wasm-threads') return wasmThreads(started);
  if (request.type === 'probe') {
    const probes = await probeGpuJsModes(['webgpu', 'webgl2', 'webgl', 'webasm', 'cpu']);
    return { ok: true, label: null, results: [], probes, lost: null, ms: now() - started, kernels: 0 };
  }
  const mode: GpuJsMode = request.mode === 'reference' ? 'webasm' : request.mode;
  const options = request.type === 'ops' && request.threads !== undefined ? { threads: request.threads } : {};
  let backend = await createGpuJsBackend(mode, options);
  const reference = new CpuBackend();
  const results: CaseResult[] = [];
  let lost: LostReport | null = null;
  let kernels = 0;
  if (request.type === 'ops') {
    for (const c of ALL_CASES) {
      if (request.only && !c.name.includes(request.only)) continue;
      const r = await runCase(c, backend, reference, now);
      results.push(r);
      if (r.detail.startsWith('threw')) {
        // a failed op poisons the backend's queue (by design): start a fresh one so later cases still say something
        kernels += backend.compiledKernels;
        backend.destroy();
        backend = await createGpuJsBackend(mode, options);
      }
    }
  } else if (request.type === 'time') {
    results.push(...(await timeEpochs(backend, request)));
  } else if (request.type === 'dataset') {
    results.push(await runCase(datasetCase(request.name, parseSimpleCsv(request.csv)), backend, reference, now));
  } else {
    lost = await lostDrill(backend);
  }
  kernels += backend.compiledKernels;
  backend.destroy();
  return { ok: true, label: backend.label, results, probes: [], lost, ms: now() - started, kernels };
}

self.onmessage = (e: MessageEvent<HarnessRequest>) => {
  handle(e.data).then(
    (r) => self.postMessage(r),
    (err: unknown) =>
      self.postMessage({
        ok: false,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      } satisfies HarnessResponse),
  );
};
