import { describe, expect, it } from 'vitest';
import { denseForwardKernel, denseInputGradKernel, denseParamGradKernel, type DenseSizes } from './dense.ts';
import {
  denseForward4Kernel,
  denseInputGrad4Kernel,
  denseParamGrad4Kernel,
  pack4Kernel,
  packTransposed4Kernel,
  unpack4Kernel,
} from './dense-packed.ts';
import type { PackedArray } from './kernel-types.ts';

type Quad = [number, number, number, number];

function sizes(rows: number, inputs: number, units: number): DenseSizes {
  const [rows4, inputs4, units4] = [rows, inputs, units].map((n) => Math.floor(n / 4));
  return { rows, inputs, units, rows4, inputs4, units4, rowsR: rows % 4, inputsR: inputs % 4, unitsR: units % 4 };
}

/** Run a kernel body as gpu.js would, once per thread (in float64 here: equal sums mean the same terms in the same order). */
function runAll<T>(threads: number, constants: DenseSizes, body: (this: never) => T): T[] {
  return Array.from({ length: threads }, (_, x) => body.call({ thread: { x }, constants } as never));
}

function values(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.fround(Math.sin(seed * 97 + i * 1.7) * 2);
  return out;
}

function pack(a: Float32Array, s: DenseSizes): PackedArray {
  return runAll(a.length / 4, s, function (this: never) {
    return pack4Kernel.call(this, a, 0) as Quad;
  });
}

function unpack(p: readonly Quad[], s: DenseSizes): number[] {
  return runAll(p.length * 4, s, function (this: never) {
    return unpack4Kernel.call(this, p, 0);
  });
}

describe('packed dense kernels (WebGL2): the same sums, in the same order, as the one-output kernels', () => {
  const s = sizes(8, 8, 12);
  const [x, w, b, dz] = [values(8 * 8, 1), values(8 * 12, 2), values(12, 3), values(8 * 12, 4)];

  it('pack4 then unpack4 gives the elements back', () => {
    expect(unpack(pack(x, s) as Quad[], s)).toEqual([...x]);
  });

  it('forward with a fused activation equals denseForwardKernel, element for element', () => {
    const plain = runAll(8 * 12, s, function (this: never) {
      return denseForwardKernel.call(this, x, 0, w, 0, b, 0, 3, 0);
    });
    const packed = runAll((8 * 12) / 4, s, function (this: never) {
      return denseForward4Kernel.call(this, pack(x, s), 0, pack(w, s), 0, b, 0, 3, 0) as Quad;
    });
    expect(unpack(packed, s)).toEqual(plain);
    expect(plain.some((v) => v === 0) && plain.some((v) => v > 0)).toBe(true);
  });

  it('[dW | db] equals denseParamGradKernel', () => {
    const plain = runAll(8 * 12 + 12, s, function (this: never) {
      return denseParamGradKernel.call(this, x, 0, dz, 0);
    });
    const packed = runAll((8 * 12 + 12) / 4, s, function (this: never) {
      const xt = runAll((8 * 8) / 4, s, function (this: never) {
        return packTransposed4Kernel.call(this, x, 0) as Quad;
      });
      return denseParamGrad4Kernel.call(this, xt, 0, pack(dz, s), 0) as Quad;
    });
    expect(unpack(packed, s)).toEqual(plain);
  });

  it('dx equals denseInputGradKernel', () => {
    const plain = runAll(8 * 8, s, function (this: never) {
      return denseInputGradKernel.call(this, dz, 0, w, 0);
    });
    const packed = runAll((8 * 8) / 4, s, function (this: never) {
      return denseInputGrad4Kernel.call(this, pack(dz, s), 0, pack(w, s), 0) as Quad;
    });
    expect(unpack(packed, s)).toEqual(plain);
  });
});
