/** The WebGPU read patch, on WGSL that the installed gpu.js itself assembles (no device needed to build the text). */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { flatWebGpuReads, withFlatReads } from './flat-webgpu-reads.ts';

interface WgslKernel {
  threadDim: number[];
  paramsLayout: unknown;
  setupConstants(): void;
  setupArguments(args: unknown[]): void;
  translateSource(): void;
  computeParamsLayout(): unknown;
  assembleWGSL(): string;
}

/** gpu.js's WGSL for `source` with `args`, assembled the way its build() does before it compiles. */
function gpujsWgsl(source: string, args: unknown[]): string {
  const mod: unknown = createRequire(import.meta.url)('gpu.js/src/backend/web-gpu/kernel.js');
  const Kernel: unknown = typeof mod === 'object' && mod !== null ? Reflect.get(mod, 'WebGPUKernel') : null;
  if (typeof Kernel !== 'function') throw new Error('gpu.js has no WebGPUKernel');
  const settings = {
    output: [4],
    constants: { n: 3 },
    dynamicArguments: true,
    pipeline: true,
    immutable: true,
    precision: 'single',
  };
  const k = Reflect.construct(Kernel, [source, settings]) as WgslKernel;
  k.setupConstants();
  k.setupArguments(args);
  k.threadDim = [4, 1, 1];
  k.translateSource();
  k.paramsLayout = k.computeParamsLayout();
  return k.assembleWGSL();
}

const FLAT = `function k(x, xo, w) {
  const i = Math.floor(this.thread.x);
  let s = 0;
  for (var q = 0; q < this.constants.n; q++) { s += x[xo + i * this.constants.n + q] * w[q]; }
  return s;
}`;

describe('withFlatReads', () => {
  it("reduces gpu.js's accessors to a plain index when every read is 1-D, and changes nothing else", () => {
    const wgsl = gpujsWgsl(FLAT, [new Float32Array(12), 0, new Float32Array(3)]);
    expect(wgsl).toContain('return user_x[u32(x + i32(params.user_x_dims.x) * (y + i32(params.user_x_dims.y) * z))];');
    const patched = withFlatReads(wgsl);
    expect(patched).toContain('fn get_user_x(z : i32, y : i32, x : i32) -> f32 {\n  return user_x[u32(x)];\n}');
    expect(patched).toContain('fn get_user_w(z : i32, y : i32, x : i32) -> f32 {\n  return user_w[u32(x)];\n}');
    expect(patched).not.toContain('_dims.y) * z');
    const rest = (s: string) => s.replace(/fn get_user_\w+\([^}]*\}/g, '');
    expect(rest(patched)).toBe(rest(wgsl));
  });

  it('leaves an accessor alone when a read passes a row (a 2-D argument)', () => {
    const source = 'function k(x, w) { return x[1][this.thread.x] + w[this.thread.x]; }';
    const wgsl = gpujsWgsl(source, [[new Float32Array(4), new Float32Array(4)], new Float32Array(4)]);
    expect(wgsl).toMatch(/get_user_x\(0, [^0]/);
    const patched = withFlatReads(wgsl);
    const general = 'return user_x[u32(x + i32(params.user_x_dims.x) * (y + i32(params.user_x_dims.y) * z))];';
    expect(patched).toContain(general);
    expect(patched).toContain('return user_w[u32(x)];');
  });

  it('leaves WGSL without gpu.js accessors alone', () => {
    const wgsl = '@compute @workgroup_size(64) fn main() {}';
    expect(withFlatReads(wgsl)).toBe(wgsl);
  });
});

describe('flatWebGpuReads', () => {
  it("wraps a kernel's assembleWGSL", () => {
    const original = gpujsWgsl(FLAT, [new Float32Array(12), 0, new Float32Array(3)]);
    const kernel = { assembleWGSL: (): string => original };
    expect(flatWebGpuReads(kernel)).toBe(true);
    expect(kernel.assembleWGSL()).toBe(withFlatReads(original));
    expect(kernel.assembleWGSL()).not.toBe(original);
  });

  it('patches nothing on an object without assembleWGSL', () => {
    expect(flatWebGpuReads({})).toBe(false);
    expect(flatWebGpuReads(undefined)).toBe(false);
  });
});
