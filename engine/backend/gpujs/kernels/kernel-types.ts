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
