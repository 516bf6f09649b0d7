/** Human names of the compute backends. */
import type { BackendChoice } from '../../engine/protocol/index.ts';

/** Label of each backend a user can choose. */
export const BACKEND_LABELS: Readonly<Record<BackendChoice, string>> = {
  auto: 'Auto (fastest for this network)',
  cpu: 'CPU · TypeScript reference',
  wasm: 'CPU · WebAssembly SIMD',
  'gpujs-webgpu': 'GPU · WebGPU',
  'gpujs-webgl2': 'GPU · WebGL2',
  'gpujs-webasm': 'gpu.js · WebAssembly',
  'gpujs-cpu': 'gpu.js · CPU',
};
