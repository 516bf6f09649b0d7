/** Helper renaming keeps gpu.js away from minified names (`$e`) and module-interop calls. */
import { describe, expect, it } from 'vitest';
import type { KernelBody, KernelHelper } from './gpujs-module.ts';
import { kernelSources } from './kernel-source.ts';

/** A function whose source text is given (what a minifier or a module transform would emit). */
function withSource<T extends (...a: never[]) => number | number[]>(fn: T, source: string, name: string): T {
  Object.defineProperty(fn, 'name', { value: name });
  Object.defineProperty(fn, 'toString', { value: () => source });
  return fn;
}

describe('kernelSources', () => {
  it('renames minified helpers at their declaration and every call, and leaves property calls alone', () => {
    const helperA = withSource<KernelHelper>(() => 0, 'function $(e){return e*2}', '$');
    const helperB = withSource<KernelHelper>(() => 0, 'function $e(e,t){return $(e)+t}', '$e');
    const body = withSource<KernelBody>(() => 0, 'function k(e,t){return $e(e[t],1)+$(2)+Math.abs(-1)+o.$e(1)}', 'k');
    const s = kernelSources(body, [helperA, helperB]);
    expect(s.kernel).toBe('function k(e,t){return kernelHelper1(e[t],1)+kernelHelper0(2)+Math.abs(-1)+o.$e(1)}');
    expect(s.functions).toEqual([
      'function kernelHelper0(e){return e*2}',
      'function kernelHelper1(e,t){return kernelHelper0(e)+t}',
    ]);
  });

  it('rewrites module-interop calls (0, mod.f)(…) from Vite SSR, Babel and webpack', () => {
    const helper = withSource<KernelHelper>(() => 0, 'function stableSigmoid(z) { return z; }', 'stableSigmoid');
    const body = withSource<KernelBody>(
      () => 0,
      'function k(z) {\n  return (0,__vite_ssr_import_0__.stableSigmoid)(z[0]) + (0, _math.stableSigmoid) (1);\n}',
      'k',
    );
    expect(kernelSources(body, [helper]).kernel).toBe(
      'function k(z) {\n  return kernelHelper0(z[0]) + kernelHelper0 (1);\n}',
    );
  });

  it('does not touch a longer name that contains a helper name', () => {
    const helper = withSource<KernelHelper>(() => 0, 'function f(a){return a}', 'f');
    const body = withSource<KernelBody>(() => 0, 'function k(a){return ff(a)+f(a)+af(a)}', 'k');
    expect(kernelSources(body, [helper]).kernel).toBe('function k(a){return ff(a)+kernelHelper0(a)+af(a)}');
  });
});
