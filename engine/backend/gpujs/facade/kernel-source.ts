/**
 * Kernel and helper source text as gpu.js should read it. gpu.js compiles functions from their text,
 * and after a production minifier a helper may be called `$e` or `$`: gpu.js sanitizes `$` in variable
 * names but not in function names, so GLSL rejects the shader. Every helper is therefore renamed to a
 * stable `kernelHelperN` at its declaration and at each call in the kernel and the other helpers.
 */

/** A helper function a kernel may call (self-contained, numbers in and out). */
export type KernelHelper = (...args: number[]) => number;
/** A kernel body: run once per output element, or per four (`Array(4)`), by gpu.js (see kernels/kernel-types.ts). */
export type KernelBody = (this: never, ...args: never[]) => number | number[];

/** Sources ready for gpu.js: the kernel and its helpers, helpers renamed. */
export interface KernelSources {
  kernel: string;
  functions: string[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
}

/** Rename each helper `f` to `kernelHelperN` wherever it is declared or called (`f(`, `(0, mod.f)(`; not `x.f(`). */
export function kernelSources(body: KernelBody, helpers: readonly KernelHelper[]): KernelSources {
  const renames = helpers
    .map((h, i) => ({ from: h.name, to: `kernelHelper${i}` }))
    .sort((a, b) => b.from.length - a.from.length);
  const rename = (source: string): string => {
    let out = source;
    for (const { from, to } of renames) {
      if (!from) throw new Error('a kernel helper must be a named function');
      const name = escapeRegExp(from);
      // module-interop calls, `(0, mod.f)(…)` (Vite SSR, Babel, webpack), then plain calls and the declaration
      out = out.replace(new RegExp(`\\(\\s*0\\s*,\\s*[\\w$.]+\\.${name}\\s*\\)(?=\\s*\\()`, 'g'), to);
      out = out.replace(new RegExp(`(?<![\\w$.])${name}(?=\\s*\\()`, 'g'), to);
    }
    return out;
  };
  return { kernel: rename(body.toString()), functions: helpers.map((h) => rename(h.toString())) };
}
