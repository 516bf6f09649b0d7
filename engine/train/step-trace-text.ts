/**
 * The words and formulas of the step-through trace: the loss with its numbers filled in, how the gradient
 * leaving the loss is formed and how it comes back through each layer, and the per-layer gradient magnitudes
 * (measured, and read in plain words).
 */
import { clipProbability, PROBABILITY_EPSILON } from '../losses/index.ts';
import type { ResolvedLayer } from '../spec/resolve.ts';
import type { LossName, OptimizerSpec, Task } from '../spec/types.ts';
import { explodingAdvice, VANISHING_RATIO, type GradientAdviceContext } from './diagnostics.ts';
import { shownArithmetic } from './shown-arithmetic.ts';
import type { WeightTensor } from './types.ts';

/** A number as the trace's formulas print it (4 significant digits; exponent when tiny or huge). */
export function traceNumber(v: number, digits = 4): string {
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(digits - 1) : v.toPrecision(digits);
}

/**
 * The loss of the first traced row, with its numbers: `L = −ln p[setosa] = −ln 0.3120 = 1.165`. The
 * operands get as many digits as it takes for the printed numbers to give the printed loss
 * (`−ln 0.99995732 = 4.268e-5`, not `−ln 1.000`), else "≈"; a clipped probability says so.
 */
export function lossExample(
  loss: LossName,
  out: Float32Array,
  y: number,
  k: number,
  task: Task,
  value: number,
): string {
  const p = out[0] ?? Number.NaN;
  const show = (operands: number[], compute: (xs: readonly number[]) => number) => {
    const s = shownArithmetic(operands, compute, value, traceNumber);
    return { ...s, eq: s.isExact ? '=' : '≈' };
  };
  const clipped = (q: number) =>
    clipProbability(q) === q
      ? ''
      : ` (p is clipped to [${PROBABILITY_EPSILON}, 1 − ${PROBABILITY_EPSILON}] so that ln never sees 0)`;
  if (loss === 'categoricalCrossentropy' && task.kind === 'classification') {
    const py = out[y] ?? Number.NaN;
    const s = show([clipProbability(py)], ([q]) => -Math.log(q ?? Number.NaN));
    return `L = −ln p[${task.classes[y]}] = −ln ${s.operands[0]} ${s.eq} ${s.result}${clipped(py)}`;
  }
  if (loss === 'binaryCrossentropy' && task.kind === 'classification') {
    const q = clipProbability(p);
    if (y === 1) {
      const s = show([q], ([x]) => -Math.log(x ?? Number.NaN));
      return `L = −ln p = −ln ${s.operands[0]} ${s.eq} ${s.result}${clipped(p)}`;
    }
    const s = show([q], ([x]) => -Math.log(1 - (x ?? Number.NaN)));
    return `L = −ln(1 − p) = −ln(1 − ${s.operands[0]}) ${s.eq} ${s.result}${clipped(p)}`;
  }
  if (k === 1 && loss === 'meanSquaredError') {
    const s = show([p, y], ([a, b]) => ((a ?? Number.NaN) - (b ?? Number.NaN)) ** 2);
    return `L = (p − y)² = (${s.operands[0]} − ${s.operands[1]})² ${s.eq} ${s.result}`;
  }
  if (k === 1 && loss === 'meanAbsoluteError') {
    const s = show([p, y], ([a, b]) => Math.abs((a ?? Number.NaN) - (b ?? Number.NaN)));
    return `L = |p − y| = |${s.operands[0]} − ${s.operands[1]}| ${s.eq} ${s.result}`;
  }
  return `L = ${traceNumber(value)} (prediction ${traceNumber(p)}, target ${traceNumber(y)})`;
}

/** ∂ℓ/∂p of one element, per loss, as the backends compute it (before the 1/rows mean). */
const ELEMENT_GRADIENT: Readonly<Record<LossName, string>> = {
  meanSquaredError: '2(p − y)',
  meanAbsoluteError: 'sign(p − y)',
  huber: '(p − y) clipped to [−δ, δ]',
  binaryCrossentropy: '(p − y) / (p(1 − p))',
  categoricalCrossentropy: '−1/p[true class] for the true class, 0 for the others',
};

/**
 * How the gradient arriving at the output layer is formed. The loss is a mean over rows (and over the
 * outputs of elementwise losses), hence the division. Fused: softmax/sigmoid and cross-entropy are
 * differentiated together, which gives ∂L/∂z directly.
 */
export function outputGradientFormula(loss: LossName, fused: boolean, outputs: number, weighted = false): string {
  const per = loss === 'categoricalCrossentropy' || outputs === 1 ? 'rows' : `(rows · ${outputs})`;
  const w = weighted ? 'w · ' : '';
  const note = weighted ? ', w the class weight of the row' : '';
  if (fused && loss === 'categoricalCrossentropy') return `∂L/∂zⱼ = ${w}(pⱼ − [j = true class]) / ${per}${note}`;
  if (fused) return `∂L/∂z = ${w}(p − y) / ${per}${note}`;
  return `∂L/∂p = ${w}${ELEMENT_GRADIENT[loss]} / ${per}${note}`;
}

/** Gradient size of one layer's weights for the traced rows. */
export interface LayerGradientScale {
  layer: string;
  /** √(mean g²) over the layer's trained tensors. */
  rms: number;
  maxAbs: number;
}

/**
 * A plain-words reading of the per-layer gradient sizes (forward order), or null when they are within a
 * few orders of magnitude of each other and none is zero.
 */
export function gradientNote(
  scales: readonly LayerGradientScale[],
  context: GradientAdviceContext = { hasBatchNorm: false, clipNorm: null },
): string | null {
  const dead = scales.filter((s) => s.rms === 0);
  if (dead.length && dead.length < scales.length) {
    const names = dead.map((s) => `'${s.layer}'`).join(', ');
    return `No gradient reaches ${names} for these rows: every unit it feeds is inactive here (for example ReLU units with z ≤ 0 pass no gradient back), so this step leaves its weights as they are. Try other rows; if it stays at zero, use leakyRelu or a smaller learning rate.`;
  }
  const live = scales.filter((s) => s.rms > 0);
  if (live.length < 2) return null;
  const small = live.reduce((a, b) => (b.rms < a.rms ? b : a));
  const large = live.reduce((a, b) => (b.rms > a.rms ? b : a));
  if (small.rms >= VANISHING_RATIO * large.rms) return null;
  const orders = Math.log10(large.rms / small.rms);
  const ratio = large.rms / small.rms;
  const times = ratio >= 1e4 ? ratio.toExponential(1) : Math.round(ratio).toLocaleString('en-US');
  const head = `The gradients span ${orders.toFixed(1)} orders of magnitude: at '${small.layer}' they are ${times}× smaller than at '${large.layer}'.`;
  const smallFirst = scales.indexOf(small) < scales.indexOf(large);
  return smallFirst
    ? `${head} They shrink as they flow back towards the input (vanishing gradients), so the early layers barely learn. ReLU-family activations, He initialization${context.hasBatchNorm ? ' or fewer layers' : ', batch normalization or fewer layers'} help.`
    : `${head} They grow as they flow back towards the input (exploding gradients), so the early layers take huge, unstable steps. ${explodingAdvice(context).replace(/^l/, 'L')}.`;
}

/** What one update from a fresh optimizer state (step t = 1) does, in the optimizer's own terms. */
export function updateNote(spec: OptimizerSpec): string {
  switch (spec.type) {
    case 'sgd':
      if (!spec.momentum) return 'w ← w − learningRate · ∂L/∂w';
      return spec.nesterov
        ? 'SGD with Nesterov momentum μ from a fresh state (v = 0): this first step is w ← w − learningRate · (1 + μ) · ∂L/∂w'
        : 'SGD with momentum from a fresh state (v = 0): this first step is w ← w − learningRate · ∂L/∂w';
    case 'adam':
    case 'adamw':
      return `${spec.type === 'adam' ? 'Adam' : 'AdamW'}, first step from a fresh state (t = 1): m̂ = g and v̂ = g², so w ← w − learningRate · g / (|g| + ε)${spec.type === 'adamw' ? ' − learningRate · weightDecay · w' : ''}. Every weight with a non-zero gradient moves by about the learning rate, against its gradient's sign.`;
    case 'rmsprop':
      return 'RMSprop, first step from a fresh state (s = 0): s = (1 − ρ)·g², so w ← w − learningRate · g / (√s + ε): every weight moves by about learningRate / √(1 − ρ).';
    case 'adagrad':
      return 'Adagrad, first step: a = initialAccumulator + g², w ← w − learningRate · g / (√a + ε).';
  }
}

/** How the gradient arriving at layer i's output came back from the layer after it. */
export function arrivingFormula(next: ResolvedLayer, id: string): string {
  switch (next.type) {
    case 'dense':
      return `∂L/∂aⱼ = Σₖ w[j→k] · ∂L/∂zₖ, the ∂L/∂z of '${next.id}' sent back through its weights`;
    case 'activation':
      return `∂L/∂a = ∂L/∂(output of '${next.id}') ⊙ f′ of its ${next.activation}`;
    case 'dropout':
      return `∂L/∂a = ∂L/∂(output of '${next.id}'): dropout is off in this step, so it passes the gradient of '${id}' through`;
    default:
      return `∂L/∂a = ∂L/∂(output of '${next.id}') · γ / √(running variance + ε), through batch normalization`;
  }
}

/** √(mean g²) and max |g| per layer, over its trained tensors, in layer order. */
export function scalesOf(gradients: readonly WeightTensor[]): LayerGradientScale[] {
  const byLayer = new Map<string, { sum: number; n: number; max: number }>();
  for (const g of gradients) {
    const acc = byLayer.get(g.layer) ?? { sum: 0, n: 0, max: 0 };
    for (const v of g.data) {
      acc.sum += v * v;
      acc.max = Math.max(acc.max, Math.abs(v));
    }
    acc.n += g.data.length;
    byLayer.set(g.layer, acc);
  }
  return [...byLayer].map(([layer, a]) => ({ layer, rms: Math.sqrt(a.sum / Math.max(1, a.n)), maxAbs: a.max }));
}
