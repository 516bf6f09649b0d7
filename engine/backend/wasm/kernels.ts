/** Instantiates the embedded kernel module and checks its exports (signatures in assembly/*.ts). */
import { wasmUnavailable } from './messages.ts';
import { KERNELS_WASM_BASE64 } from './kernels.generated.ts';
import { decodeBase64, isWasmSimdAvailable, webAssemblyApi, type WasmMemory } from './webassembly.ts';

/** The kernel module's exports. Pointers are byte addresses into `memory`; `bool` parameters take 0/1. */
export interface Kernels {
  memory: WasmMemory;
  heapBase(): number;
  gemmRows(a: number, sai: number, sak: number, b: number, ldb: number, c: number, ldc: number, i0: number, i1: number, n: number, k: number, init: number, bias: number): void;
  transpose(s: number, t: number, rows: number, cols: number): void;
  denseForward(x: number, w: number, b: number, z: number, n: number, inputs: number, units: number): void;
  denseBackwardWeights(x: number, dz: number, dw: number, db: number, n: number, inputs: number, units: number): void;
  denseBackwardInput(w: number, dz: number, dx: number, scratch: number, n: number, inputs: number, units: number): void;
  activationForward(code: number, z: number, y: number, rows: number, cols: number): void;
  activationBackward(code: number, z: number, y: number, dy: number, dz: number, rows: number, cols: number): void;
  dropoutForward(x: number, mask: number, y: number, n: number, rate: number, seed: number, step: number): void;
  dropoutBackward(dy: number, mask: number, dx: number, n: number): void;
  batchNormForward(x: number, gamma: number, beta: number, runMean: number, runVar: number, y: number, xhat: number, invStd: number,
    n: number, f: number, momentum: number, epsilon: number, training: number, scratch: number): void;
  batchNormBackward(dy: number, xhat: number, gamma: number, invStd: number, dx: number, dgamma: number, dbeta: number,
    n: number, f: number, training: number, scratch: number): void;
  lossAccumulate(code: number, pred: number, target: number, acc: number, n: number, k: number, delta: number): void;
  lossGradient(code: number, pred: number, target: number, dpred: number, n: number, k: number, delta: number, fused: number): void;
  sgd(w: number, g: number, a: number, n: number, lr: number, mu: number, nesterov: number): void;
  rmsprop(w: number, g: number, a: number, b: number, n: number, lr: number, rho: number, eps: number, mu: number): void;
  adagrad(w: number, g: number, a: number, n: number, lr: number, eps: number): void;
  adam(w: number, g: number, a: number, b: number, n: number, lr: number, beta1: number, beta2: number, eps: number, decay: number, c1: number, c2: number): void;
  addRegularizationGradient(w: number, g: number, n: number, l1: number, l2: number): void;
  accumulateSquaredNorm(t: number, n: number, acc: number, index: number): void;
  globalNorm(acc: number, from: number, to: number): number;
  scale(t: number, n: number, s: number): void;
}

const FUNCTIONS = [
  'heapBase', 'gemmRows', 'transpose', 'denseForward', 'denseBackwardWeights', 'denseBackwardInput',
  'activationForward', 'activationBackward', 'dropoutForward', 'dropoutBackward', 'batchNormForward', 'batchNormBackward',
  'lossAccumulate', 'lossGradient', 'sgd', 'rmsprop', 'adagrad', 'adam',
  'addRegularizationGradient', 'accumulateSquaredNorm', 'globalNorm', 'scale',
] as const satisfies readonly (keyof Kernels)[];

function isKernels(e: Record<string, unknown>): e is Record<string, unknown> & Kernels {
  const m = e.memory as { buffer?: unknown } | undefined;
  return typeof m === 'object' && m !== null && m.buffer instanceof ArrayBuffer && FUNCTIONS.every((f) => typeof e[f] === 'function');
}

/** Compile and instantiate the kernels; throws BackendError where WebAssembly (SIMD) is missing. */
export async function instantiateKernels(): Promise<Kernels> {
  const api = webAssemblyApi();
  if (!api) {
    throw wasmUnavailable('no-webassembly');
  }
  if (!isWasmSimdAvailable()) throw wasmUnavailable('no-simd');
  const { instance } = await api.instantiate(decodeBase64(KERNELS_WASM_BASE64), {});
  if (!isKernels(instance.exports)) {
    throw new Error('Internal error (please report): the WebAssembly kernel module lacks expected exports; rebuild it with `npm run build:wasm`.');
  }
  return instance.exports;
}
