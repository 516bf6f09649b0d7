/** The wasm backend's user-facing errors, in one place. */
import { BackendError } from '../../errors.ts';

/** No WebAssembly, or no SIMD in it. */
export function wasmUnavailable(reason: 'no-webassembly' | 'no-simd'): BackendError {
  return new BackendError({
    code: 'backend/wasm-unavailable',
    path: 'training.backend',
    message:
      reason === 'no-webassembly'
        ? "This runtime has no WebAssembly, so the 'wasm' backend cannot run. Choose the 'cpu' backend."
        : "This runtime's WebAssembly lacks SIMD, which the 'wasm' backend needs (every current browser and Node 16+ has it). Update the browser or Node, or choose the 'cpu' backend.",
  });
}

/** Growing the linear memory failed (the 4 GiB limit, or the host refused). */
export function wasmOutOfMemory(mebibytes: number, detail: string): BackendError {
  return new BackendError({
    code: 'backend/wasm-out-of-memory',
    path: 'training.backend',
    message: `The WebAssembly backend could not grow its memory to ${mebibytes} MiB (${detail}). Use a smaller batch size or network, or the 'cpu' backend.`,
  });
}

/** A helper thread stopped answering or failed; the run cannot continue on threads. */
export function threadFailed(detail: string): BackendError {
  return new BackendError({
    code: 'backend/wasm-thread-failed',
    path: 'training.backend',
    message: `A WebAssembly helper thread failed (${detail}). Restart the run; if it happens again, run with 1 thread.`,
  });
}
