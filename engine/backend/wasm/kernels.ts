/** Instantiates the embedded kernel modules and checks their exports (signatures in assembly/*.ts). */
import {
  KERNELS_RELAXED_SHARED_WASM_BASE64,
  KERNELS_RELAXED_WASM_BASE64,
  KERNELS_SHARED_WASM_BASE64,
  KERNELS_WASM_BASE64,
} from './kernels.generated.ts';
import { wasmUnavailable } from './messages.ts';
import {
  decodeBase64,
  isWasmSimdAvailable,
  webAssemblyApi,
  type WasmApi,
  type WasmInstance,
  type WasmMemory,
  type WasmModule,
} from './webassembly.ts';

/** The kernel module's exports. Pointers are byte addresses into `memory`; `bool` parameters take 0/1. */
export interface Kernels {
  heapBase(): number;
  gemmRows(
    a: number,
    sai: number,
    sak: number,
    b: number,
    ldb: number,
    c: number,
    ldc: number,
    i0: number,
    i1: number,
    n: number,
    k: number,
    init: number,
    bias: number,
    act: number,
  ): void;
  transpose(s: number, t: number, rows: number, cols: number): void;
  columnSums(x: number, out: number, rows: number, cols: number): void;
  activationForward(code: number, z: number, y: number, rows: number, cols: number): void;
  activationBackward(code: number, z: number, y: number, dy: number, dz: number, rows: number, cols: number): void;
  dropoutForward(x: number, mask: number, y: number, n: number, rate: number, seed: number, step: number): void;
  dropoutBackward(dy: number, mask: number, dx: number, n: number): void;
  batchNormForward(
    x: number,
    gamma: number,
    beta: number,
    runMean: number,
    runVar: number,
    y: number,
    xhat: number,
    invStd: number,
    n: number,
    f: number,
    momentum: number,
    epsilon: number,
    training: number,
    scratch: number,
  ): void;
  batchNormBackward(
    dy: number,
    xhat: number,
    gamma: number,
    invStd: number,
    dx: number,
    dgamma: number,
    dbeta: number,
    n: number,
    f: number,
    training: number,
    scratch: number,
  ): void;
  lossAccumulate(code: number, pred: number, target: number, acc: number, n: number, k: number, delta: number): void;
  lossGradient(
    code: number,
    pred: number,
    target: number,
    dpred: number,
    n: number,
    k: number,
    delta: number,
    fused: number,
  ): void;
  sgd(w: number, g: number, a: number, n: number, lr: number, mu: number, nesterov: number): void;
  rmsprop(
    w: number,
    g: number,
    a: number,
    b: number,
    n: number,
    lr: number,
    rho: number,
    eps: number,
    mu: number,
  ): void;
  adagrad(w: number, g: number, a: number, n: number, lr: number, eps: number): void;
  adam(
    w: number,
    g: number,
    a: number,
    b: number,
    n: number,
    lr: number,
    beta1: number,
    beta2: number,
    eps: number,
    decay: number,
    c1: number,
    c2: number,
  ): void;
  addRegularizationGradient(w: number, g: number, n: number, l1: number, l2: number): void;
  accumulateSquaredNorm(t: number, n: number, acc: number, index: number): void;
  globalNorm(acc: number, from: number, to: number): number;
  scale(t: number, n: number, s: number): void;
}

/** GEMM tile init modes (assembly/gemm.ts). */
export const INIT_ZERO = 0;
/** Start C from the bias row. */
export const INIT_BIAS = 1;

/** Instantiated kernels with their memory, and the compiled module (to instantiate again in helper threads). */
export interface LoadedKernels {
  kernels: Kernels;
  memory: WasmMemory;
  module: WasmModule;
  /** True for the shared-memory build that helper threads can join. */
  shared: boolean;
  /** True for the relaxed-SIMD build (fused multiply-add in the GEMM). */
  fused: boolean;
}

/** Pages (64 KiB) the shared memory starts with, and at most grows to (2 GiB: shared memory needs a maximum). */
const SHARED_INITIAL_PAGES = 16;
const SHARED_MAXIMUM_PAGES = 32768;

const FUNCTIONS = [
  'heapBase',
  'gemmRows',
  'transpose',
  'columnSums',
  'activationForward',
  'activationBackward',
  'dropoutForward',
  'dropoutBackward',
  'batchNormForward',
  'batchNormBackward',
  'lossAccumulate',
  'lossGradient',
  'sgd',
  'rmsprop',
  'adagrad',
  'adam',
  'addRegularizationGradient',
  'accumulateSquaredNorm',
  'globalNorm',
  'scale',
] as const satisfies readonly (keyof Kernels)[];

function checked(e: Record<string, unknown>): Kernels {
  if (!FUNCTIONS.every((f) => typeof e[f] === 'function')) {
    throw new Error(
      'Internal error (please report): the WebAssembly kernel module lacks expected exports; rebuild it with `npm run build:wasm`.',
    );
  }
  return e as unknown as Kernels;
}

function api(): WasmApi {
  const a = webAssemblyApi();
  if (!a) throw wasmUnavailable('no-webassembly');
  if (!isWasmSimdAvailable()) throw wasmUnavailable('no-simd');
  return a;
}

/** Instantiate `module` on `memory` (the shared build), as the main thread and every helper thread do. */
export async function instantiateShared(module: WasmModule, memory: WasmMemory): Promise<Kernels> {
  const instance: WasmInstance = await api().instantiate(module, { env: { memory } });
  return checked(instance.exports);
}

/**
 * Compile and instantiate the kernels: the single-threaded build with its own growable memory, or
 * (shared = true) the build on an imported shared memory. fused = true picks the relaxed-SIMD build (FMA in
 * the GEMM); pass it only where isRelaxedSimdAvailable() holds. Throws BackendError without WebAssembly SIMD.
 */
export async function loadKernels(shared: boolean, fused = false): Promise<LoadedKernels> {
  const wasm = api();
  const base64 = fused
    ? shared
      ? KERNELS_RELAXED_SHARED_WASM_BASE64
      : KERNELS_RELAXED_WASM_BASE64
    : shared
      ? KERNELS_SHARED_WASM_BASE64
      : KERNELS_WASM_BASE64;
  const module = await wasm.compile(decodeBase64(base64));
  if (shared) {
    const memory = new wasm.Memory({ initial: SHARED_INITIAL_PAGES, maximum: SHARED_MAXIMUM_PAGES, shared: true });
    return { kernels: await instantiateShared(module, memory), memory, module, shared, fused };
  }
  const instance = await wasm.instantiate(module, {});
  const memory = instance.exports.memory as WasmMemory | undefined;
  if (!memory || !(memory.buffer instanceof ArrayBuffer))
    throw new Error('Internal error (please report): the WebAssembly kernel module exports no memory.');
  return { kernels: checked(instance.exports), memory, module, shared, fused };
}
