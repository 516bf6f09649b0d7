/** Public API of the WebAssembly SIMD backend (the fast CPU path). */
import type { BackendProvider } from '../backend.ts';
import { loadKernels } from './kernels.ts';
import { startKernelThreads, type ThreadHost } from './threads.ts';
import { WasmBackend } from './wasm-backend.ts';
import { isRelaxedSimdAvailable, isSharedMemoryAvailable, isWasmSimdAvailable } from './webassembly.ts';

export { isRelaxedSimdAvailable, isWasmSimdAvailable } from './webassembly.ts';
export { WasmBackend } from './wasm-backend.ts';
export { runKernelWorker } from './kernel-worker.ts';
export type { KernelWorkerInit, ThreadHandle, ThreadHost } from './threads.ts';

/** Options of the wasm backend. */
export interface WasmBackendOptions {
  /**
   * Fused multiply-add (the relaxed-SIMD build of the kernels) where the runtime validates relaxed SIMD
   * (default true); false, or a runtime without it, runs the plain SIMD build. Results agree within float32
   * rounding: a fused multiply-add rounds once where the plain build rounds after the multiply and the add.
   */
  fma?: boolean;
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
  const fused = (options.fma ?? true) && isRelaxedSimdAvailable();
  const count = t ? Math.max(1, Math.floor(t.count ?? 2)) : 1;
  if (!t || count === 1) {
    const { kernels, memory } = await loadKernels(false, fused);
    const backend = new WasmBackend(kernels, memory, fused);
    if (t) backend.useThreads(null, t.reason ?? '1 thread: one was asked for');
    return backend;
  }
  if (!isSharedMemoryAvailable()) {
    const { kernels, memory } = await loadKernels(false, fused);
    const backend = new WasmBackend(kernels, memory, fused);
    backend.useThreads(
      null,
      '1 thread: SharedArrayBuffer is unavailable (in a browser the page must be cross-origin isolated)',
    );
    return backend;
  }
  const { kernels, memory, module } = await loadKernels(true, fused);
  const backend = new WasmBackend(kernels, memory, fused);
  const threads = await startKernelThreads(t.host, count - 1, kernels, module, memory, (bytes) =>
    backend.allocBytes(bytes),
  );
  backend.useThreads(
    threads,
    `${t.reason ?? `${count} threads`}; helpers take row bands of each large multiply and pause while other work keeps their cores busy`,
  );
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
