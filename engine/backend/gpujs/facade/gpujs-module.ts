/**
 * The typed facade over gpu.js. gpu.js's own `index.d.ts` names DOM types (HTMLCanvasElement,
 * WebGLRenderingContext, OffscreenCanvas…) that the engine's tsconfig deliberately lacks; with
 * `skipLibCheck` they would silently become `any`. So the module is loaded as `unknown` and narrowed
 * here to the handful of calls this backend makes; nothing else in the engine touches gpu.js.
 */
import { flatWebGpuReads } from './flat-webgpu-reads.ts';
import { kernelSources, type KernelBody, type KernelHelper } from './kernel-source.ts';
import { recycleWebGpuOutput } from './recycle-webgpu-output.ts';
import { useTexelFetch } from './texel-fetch.ts';
import {
  callFunction,
  callMethod,
  construct,
  isBag,
  isCallable,
  isPromiseLike,
  prop,
  stringProp,
  type Bag,
} from './reflect.ts';

export type { KernelBody, KernelHelper } from './kernel-source.ts';

/** The gpu.js backends this engine can ask for. */
export type GpuJsMode = 'webgpu' | 'webgl2' | 'webgl' | 'webasm' | 'cpu';

/** A kernel output left on the device: a GL `Texture` or a WebGPU buffer handle. */
export interface DeviceHandle {
  /** Download (a typed array, a nested array, or a Promise of either on webgpu). */
  toArray(): unknown;
  /** Drop this reference; gpu.js frees the memory when no reference is left. */
  delete(): void;
}

/** What a pipeline kernel returns: device memory, or host memory on `webasm`/`cpu`. */
export type DeviceValue = DeviceHandle | Float32Array;

/** An argument of a kernel call: a tensor's memory or a float scalar. */
export type KernelArgument = DeviceValue | number;

/** The kernel settings this backend uses (a subset of gpu.js's). */
export interface KernelSettings {
  output: [number];
  constants: Record<string, number>;
  functions: readonly KernelHelper[];
  loopMaxIterations: number;
  asyncMode: boolean;
  poolSize?: number;
  /** Argument sizes are uniforms, not baked into the shader: one compile serves views of any buffer. */
  dynamicArguments: boolean;
  /** webasm: wasm instances (each with its own memory) kept per kernel for different argument sizes. */
  moduleCacheLimit?: number;
  /** `Array(4)`: four floats per thread, one texel (GL only: kernels/dense-packed.ts); default one float. */
  returnType?: 'Array(4)';
}

/** A compiled gpu.js kernel, typed. */
export interface CompiledKernel {
  /** Run once; the result is a DeviceValue or (webgpu, async webasm) a Promise of one. */
  run(args: readonly KernelArgument[]): unknown;
  /** The gpu.js backend that actually ran it (null before the first run; every GL kernel says 'gpu'). */
  executedMode(): string | null;
  /** The context it ran on (GL kernels: the WebGL context). */
  executedContext(): unknown;
  /** Why gpu.js degraded it to another backend, when it did. */
  fallbackReason(): string | null;
  destroy(): void;
}

/** One gpu.js `GPU` instance bound to a mode. */
export interface GpuJsInstance {
  createKernel(body: KernelBody, settings: KernelSettings): CompiledKernel;
  destroy(): void;
}

/** The loaded gpu.js module. */
export interface GpuJsModule {
  /** A GPU instance; `context` and `canvas` share a GL context the caller created. */
  createInstance(mode: GpuJsMode, shared?: { canvas: unknown; context: unknown }): GpuJsInstance;
  /** gpu.js's shared WebGPU context ({ adapter, device, isLost }), when the module has WebGPU support. */
  webGpuContext(): Promise<unknown> | null;
}

let loaded: Promise<GpuJsModule> | null = null;

/** Load gpu.js once (Node resolves its CommonJS build, bundlers its browser build). */
export function loadGpuJs(): Promise<GpuJsModule> {
  loaded ??= import('gpu.js').then((mod: unknown) => wrapModule(mod));
  return loaded;
}

/** The GPU class from either build: Node exports `{ GPU }`, the browser build exports GPU itself. */
function findGpuClass(mod: unknown): Bag | null {
  for (const candidate of [prop(mod, 'GPU'), prop(prop(mod, 'default'), 'GPU'), prop(mod, 'default')]) {
    if (isCallable(candidate) && isCallable(prop(prop(candidate, 'prototype'), 'createKernel'))) return candidate;
  }
  return null;
}

function wrapModule(mod: unknown): GpuJsModule {
  const GPU = findGpuClass(mod);
  if (!GPU) throw new Error('gpu.js loaded but exports no GPU class with createKernel');
  const ctx = prop(GPU, 'WebGPUContext') ?? prop(mod, 'WebGPUContext') ?? prop(prop(mod, 'default'), 'WebGPUContext');
  return {
    createInstance(mode, shared) {
      const settings = shared ? { mode, canvas: shared.canvas, context: shared.context } : { mode };
      return wrapInstance(construct(GPU, [settings]), mode);
    },
    webGpuContext() {
      if (!isBag(ctx)) return null;
      const p = callMethod(ctx, 'acquire', []);
      return isPromiseLike(p) ? Promise.resolve(p) : null;
    },
  };
}

function wrapInstance(gpu: unknown, mode: GpuJsMode): GpuJsInstance {
  return {
    createKernel(body, settings) {
      const sources = kernelSources(body, settings.functions);
      const { moduleCacheLimit, ...gpujsSettings } = settings;
      const kernel = callMethod(gpu, 'createKernel', [
        sources.kernel,
        {
          ...gpujsSettings,
          functions: sources.functions,
          pipeline: true,
          // a fresh output per call: a tensor keeps its memory until the backend rebinds it
          immutable: true,
          precision: 'single',
          tactic: 'precision',
        },
      ]);
      if (!isCallable(kernel)) throw new Error('gpu.js createKernel returned no callable kernel');
      // a webasm kernel's own setting (not read from the settings object): bounds its wasm memories
      const inner = prop(kernel, 'kernel');
      if (mode === 'webgpu') {
        recycleWebGpuOutput(inner);
        flatWebGpuReads(inner);
      }
      if (mode === 'webgl2') useTexelFetch(inner);
      if (moduleCacheLimit !== undefined && isBag(inner) && typeof prop(inner, 'moduleCacheLimit') === 'number') {
        Reflect.set(inner, 'moduleCacheLimit', moduleCacheLimit);
      }
      return wrapKernel(kernel);
    },
    destroy() {
      const r = callMethod(gpu, 'destroy', []);
      // gpu.destroy() is async on some builds; its failure during teardown cannot be acted on
      if (isPromiseLike(r)) r.then(undefined, () => undefined);
    },
  };
}

function wrapKernel(kernel: Bag): CompiledKernel {
  const inner = (): unknown => prop(kernel, 'kernel') ?? kernel;
  return {
    run: (args) => callFunction(kernel, args),
    executedMode() {
      const mode = prop(prop(inner(), 'constructor'), 'mode');
      return typeof mode === 'string' ? mode : null;
    },
    executedContext: () => prop(inner(), 'context'),
    fallbackReason: () => stringProp(inner(), 'fallbackReason'),
    destroy() {
      callMethod(kernel, 'destroy', []);
    },
  };
}

/** True for gpu.js device handles (GL Texture, WebGPU buffer result): they download and free. */
export function isDeviceHandle(v: unknown): v is DeviceHandle {
  return isBag(v) && isCallable(prop(v, 'toArray')) && isCallable(prop(v, 'delete'));
}

/** Narrow a kernel result to a DeviceValue (the original object: gpu.js needs it back as an argument). */
export function asDeviceValue(v: unknown): DeviceValue {
  if (v instanceof Float32Array || isDeviceHandle(v)) return v;
  throw new Error(`gpu.js kernel returned ${Array.isArray(v) ? 'a nested array' : typeof v}, not device memory`);
}
