/** What this browser offers: the WebGPU adapter and the WebGL2 renderer, named so a software rasterizer shows. */
import type { BrowserInfo } from '../protocol.ts';
import { isWasmSimdAvailable } from '../../../engine/backend/wasm/index.ts';

/** WebGPU's adapter info fields (the DOM lib of this TypeScript has no WebGPU types). */
interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface AdapterLike {
  info?: AdapterInfoLike;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<AdapterLike | null>;
}

/** navigator.gpu, or null. */
export function webGpu(): GpuLike | null {
  return (navigator as unknown as { gpu?: GpuLike }).gpu ?? null;
}

/** One line naming a WebGPU adapter: description, else vendor/architecture/device. */
export function adapterName(info: AdapterInfoLike | undefined): string {
  if (!info) return 'unknown adapter';
  const parts = [info.vendor, info.architecture, info.device].filter((p) => p);
  return info.description
    ? `${info.description}${parts.length ? ` (${parts.join(' ')})` : ''}`
    : parts.join(' ') || 'unknown adapter';
}

/** The adapter `powerPreference` gives (TF.js asks for 'high-performance'; gpu.js for the default). */
export async function adapterFor(powerPreference?: 'high-performance'): Promise<AdapterLike | null> {
  const gpu = webGpu();
  return gpu ? gpu.requestAdapter(powerPreference ? { powerPreference } : undefined) : null;
}

/** GL vendor and renderer, unmasked where WEBGL_debug_renderer_info is offered. */
export function glNames(gl: WebGL2RenderingContext | WebGLRenderingContext): { vendor: string; renderer: string } {
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return {
    vendor: String(gl.getParameter(ext ? ext.UNMASKED_VENDOR_WEBGL : gl.VENDOR)),
    renderer: String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
  };
}

export async function browserInfo(): Promise<BrowserInfo> {
  const webgpu: BrowserInfo['webgpu'] = {
    available: false,
    vendor: '',
    architecture: '',
    device: '',
    description: '',
    fallback: null,
    reason: null,
  };
  try {
    const adapter = await adapterFor();
    if (!adapter)
      webgpu.reason = webGpu()
        ? 'navigator.gpu.requestAdapter() gave no adapter'
        : 'no navigator.gpu (WebGPU disabled?)';
    else {
      const i = adapter.info ?? {};
      Object.assign(webgpu, {
        available: true,
        vendor: i.vendor ?? '',
        architecture: i.architecture ?? '',
        device: i.device ?? '',
        description: i.description ?? '',
        fallback: i.isFallbackAdapter ?? adapter.isFallbackAdapter ?? null,
      });
    }
  } catch (e) {
    webgpu.reason = e instanceof Error ? e.message : String(e);
  }
  const webgl2: BrowserInfo['webgl2'] = { available: false, vendor: '', renderer: '', reason: null };
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) webgl2.reason = 'no WebGL2 context (blocklisted GPU, or GL disabled)';
    else Object.assign(webgl2, { available: true, ...glNames(gl) });
  } catch (e) {
    webgl2.reason = e instanceof Error ? e.message : String(e);
  }
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: self.crossOriginIsolated,
    wasmSimd: isWasmSimdAvailable(),
    webgpu,
    webgl2,
  };
}
