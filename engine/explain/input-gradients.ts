/**
 * The gradient of one prediction with respect to the network's inputs, by the engine's own backward pass:
 * instead of dLoss/dOutput, the pass starts from dF/dOutput, where F is the explained output, and runs on
 * through the first layer (`Network.backward(…, toInputs)`), so it works on every backend.
 */
import { CpuBackend, type Backend, type Tensor } from '../backend/index.ts';
import { assert } from '../errors.ts';
import type { Network } from '../train/index.ts';

/** What F is for each row: the probability of a class, or the regression value in the target's units. */
export type ExplainedOutput =
  { kind: 'probability'; classes: Int32Array } | { kind: 'value'; mean: number; std: number };

/** F at each row and ∂F/∂x. */
export interface OutputGradients {
  /** F per row. */
  values: Float64Array;
  /** ∂F/∂x, rows × inputs, row-major. */
  gradients: Float64Array;
}

/** Rows per forward/backward pass (bounded buffer memory). */
const CHUNK = 512;

/** Host copy of a tensor: exact on the CPU reference backend (float64 in float64 mode), else float32. */
function readHost(backend: Backend, t: Tensor): Promise<Float32Array | Float64Array> {
  return backend instanceof CpuBackend ? Promise.resolve(backend.readExact(t)) : backend.read(t);
}

/**
 * F and dF/dz for row r of the outputs `o` (width k), where z is where the backward pass starts: the output
 * itself for regression, the logits for classification, whose softmax or sigmoid output is always fused with
 * its cross-entropy loss (the spec allows no other pairing). Softmax: ∂p_c/∂z_j = p_c(δ_cj − p_j). One
 * sigmoid output p is the probability of class 1, so class 0's is 1 − p: ∂p/∂z = p(1 − p), negated for class 0.
 */
function seed(
  network: Network,
  what: ExplainedOutput,
  o: Float32Array | Float64Array,
  r: number,
  d: Float64Array,
): number {
  const { outputs: k, fused } = network.resolved;
  if (what.kind === 'value') {
    d[r * k] = what.std;
    return o[r * k]! * what.std + what.mean;
  }
  assert(fused, 'a classification network ends in softmax or sigmoid fused with its cross-entropy loss');
  const c = what.classes[r]!;
  if (k === 1) {
    const p = o[r]!;
    d[r] = (c === 1 ? 1 : -1) * p * (1 - p);
    return c === 1 ? p : 1 - p;
  }
  const pc = o[r * k + c]!;
  for (let j = 0; j < k; j++) d[r * k + j] = pc * ((j === c ? 1 : 0) - o[r * k + j]!);
  return pc;
}

/**
 * F(x) and ∂F/∂x for each row of x (rows × inputs), with dropout off and batch normalization on its
 * running statistics, as at prediction.
 */
export async function outputGradients(
  network: Network,
  x: Float32Array,
  rows: number,
  what: ExplainedOutput,
): Promise<OutputGradients> {
  const { backend } = network;
  const { inputs: f, outputs: k } = network.resolved;
  const values = new Float64Array(rows);
  const gradients = new Float64Array(rows * f);
  for (let start = 0; start < rows; start += CHUNK) {
    const n = Math.min(CHUNK, rows - start);
    const part: ExplainedOutput =
      what.kind === 'value' ? what : { kind: 'probability', classes: what.classes.subarray(start, start + n) };
    const xt = backend.tensor([n, f], x.subarray(start * f, (start + n) * f));
    let dt: Tensor | null = null;
    try {
      const o = await readHost(backend, network.forward(xt, n, { training: false, seed: 0, step: 0 }));
      const d = new Float64Array(n * k);
      for (let r = 0; r < n; r++) values[start + r] = seed(network, part, o, r, d);
      dt = backend.tensor([n, k], Float32Array.from(d));
      const g = network.backward(n, dt, undefined, true);
      if (g) gradients.set(await readHost(backend, g), start * f);
    } finally {
      backend.dispose(xt);
      if (dt) backend.dispose(dt);
    }
  }
  return { values, gradients };
}
