/**
 * Messages between the browser benchmark's Node runner (run.ts), its page and the page's worker. Plain
 * data only: this file is compiled for Node and for the browser.
 */
import type { Workload } from '../workloads.ts';

/** The contenders of the browser mode, in run order. */
export const BROWSER_CONTENDERS = [
  'engine-gpujs-webgpu',
  'engine-gpujs-webgl2',
  'engine-wasm',
  'engine-wasm-threads',
  // the same without fused multiply-add (the plain SIMD build), to measure what relaxed SIMD's FMA gives
  'engine-wasm-nofma',
  'engine-wasm-threads-nofma',
  'tfjs-webgpu',
  'tfjs-webgl',
  'tfjs-wasm',
] as const;
export type BrowserContender = (typeof BROWSER_CONTENDERS)[number];

/** One training run: a contender on a workload (possibly on its first `rows` rows only). */
export interface RunRequest {
  contender: BrowserContender;
  workload: Workload;
  /** Rows trained on: the workload's first `rows` rows (all of them unless a row subset was asked for). */
  rows: number;
  epochs: number;
  /** Where the page fetches the workload's data file (bench/data.ts writeData format: x then y, float32 LE). */
  dataUrl: string;
  /** FNV-1a 32-bit hash of the whole data file as Node wrote it: the worker checks it got the same bytes. */
  dataHash: number;
  /** Threads in all for the *-threads / tfjs-wasm contenders (navigator.hardwareConcurrency when null). */
  threads: number | null;
}

/** What one run measured. */
export interface RunResult {
  contender: BrowserContender;
  workload: Workload['id'];
  /** What actually ran, e.g. "engine · WebGPU · <adapter>" or "TF.js 4.22.0 · webgl · <renderer>". */
  label: string;
  rows: number;
  /** Wall-clock seconds of each epoch, in order (the first includes compiling kernels / shaders). */
  epochSeconds: number[];
  /** Accuracy over the `rows` training rows after the last epoch (an untimed pass). */
  finalAccuracy: number;
  /** Train loss after each epoch as the contender reported it. */
  epochLoss: number[];
  /** The GPU the contender ran on, when it ran on one (adapter description or GL renderer). */
  device: string | null;
  notes: string[];
}

/** What the browser offers: asked once, in a fresh worker, before any run. */
export interface BrowserInfo {
  userAgent: string;
  hardwareConcurrency: number;
  crossOriginIsolated: boolean;
  wasmSimd: boolean;
  webgpu: {
    available: boolean;
    vendor: string;
    architecture: string;
    device: string;
    description: string;
    fallback: boolean | null;
    reason: string | null;
  };
  webgl2: { available: boolean; vendor: string; renderer: string; reason: string | null };
}

/** Backends of the matrix-multiply micro-benchmark (matmul.ts): the engine's gpu.js kernels and tf.matMul. */
export const MATMUL_CONTENDERS = ['engine-gpujs-webgpu', 'engine-gpujs-webgl2', 'tfjs-webgpu', 'tfjs-webgl'] as const;
export type MatmulContender = (typeof MATMUL_CONTENDERS)[number];

/** The three multiplies of one dense layer: forward x·W, weight gradient xᵀ·dz, input gradient dz·Wᵀ. */
export const MATMUL_KINDS = ['forward', 'weightGrad', 'inputGrad'] as const;
export type MatmulKind = (typeof MATMUL_KINDS)[number];

/** Time every multiply of a dense layer [rows, inputs] · [inputs, units] on one backend. */
export interface MatmulRequest {
  contender: MatmulContender;
  layers: readonly { rows: number; inputs: number; units: number }[];
  /** Launches timed per multiply (after one untimed warm-up launch that compiles). */
  reps: number;
}

/** Seconds per launch of each multiply of each layer (same order as the request's layers). */
export interface MatmulResult {
  contender: MatmulContender;
  device: string;
  seconds: Record<MatmulKind, number>[];
}

/** A worker's final message. */
export type WorkerAnswer =
  | { ok: true; result: RunResult }
  | { ok: true; info: BrowserInfo }
  | { ok: true; matmul: MatmulResult }
  | { ok: false; error: string };

/** A worker's progress line (forwarded to the runner's terminal through the page's console). */
export const PROGRESS_PREFIX = 'BENCH-PROGRESS ';

/** What the runner asks the worker. */
export type WorkerRequest =
  { type: 'run'; run: RunRequest } | { type: 'info' } | { type: 'matmul'; matmul: MatmulRequest };

/** The page's API, called by run.ts through page.evaluate. */
export interface BrowserBenchPage {
  ask(request: WorkerRequest): Promise<WorkerAnswer>;
}

/** FNV-1a over bytes (32-bit): a cheap check that the page trains on the very bytes Node generated. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** Renderer / adapter names of software rasterizers: results on them are not GPU results. */
export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render|microsoft warp|subzero/i;

/** True when a device name is a software rasterizer. */
export function isSoftware(name: string | null | undefined): boolean {
  return !!name && SOFTWARE_RENDERER.test(name);
}
