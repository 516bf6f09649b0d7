/** Public API of the WebAssembly SIMD backend (the fast CPU path). */
import type { Backend } from '../backend.ts';
import { instantiateKernels } from './kernels.ts';
import { WasmBackend } from './wasm-backend.ts';

export { isWasmSimdAvailable } from './webassembly.ts';
export { WasmBackend, WasmTensor } from './wasm-backend.ts';

/** A backend running the AssemblyScript SIMD kernels; throws BackendError where WebAssembly SIMD is missing. */
export async function createWasmBackend(): Promise<Backend> {
  return new WasmBackend(await instantiateKernels());
}
