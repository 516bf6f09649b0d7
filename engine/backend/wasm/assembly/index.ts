/**
 * Entry of the WebAssembly SIMD kernel module (compiled by scripts/build-wasm.mjs). Every kernel takes
 * byte addresses into this module's memory; the host (../wasm-backend.ts) owns allocation.
 */
export { gemmRows, transpose, columnSums } from './gemm';
export { activationForward, activationBackward } from './activation';
export { dropoutForward, dropoutBackward } from './dropout';
export { batchNormForward, batchNormBackward } from './batch-norm';
export { lossAccumulate, lossGradient } from './loss';
export { sgd, rmsprop, adagrad, adam } from './optimizer';
export { addRegularizationGradient, accumulateSquaredNorm, globalNorm, scale } from './reduce';

/** First byte after the module's static data: where the host's allocator may start. */
export function heapBase(): usize {
  return __heap_base;
}
