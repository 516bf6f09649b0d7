/**
 * The few host (browser or Node) features the gpu.js backend needs, reached through `globalThis` and
 * narrowed from `unknown`, because the engine compiles without DOM types.
 */
import { callMethod, construct, isBag, prop, stringProp } from './reflect.ts';

/** WebGL enums (fixed by the spec). */
const GL_RENDERER = 0x1f01;
const GL_UNMASKED_RENDERER = 0x9246;

/** A canvas and the GL context created on it, handed to gpu.js to share. */
export interface GlSurface {
  canvas: unknown;
  context: unknown;
}

/** Logical cores, or null where the host does not say. */
export function hardwareConcurrency(): number | null {
  const n = prop(prop(globalThis, 'navigator'), 'hardwareConcurrency');
  return typeof n === 'number' && n > 0 ? n : null;
}

/** True when shared memory (and so gpu.js's webasm worker pool) can work: Node, or a cross-origin-isolated page. */
export function hasSharedMemory(): boolean {
  if (typeof prop(globalThis, 'SharedArrayBuffer') !== 'function') return false;
  return prop(globalThis, 'crossOriginIsolated') !== false;
}

/** True when WebAssembly exists here. */
export function hasWebAssembly(): boolean {
  return isBag(prop(globalThis, 'WebAssembly'));
}

/** navigator.gpu, when the WebGPU API exists. */
export function webGpuApi(): unknown {
  const gpu = prop(prop(globalThis, 'navigator'), 'gpu');
  return isBag(gpu) ? gpu : null;
}

/** A new canvas: an OffscreenCanvas (workers), else a document canvas; null in Node. */
function newCanvas(): unknown {
  if (typeof prop(globalThis, 'OffscreenCanvas') === 'function')
    return construct(prop(globalThis, 'OffscreenCanvas'), [1, 1]);
  const doc = prop(globalThis, 'document');
  if (isBag(doc)) return callMethod(doc, 'createElement', ['canvas']);
  return null;
}

/** A GL context of `kind` on a fresh canvas, with the settings gpu.js uses; null when the host has none. */
export function createGlSurface(kind: 'webgl2' | 'webgl'): GlSurface | null {
  const canvas = newCanvas();
  if (!canvas) return null;
  const context = callMethod(canvas, 'getContext', [
    kind,
    { alpha: false, depth: false, antialias: false, powerPreference: 'high-performance' },
  ]);
  return isBag(context) ? { canvas, context } : null;
}

/** Whether a GL context offers extension `name`. */
export function glHasExtension(context: unknown, name: string): boolean {
  return isBag(callMethod(context, 'getExtension', [name]));
}

/** The GL renderer string (unmasked where the browser allows). */
export function glRenderer(context: unknown): string {
  const unmasked = glHasExtension(context, 'WEBGL_debug_renderer_info')
    ? callMethod(context, 'getParameter', [GL_UNMASKED_RENDERER])
    : null;
  const name = typeof unmasked === 'string' && unmasked ? unmasked : callMethod(context, 'getParameter', [GL_RENDERER]);
  return typeof name === 'string' && name ? name : 'unknown renderer';
}

/** True when the GL context has been lost. */
export function glIsContextLost(context: unknown): boolean {
  return callMethod(context, 'isContextLost', []) === true;
}

/** Lose the GL context on purpose (WEBGL_lose_context): the lost-device drill in tests. */
export function glLoseContext(context: unknown): boolean {
  const ext = callMethod(context, 'getExtension', ['WEBGL_lose_context']);
  if (!isBag(ext)) return false;
  callMethod(ext, 'loseContext', []);
  return true;
}

/** A readable name of a WebGPU adapter from `adapter.info`. */
export function webGpuAdapterName(adapter: unknown): string {
  const info = prop(adapter, 'info');
  const description = stringProp(info, 'description');
  if (description) return description;
  const parts = [stringProp(info, 'vendor'), stringProp(info, 'architecture'), stringProp(info, 'device')].filter(
    (s) => !!s,
  );
  return parts.length ? parts.join(' ') : 'unknown adapter';
}
