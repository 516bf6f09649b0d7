/** Public API of the backends: the interface, the CPU reference, and choosing a backend. */
import { BackendError } from '../errors.ts';
import type { BackendChoice } from '../spec/types.ts';
import type { Backend, BackendProvider } from './backend.ts';
import { CpuBackend } from './cpu/index.ts';
import { wasmBackendProvider } from './wasm/index.ts';

export type {
  Backend,
  BackendInfo,
  BackendName,
  BackendProvider,
  OptimizerSlots,
  OptimizerUpdate,
  Tensor,
} from './backend.ts';
export { CpuBackend, CpuTensor } from './cpu/index.ts';

/** A backend ready to train, and why it was picked (shown in the CLI, the run log and the UI badge). */
export interface ChosenBackend {
  backend: Backend;
  reason: string;
}

const cpuProvider: BackendProvider = {
  name: 'cpu',
  unavailable: async () => null,
  create: async () => new CpuBackend(),
};

/** The wasm backend on the calling thread only; hosts with threads register their own (engine/node, engine/worker). */
const wasmProvider = wasmBackendProvider();

type GpuMode = 'webgpu' | 'webgl2' | 'webasm' | 'cpu';
const probes = new Map<GpuMode, Promise<string | null>>();

/**
 * A gpu.js mode as a provider; gpu.js loads only when a gpu.js backend is asked about. `allowEval` lets
 * gpu.js's `cpu` mode build kernels with `new Function`: only hosts without a CSP (the CLI, tests) set it.
 */
export function gpujsProvider(mode: GpuMode, allowEval = false): BackendProvider {
  return {
    name: `gpujs-${mode}`,
    unavailable: () => {
      let p = probes.get(mode);
      if (!p) {
        p = import('./gpujs/index.ts').then(async (g) => {
          const [r] = await g.probeGpuJsModes([mode]);
          if (mode === 'cpu') return allowEval ? null : (r.reason ?? 'it compiles kernels with new Function');
          return r.available ? null : (r.reason ?? 'it did not start');
        });
        probes.set(mode, p);
      }
      return p;
    },
    create: async () =>
      (await import('./gpujs/index.ts')).createGpuJsBackend(mode, mode === 'cpu' ? { allowEval } : {}),
  };
}

const providers: BackendProvider[] = [
  cpuProvider,
  wasmProvider,
  gpujsProvider('webgpu'),
  gpujsProvider('webgl2'),
  gpujsProvider('webasm'),
  gpujsProvider('cpu'),
];

/** Register an additional backend (the wasm and gpu.js modules register themselves through their hosts). */
export function registerBackend(p: BackendProvider): void {
  const i = providers.findIndex((x) => x.name === p.name);
  if (i >= 0) providers[i] = p;
  else providers.push(p);
}

/** Every registered backend with its availability. */
export async function listBackends(): Promise<{ name: string; available: boolean; reason: string | null }[]> {
  return Promise.all(
    providers.map(async (p) => {
      const why = await p.unavailable();
      return { name: p.name, available: why === null, reason: why };
    }),
  );
}

/** Backends `auto` considers: GPUs and the fast CPU path (gpu.js webasm/cpu are always slower than wasm). */
export const AUTO_CANDIDATES: readonly string[] = ['gpujs-webgpu', 'gpujs-webgl2', 'wasm'];

/** Every `auto` candidate that can be built here, in preference order. */
export async function autoCandidates(): Promise<BackendProvider[]> {
  const out: BackendProvider[] = [];
  for (const name of AUTO_CANDIDATES) {
    const p = providers.find((x) => x.name === name);
    if (p && (await p.unavailable()) === null) out.push(p);
  }
  return out;
}

/**
 * Build the chosen backend; a forced backend that is unavailable fails with the list of available ones.
 * `auto` without calibration takes the fast CPU path (engine/train's selectBackend calibrates instead).
 */
export async function createBackend(choice: BackendChoice = 'auto'): Promise<ChosenBackend> {
  if (choice === 'auto') {
    for (const name of ['wasm', 'cpu']) {
      const p = providers.find((x) => x.name === name);
      if (p && (await p.unavailable()) === null) {
        const backend = await p.create();
        return {
          backend,
          reason:
            name === 'wasm'
              ? 'auto: WebAssembly SIMD, the fast CPU path'
              : 'auto: the TypeScript reference (no faster backend available here)',
        };
      }
    }
  }
  const p = providers.find((x) => x.name === choice);
  const why = p ? await p.unavailable() : 'it is not built into this version';
  if (!p || why !== null) {
    const available = (await listBackends()).filter((b) => b.available).map((b) => `'${b.name}'`);
    throw new BackendError({
      code: 'backend/unavailable',
      path: 'training.backend',
      message: `Backend '${choice}' is not available here (${why}). Available: ${available.join(', ')}, or 'auto'.`,
    });
  }
  return { backend: await p.create(), reason: `forced: backend '${choice}' was requested` };
}
