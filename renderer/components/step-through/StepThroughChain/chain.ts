/**
 * The chain rule for one connection i → j of a dense layer, with the engine's numbers:
 *   ∂L/∂w_ij = Σ_rows x_i · ∂L/∂z_j   (+ the L1/L2 part)
 *   ∂L/∂z_j = ∂L/∂a_j · f′(z_j)        (fused output: (p_j − t_j) / rows)
 * The products and the sum are the only arithmetic the UI does; the result is checked against the
 * engine's gradient.
 */
import type { WireStepTrace } from '../../../../engine/protocol/index.ts';
import { shownArithmetic, type ShownArithmetic } from '../../../../engine/protocol/index.ts';
import { formatDigits } from '../StepThrough/format.ts';

/** One traced row's factors. */
export interface ChainRow {
  /** Row of the table (0-based) and position in the training split. */
  tableRow: number;
  x: number;
  /** ∂L/∂a_j from the engine (for a fused output: ∂L/∂z_j). */
  dOutput: number;
  /** f′(z_j) from the engine; null when the output is fused or the activation is softmax. */
  derivative: number | null;
  /** ∂L/∂z_j from the engine. */
  dz: number;
  /** ∂L/∂a_j · f′(z_j), computed here (null without f′). */
  dzProduct: number | null;
  /** Fused output: the probability p_j and the target t_j (1 for the true class, else 0; or the value). */
  p: number | null;
  t: number | null;
  /** x_i · ∂L/∂z_j, computed here. */
  term: number;
}

/** The whole product for one connection. */
export interface Chain {
  layer: string;
  from: number;
  to: number;
  fused: boolean;
  rows: ChainRow[];
  /** Σ terms, computed here. */
  sum: number;
  /** The L1/L2 part of the engine's gradient; null without regularization. */
  penalty: number | null;
  /** sum + penalty. */
  total: number;
  /** ∂L/∂w_ij from the engine. */
  engine: number;
  /** total equals the engine's gradient (to float32 rounding). */
  isMatch: boolean;
  before: number;
  after: number;
  /** How ∂L/∂a (or ∂L/∂z when fused) was formed, from the engine. */
  formula: string;
  /** The activation's formula, e.g. `f(z) = tanh(z)`. */
  activation: string | null;
}

/** True when a and b agree to float32 rounding of the sums involved. */
export function agrees(a: number, b: number, scale = 0): boolean {
  return Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b), scale) + 1e-9;
}

/** The chain-rule product for connection from → to of the dense layer at `trace.forward[layer]`. */
export function chainOf(trace: WireStepTrace, layer: number, from: number, to: number): Chain | null {
  const f = trace.forward[layer];
  const b = f ? trace.backward.find((x) => x.layerId === f.layerId) : undefined;
  const kernel = f ? trace.update.tensors.find((t) => t.layer === f.layerId && t.name === 'kernel') : undefined;
  if (!f || !b || !kernel || f.type !== 'dense') return null;
  const units = f.output.cols;
  const inputs = f.input.cols;
  if (from < 0 || from >= inputs || to < 0 || to >= units) return null;
  const k = from * units + to;
  const rows: ChainRow[] = [];
  let sum = 0;
  let scale = 0;
  for (let r = 0; r < trace.rows; r++) {
    const x = f.input.data[r * inputs + from] ?? Number.NaN;
    const dOutput = b.dOutput.data[r * units + to] ?? Number.NaN;
    const dz = b.dz ? (b.dz.data[r * units + to] ?? Number.NaN) : dOutput;
    const derivative = !b.fused && f.derivative ? (f.derivative.data[r * units + to] ?? Number.NaN) : null;
    let p: number | null = null;
    let t: number | null = null;
    if (b.fused) {
      p = trace.output.data[r * trace.output.cols + to] ?? Number.NaN;
      const target = trace.target[r] ?? Number.NaN;
      t = trace.task.kind === 'classification' && trace.output.cols > 1 ? (target === to ? 1 : 0) : target;
    }
    const term = x * dz;
    scale = Math.max(scale, Math.abs(term));
    sum += term;
    rows.push({
      tableRow: trace.rowIndices[r] ?? -1,
      x,
      dOutput,
      derivative,
      dz,
      dzProduct: derivative === null ? null : dOutput * derivative,
      p,
      t,
      term,
    });
  }
  const penalty = kernel.penalty ? (kernel.penalty[k] ?? 0) : null;
  const total = sum + (penalty ?? 0);
  const engine = kernel.grad[k] ?? Number.NaN;
  return {
    layer: f.layerId,
    from,
    to,
    fused: b.fused,
    rows,
    sum,
    penalty,
    total,
    engine,
    isMatch: agrees(total, engine, scale),
    before: kernel.before[k] ?? Number.NaN,
    after: kernel.after[k] ?? Number.NaN,
    formula: b.formula,
    activation: f.formula,
  };
}

/**
 * A fused output row's `(p − t) / rows = ∂L/∂z`, with p printed to as many digits as it takes for the
 * printed numbers to give the printed result (p = 0.99995732 is not "1"); else `isExact` is false (write ≈).
 */
export function fusedArithmetic(row: ChainRow, rows: number): ShownArithmetic {
  const p = row.p ?? Number.NaN;
  const t = row.t ?? Number.NaN;
  return shownArithmetic(
    [p, t, rows],
    ([a, b, n]) => ((a ?? Number.NaN) - (b ?? Number.NaN)) / (n ?? Number.NaN),
    (p - t) / rows,
    formatDigits,
  );
}

/** A hidden row's `∂L/∂a · f′(z) = ∂L/∂z`, printed the same way; null without f′. */
export function productArithmetic(row: ChainRow): ShownArithmetic | null {
  if (row.derivative === null || row.dzProduct === null) return null;
  return shownArithmetic(
    [row.dOutput, row.derivative],
    ([a, b]) => (a ?? Number.NaN) * (b ?? Number.NaN),
    row.dzProduct,
    formatDigits,
  );
}
