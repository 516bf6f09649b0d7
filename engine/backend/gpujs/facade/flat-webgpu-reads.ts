/**
 * Drops the 3-D address arithmetic from a gpu.js WebGPU kernel's array reads when every read is 1-D.
 *
 * gpu.js gives each array argument an accessor `get_user_x(z, y, x)` that returns
 * `user_x[u32(x + dims.x * (y + dims.y * z))]`, with `dims` read from the uniform buffer on every call.
 * This engine's kernels only read flat arrays (`x[i]`, kernels/kernel-types.ts), which gpu.js compiles to
 * `get_user_x(0, 0, i)`: two uniform loads, two multiplies and two adds per read for an index that is
 * `i` all along. A dense layer's multiply does two reads per multiply-add, and a software renderer
 * (SwiftShader) or a GPU with few ALUs per load pays for each. The accessor becomes `user_x[u32(x)]`,
 * the same element, so results do not change.
 *
 * Applied per kernel instance, to the WGSL gpu.js assembles at build time; an accessor any call of which
 * passes a non-zero z or y (or WGSL from another gpu.js version without these accessors) is left alone.
 */
import { isBag, isCallable, prop } from './reflect.ts';

/** gpu.js 2.x's accessor of one array argument: its name and the text to replace. */
const ACCESSOR = /fn get_(user_\w+)\(z : i32, y : i32, x : i32\) -> f32 \{\n {2}return \1\[u32\(x \+ [^\n]*\];\n\}/g;

/** The WGSL with every accessor whose calls are all 1-D reduced to a plain index. */
export function withFlatReads(wgsl: string): string {
  return wgsl.replace(ACCESSOR, (accessor: string, name: string) => {
    const calls = wgsl.split(`get_${name}(`).length - 2;
    const flat = wgsl.split(`get_${name}(0, 0, `).length - 1;
    if (calls !== flat) return accessor;
    return `fn get_${name}(z : i32, y : i32, x : i32) -> f32 {\n  return ${name}[u32(x)];\n}`;
  });
}

/** Patch one compiled WebGPU kernel (gpu.js's inner WebGPUKernel); returns whether it was patched. */
export function flatWebGpuReads(inner: unknown): boolean {
  if (!isBag(inner) || !isCallable(prop(inner, 'assembleWGSL'))) return false;
  const original = prop(inner, 'assembleWGSL') as (this: unknown) => unknown;
  Reflect.set(inner, 'assembleWGSL', function assembleWGSL(this: unknown): unknown {
    const wgsl = original.call(this);
    return typeof wgsl === 'string' ? withFlatReads(wgsl) : wgsl;
  });
  return true;
}
