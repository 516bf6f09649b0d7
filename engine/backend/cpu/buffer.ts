/** Host memory of the CPU backend: float32 normally, float64 for gradient checks. */
export type Buf = Float32Array | Float64Array;
