/** Registers the backends this worker can host besides the CPU reference (the engine's registry picks). */
import { registerBackend } from '../backend/index.ts';
import { createWasmBackend, isWasmSimdAvailable } from '../backend/wasm/index.ts';

/** Register the WebAssembly backend (and, once built, the gpu.js ones) with the engine's registry. */
export function registerHostBackends(): void {
  registerBackend({
    name: 'wasm',
    unavailable: async () => (isWasmSimdAvailable() ? null : 'this browser lacks WebAssembly SIMD'),
    create: createWasmBackend,
  });
}
