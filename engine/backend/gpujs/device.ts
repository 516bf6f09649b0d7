/**
 * One gpu.js device per backend: the `GPU` instance of the requested mode, its label, and how to tell
 * (and, for the fallback drill, cause) a lost device.
 */
import { loadGpuJs, type GpuJsInstance, type GpuJsMode } from './facade/gpujs-module.ts';
import { callMethod, isPromiseLike, prop } from './facade/reflect.ts';
import {
  createGlSurface,
  glHasExtension,
  glIsContextLost,
  glLoseContext,
  glRenderer,
  hardwareConcurrency,
  hasSharedMemory,
  hasWebAssembly,
  webGpuAdapterName,
  webGpuApi,
} from './facade/host.ts';
import { modeUnavailable } from './messages.ts';
import { errorMessage } from '../../errors.ts';

/** Options of `createGpuJsBackend`. */
export interface GpuJsBackendOptions {
  /**
   * webasm only: run large kernels (≥ 4096 outputs) on worker threads, gpu.js's async contract; a number
   * sets the threads. Default off: gpu.js gives every threaded kernel a pool of its own (a network
   * compiles dozens), and it only wins on large layers. Needs shared memory (Node, or a
   * cross-origin-isolated page); without it this falls back to one thread.
   */
  threads?: boolean | number;
  /**
   * The host allows `new Function` (Node: tests, the CLI). gpu.js `cpu` mode builds kernels with it,
   * which the app's content security policy forbids, so that mode needs this opt-in.
   */
  allowEval?: boolean;
}

/** A started gpu.js device. */
export interface Device {
  mode: GpuJsMode;
  gpu: GpuJsInstance;
  /** Badge text, e.g. "WebGL2 · ANGLE (SwiftShader)". */
  label: string;
  /** Kernels run under gpu.js's async contract (their calls return Promises). */
  asyncKernels: boolean;
  /** webasm worker-pool cap, when threaded. */
  poolSize?: number;
  /** Kernel outputs are host Float32Arrays (webasm, cpu) rather than device handles. */
  hostMemory: boolean;
  /**
   * Compiled kernels kept before the least recently used is destroyed. webasm gives every kernel its own
   * wasm memory, each with a large virtual reservation, and a browser refuses new ones past ~100.
   */
  maxKernels: number;
  /** webasm: wasm instances kept per kernel (see KernelSettings.moduleCacheLimit). */
  moduleCacheLimit?: number;
  /**
   * Compiled copies kept per kernel so a launch finds one whose last output is free to render into again
   * (WebGPU: facade/recycle-webgpu-output.ts). Two cover outputs that live until the same op's next launch
   * (Adam's [w | m | v] is read by the launch that replaces it). 1 elsewhere.
   */
  instancesPerKernel: number;
  /** True when a kernel really ran here (gpu.js degrades some kernels to its cpu backend silently). */
  ranHere(executedMode: string | null, executedContext: unknown): boolean;
  /** True once the device (or GL context) is gone. */
  isLost(): boolean;
  /** Lose the device on purpose: WEBGL_lose_context, GPUDevice.destroy(), or a flag on host modes. */
  loseForTesting(): Promise<void>;
}

/** webasm kernels kept compiled: above a training step's working set (~50 for a 3-layer MLP), below the browser's wasm-memory ceiling. */
const WEBASM_MAX_KERNELS = 64;

/** Start gpu.js in `mode`, or throw a BackendError saying why it cannot run here. */
export async function createDevice(mode: GpuJsMode, options: GpuJsBackendOptions = {}): Promise<Device> {
  const gpujs = await loadGpuJs();
  switch (mode) {
    case 'webgpu': {
      if (!webGpuApi()) throw modeUnavailable(mode, 'this runtime has no WebGPU API (navigator.gpu)');
      const pending = gpujs.webGpuContext();
      if (!pending) throw modeUnavailable(mode, 'this gpu.js build has no WebGPU context');
      let ctx: unknown;
      try {
        ctx = await pending;
      } catch (e) {
        throw modeUnavailable(mode, errorMessage(e));
      }
      const device = prop(ctx, 'device');
      return {
        mode,
        gpu: gpujs.createInstance('webgpu'),
        label: `WebGPU · ${webGpuAdapterName(prop(ctx, 'adapter'))}`,
        asyncKernels: true,
        hostMemory: false,
        maxKernels: Infinity,
        instancesPerKernel: 2,
        ranHere: (ran) => ran === 'webgpu',
        isLost: () => prop(ctx, 'isLost') === true,
        async loseForTesting() {
          const lost = prop(device, 'lost');
          callMethod(device, 'destroy', []);
          if (isPromiseLike(lost)) await lost;
        },
      };
    }
    case 'webgl2':
    case 'webgl': {
      const surface = createGlSurface(mode);
      if (!surface)
        throw modeUnavailable(
          mode,
          `no ${mode === 'webgl2' ? 'WebGL2' : 'WebGL'} context (no canvas, or the GPU is blocklisted)`,
        );
      const floatExt = mode === 'webgl2' ? 'EXT_color_buffer_float' : 'OES_texture_float';
      if (!glHasExtension(surface.context, floatExt))
        throw modeUnavailable(mode, `no ${floatExt}, so no float32 textures`);
      let simulatedLoss = false;
      return {
        mode,
        gpu: gpujs.createInstance(mode, surface),
        label: `${mode === 'webgl2' ? 'WebGL2' : 'WebGL'} · ${glRenderer(surface.context)}`,
        asyncKernels: false,
        hostMemory: false,
        maxKernels: Infinity,
        instancesPerKernel: 1,
        // gpu.js names every GL kernel's mode 'gpu'; running on our context is what proves WebGL
        ranHere: (ran, context) => ran === 'gpu' && context === surface.context,
        isLost: () => simulatedLoss || glIsContextLost(surface.context),
        async loseForTesting() {
          if (!glLoseContext(surface.context)) simulatedLoss = true;
        },
      };
    }
    case 'webasm': {
      if (!hasWebAssembly()) throw modeUnavailable(mode, 'this runtime has no WebAssembly');
      const threads = options.threads ?? false;
      const pool = typeof threads === 'number' ? threads : threads ? (hardwareConcurrency() ?? 4) : 1;
      const threaded = threads !== false && pool > 1 && hasSharedMemory();
      let lost = false;
      return {
        mode,
        gpu: gpujs.createInstance('webasm'),
        label: `WebAssembly SIMD (gpu.js) · ${threaded ? `${pool} threads` : '1 thread'}`,
        asyncKernels: threaded,
        poolSize: threaded ? pool : undefined,
        hostMemory: true,
        maxKernels: WEBASM_MAX_KERNELS,
        moduleCacheLimit: 2,
        instancesPerKernel: 1,
        ranHere: (ran) => ran === 'webasm',
        isLost: () => lost,
        async loseForTesting() {
          lost = true;
        },
      };
    }
    case 'cpu': {
      if (options.allowEval !== true) {
        throw modeUnavailable(
          mode,
          "gpu.js 'cpu' mode compiles kernels with new Function, which the app's content security policy forbids; only hosts that allow it (tests, the CLI) may pass { allowEval: true }",
        );
      }
      let lost = false;
      return {
        mode,
        gpu: gpujs.createInstance('cpu'),
        label: 'gpu.js CPU (JavaScript)',
        asyncKernels: false,
        hostMemory: true,
        maxKernels: Infinity,
        instancesPerKernel: 1,
        ranHere: (ran) => ran === 'cpu',
        isLost: () => lost,
        async loseForTesting() {
          lost = true;
        },
      };
    }
  }
}
