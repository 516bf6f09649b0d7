/**
 * How a kernel body sees the world.
 *
 * Kernel bodies (the other files in this folder) are plain functions on purpose: gpu.js never calls
 * them, it parses their source text and compiles it to GLSL, WGSL or WebAssembly. So a body must be
 * self-contained — no imports, closures or module constants; only arithmetic, `Math.*`, loops bounded
 * by `this.constants`, and calls to the helper functions registered with it. They are written in
 * TypeScript (type-checked, types erased before gpu.js reads them) rather than untyped `.js`.
 *
 * Conventions: every tensor argument is a pair (array, offset) — tensors are views into shared device
 * buffers; outputs are 1-D (`this.thread.x` is the flat index); row r, column c of a [rows, cols]
 * matrix is element r·cols + c, found from the flat index as r = ⌊(i + ½)/cols⌋ (the half keeps the
 * float division on GL on the right side of the integer), c = i − r·cols.
 *
 * Style rules, each forced by gpu.js's translator meeting a production minifier (the e2e harness runs
 * the minified build, so breaking one fails a test):
 * 1. Declare locals only at the top level of the body, and loop counters as `for (var k = 0; …)` with a
 *    name used once per function. Minifiers give a block-scoped variable the name of a parameter the
 *    block does not use; gpu.js resolves names without scopes and then reads the parameter.
 * 2. Start from `const i = Math.floor(this.thread.x)`. gpu.js types thread ids and loop counters as
 *    ints and does not cast the branches of `?:`, so GLSL rejects an int branch beside a float one.
 * 3. Never write `c ? 1 : 0` (minifiers emit `+c`, which gpu.js cannot compile): use arithmetic
 *    (Math.sign/min/max) or variables. Keep no booleans in variables.
 * 4. A conditional guards one statement. Minifiers turn `if (c) { a; b; }` into `c && (a, b)`, and
 *    gpu.js then runs `b` unconditionally; prefer `s += c ? v : 0`.
 * Helpers may be renamed freely by minifiers: facade/kernel-source.ts gives them stable names.
 */

/** `this` inside a kernel body. */
export interface KernelThis<C> {
  readonly thread: { readonly x: number };
  readonly constants: C;
}

/** A tensor's memory as a kernel reads it. */
export interface DeviceArray {
  readonly [index: number]: number;
}

/** Packed memory (kernels/dense-packed.ts): four floats per texel, read four at a time. */
export interface PackedArray {
  readonly [index: number]: readonly [number, number, number, number];
}
