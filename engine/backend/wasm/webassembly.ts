/**
 * The slice of the WebAssembly JS API the wasm backend uses. The engine's tsconfig has neither DOM nor
 * Node types (both declare `WebAssembly`), so the global is read through `globalThis` and typed here.
 */

/** A linear memory: `buffer` is replaced (the old one detached) when it grows. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grow by `pages` 64 KiB pages; returns the old size in pages. */
  grow(pages: number): number;
}

/** A compiled module (opaque); it can be posted to workers, which instantiate it on the same memory. */
export interface WasmModule {
  readonly __wasmModule?: never;
}

/** An instance's exports, unchecked. */
export interface WasmInstance {
  exports: Record<string, unknown>;
}

/** Imports passed to instantiate: module name → field → value. */
export type WasmImports = Record<string, Record<string, unknown>>;

/** The global `WebAssembly` namespace, as far as used here. */
export interface WasmApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  /** Instantiating a compiled module resolves to the instance itself. */
  instantiate(module: WasmModule, imports: WasmImports): Promise<WasmInstance>;
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}

/** Bytes of one 64 KiB WebAssembly page. */
export const WASM_PAGE_BYTES = 65536;

/** The runtime's WebAssembly API, or null where there is none. */
export function webAssemblyApi(): WasmApi | null {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  return api &&
    typeof api.compile === 'function' &&
    typeof api.instantiate === 'function' &&
    typeof api.validate === 'function'
    ? api
    : null;
}

/** A module using SIMD instructions (from wasm-feature-detect): validates only with SIMD. */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

/** True when this runtime has WebAssembly with 128-bit SIMD (every evergreen browser, Node ≥ 16). */
export function isWasmSimdAvailable(): boolean {
  const api = webAssemblyApi();
  return api !== null && api.validate(SIMD_PROBE);
}

/**
 * A module using f32x4.relaxed_madd (three i8x16.splat of 0, then opcode 0xfd 0x105): validates only with
 * relaxed SIMD (Chromium and Electron; Node from 22, on 20 with --experimental-wasm-relaxed-simd).
 */
const RELAXED_SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15, 65,
  0, 253, 15, 253, 133, 2, 11,
]);

/** True when this runtime has WebAssembly relaxed SIMD (and so the fused multiply-add of the kernels' FMA build). */
export function isRelaxedSimdAvailable(): boolean {
  const api = webAssemblyApi();
  return api !== null && api.validate(SIMD_PROBE) && api.validate(RELAXED_SIMD_PROBE);
}

/**
 * True when threads can share wasm memory: SharedArrayBuffer exists and, in a browser, the page is
 * cross-origin isolated (served with COOP `same-origin` and COEP `require-corp`).
 */
export function isSharedMemoryAvailable(): boolean {
  const g = globalThis as unknown as { SharedArrayBuffer?: unknown; crossOriginIsolated?: boolean };
  return typeof g.SharedArrayBuffer === 'function' && g.crossOriginIsolated !== false;
}

/** Decode base64 (standard alphabet, '=' padding) without atob, which the engine's libs do not declare. */
export function decodeBase64(text: string): Uint8Array {
  const table = new Uint8Array(128);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  let len = text.length;
  while (len > 0 && text.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array((len * 3) >> 2);
  let o = 0;
  for (let i = 0; i < len; i += 4) {
    const a = table[text.charCodeAt(i)];
    const b = i + 1 < len ? table[text.charCodeAt(i + 1)] : 0;
    const c = i + 2 < len ? table[text.charCodeAt(i + 2)] : 0;
    const d = i + 3 < len ? table[text.charCodeAt(i + 3)] : 0;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < out.length) out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
  }
  return out;
}
