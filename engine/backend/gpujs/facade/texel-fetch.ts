/**
 * Makes a gpu.js WebGL2 kernel read its float arguments with `texelFetch` instead of `texture`.
 *
 * With `precision: 'single'` every array read in a WebGL2 kernel compiles to gpu.js's
 * `getMemoryOptimized32`: it turns the flat index into normalized texture coordinates through float
 * divisions (`integerMod`, `st / vec2(texSize)`), then samples. A dense layer's multiply does two of
 * those per multiply-add, so on a software rasterizer (SwiftShader) the address arithmetic costs more
 * than the arithmetic the kernel is for. WebGL2 (GLSL ES 3.00) can address a texel by integer
 * coordinates: `texelFetch(tex, ivec2(t % w, t / w), 0)`, with bit shifts for the four floats a texel
 * packs. Same texel, same channel, so the values read are identical — only the address math changes.
 *
 * Applied per kernel instance, to the fragment shader gpu.js builds on the first run; a shader without
 * gpu.js's function (another gpu.js version, or WebGL1, whose GLSL has no texelFetch) is left alone.
 */
import { isBag, isCallable, prop } from './reflect.ts';

/** gpu.js 2.x's WebGL2 `getMemoryOptimized32` (one function: its body holds no braces). */
const GPUJS_READ =
  /float getMemoryOptimized32\(sampler2D tex, ivec2 texSize, ivec3 texDim, int z, int y, int x\) \{[^{}]*\}/;

/** The integer-addressed replacement, with the same signature and result. */
export const TEXEL_FETCH_READ = `float getMemoryOptimized32(
  sampler2D tex, ivec2 texSize, ivec3 texDim, int z, int y, int x) {
  int index = x + texDim.x * (y + texDim.y * z);
  int t = index >> 2;
  return texelFetch(tex, ivec2(t % texSize.x, t / texSize.x), 0)[index & 3];
}`;

/** The shader with its float reads rewritten, or unchanged when it is not a GLSL ES 3.00 gpu.js shader. */
export function withTexelFetch(shader: string): string {
  if (!shader.startsWith('#version 300 es')) return shader;
  return shader.replace(GPUJS_READ, TEXEL_FETCH_READ);
}

/** Patch one compiled WebGL2 kernel (gpu.js's inner WebGL2Kernel); returns whether it was patched. */
export function useTexelFetch(inner: unknown): boolean {
  if (!isBag(inner) || !isCallable(prop(inner, 'getFragmentShader'))) return false;
  const original = prop(inner, 'getFragmentShader') as (this: unknown, ...args: unknown[]) => unknown;
  Reflect.set(inner, 'getFragmentShader', function getFragmentShader(this: unknown, ...args: unknown[]): unknown {
    const shader = original.apply(this, args);
    return typeof shader === 'string' ? withTexelFetch(shader) : shader;
  });
  return true;
}
