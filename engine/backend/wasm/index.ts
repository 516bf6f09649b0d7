/** Public API of the WebAssembly SIMD backend (the fast CPU path). */
import type { BackendProvider } from '../backend.ts';
import { loadKernels } from './kernels.ts';
import { startKernelThreads, type ThreadHost } from './threads.ts';
import { WasmBackend } from './wasm-backend.ts';
import { isSharedMemoryAvailable, isWasmSimdAvailable } from './webassembly.ts';

export { isWasmSimdAvailable } from './webassembly.ts';
export { WasmBackend } from './wasm-backend.ts';
export { runKernelWorker } from './kernel-worker.ts';
export type { KernelWorkerInit, ThreadHandle, ThreadHost } from './threads.ts';

/** Options of the wasm backend. */
export interface WasmBackendOptions {
  /** Helper threads, started through the host's ThreadHost; omitted: run on the calling thread only. */
  threads?: {
    host: ThreadHost;
    /**
     * Threads in all, the calling one included (default 2; a host would pass the core count). Helpers
     * that barely get work (busy or missing cores) pause themselves, so asking for too many costs little.
     */
    count?: number;
    /** Why this many, for the run log (default: a generic note). */
    reason?: string;
  };
}

/** A backend running the AssemblyScript SIMD kernels; throws BackendError where WebAssembly SIMD is missing. */
export async function createWasmBackend(options: WasmBackendOptions = {}): Promise<WasmBackend> {
  const t = options.threads;
  const count = t ? Math.max(1, Math.floor(t.count ?? 2)) : 1;
  if (!t || count === 1) {
    const { kernels, memory } = await loadKernels(false);
    const backend = new WasmBackend(kernels, memory);
    if (t) backend.useThreads(null, t.reason ?? '1 thread: one was asked for');
    return backend;
  }
  if (!isSharedMemoryAvailable()) {
    const { kernels, memory } = await loadKernels(false);
    const backend = new WasmBackend(kernels, memory);
    backend.useThreads(null, '1 thread: SharedArrayBuffer is unavailable (in a browser the page must be cross-origin isolated)');
    return backend;
  }
  const { kernels, memory, module } = await loadKernels(true);
  const backend = new WasmBackend(kernels, memory);
  const threads = await startKernelThreads(t.host, count - 1, kernels, module, memory, (bytes) => backend.allocBytes(bytes));
  backend.useThreads(threads, `${t.reason ?? `${count} threads`}; helpers take row bands of each large multiply and pause while other work keeps their cores busy`);
  return backend;
}

/** A provider for engine/backend's registry (`registerBackend(wasmBackendProvider(host))`). */
export function wasmBackendProvider(options: WasmBackendOptions = {}): BackendProvider {
  return {
    name: 'wasm',
    unavailable: async () => (isWasmSimdAvailable() ? null : 'this runtime has no WebAssembly SIMD'),
    create: () => createWasmBackend(options),
  };
}
