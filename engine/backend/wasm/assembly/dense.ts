/** Dense-layer forward and backward, composed from the tiled matrix multiply. Pointers are byte addresses. */
import { columnSums, gemmRows, transpose, INIT_BIAS, INIT_ZERO } from './gemm';

/** z[n, out] = x[n, in]·W[in, out] + b[out]. */
export function denseForward(x: usize, w: usize, b: usize, z: usize, n: i32, inputs: i32, units: i32): void {
  gemmRows(x, inputs, 1, w, units, z, units, 0, n, units, inputs, INIT_BIAS, b);
}

/** dW[in, out] = xᵀ·dz (x read transposed in place: A(i, k) = x[k, i]); db[out] = Σ_rows dz. */
export function denseBackwardWeights(x: usize, dz: usize, dw: usize, db: usize, n: i32, inputs: i32, units: i32): void {
  gemmRows(x, 1, inputs, dz, units, dw, units, 0, inputs, units, n, INIT_ZERO, 0);
  columnSums(dz, db, n, units);
}

/**
 * dx[n, in] = dz[n, out]·Wᵀ. Wᵀ is first copied to `scratch` ([out, in], in·out floats) so the
 * multiply reads B rows contiguously; the copy costs 1/n of the multiply.
 */
export function denseBackwardInput(w: usize, dz: usize, dx: usize, scratch: usize, n: i32, inputs: i32, units: i32): void {
  transpose(w, scratch, inputs, units);
  gemmRows(dz, units, 1, scratch, inputs, dx, inputs, 0, n, inputs, units, INIT_ZERO, 0);
}
