/** Losses, codes as in ../codes.ts; per-element math in f64 as losses/*.ts. */
import { at, put, clipProbability } from './math';

/** Loss codes. */
export const MSE = 0, MAE = 1, HUBER = 2, BCE = 3, CCE = 4;

/** Loss of one element given prediction p and target y (CCE: y = 1 for the true class). */
function value(code: i32, p: f64, y: f64, delta: f64): f64 {
  switch (code) {
    case MSE: return (p - y) * (p - y);
    case MAE: return Math.abs(p - y);
    case HUBER: {
      const e = Math.abs(p - y);
      return e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
    }
    case BCE: {
      const q = clipProbability(p);
      return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
    }
    default: return y != 0 ? -Math.log(clipProbability(p)) : 0;
  }
}

/** ∂value/∂p for one element. */
function grad(code: i32, p: f64, y: f64, delta: f64): f64 {
  switch (code) {
    case MSE: return 2 * (p - y);
    case MAE: return p > y ? 1 : p < y ? -1 : 0;
    case HUBER: {
      const e = p - y;
      return e > delta ? delta : e < -delta ? -delta : e;
    }
    case BCE: {
      const q = clipProbability(p);
      return (q - y) / (q * (1 - q));
    }
    default: return y != 0 ? -1 / clipProbability(p) : 0;
  }
}

/**
 * acc[0] += Σ_rows loss(row) (mean over the k outputs, or −ln p[target] for CCE);
 * classification losses also add the number of correct rows to acc[1] (argmax, or p ≥ 0.5 per output).
 */
export function lossAccumulate(code: i32, pred: usize, target: usize, acc: usize, n: i32, k: i32, delta: f64): void {
  let total: f64 = 0;
  let correct: i32 = 0;
  if (code == CCE) {
    for (let r = 0; r < n; r++) {
      const o = r * k;
      const c = <i32>at(target, r);
      total += value(code, at(pred, o + c), 1, delta);
      let best = 0;
      for (let j = 1; j < k; j++) if (at(pred, o + j) > at(pred, o + best)) best = j;
      if (best == c) correct++;
    }
  } else {
    for (let r = 0; r < n; r++) {
      const o = r * k;
      let rowLoss: f64 = 0;
      let rowCorrect = true;
      for (let j = 0; j < k; j++) {
        const p = at(pred, o + j);
        const y = at(target, o + j);
        rowLoss += value(code, p, y, delta);
        if ((p >= 0.5 ? 1.0 : 0.0) != y) rowCorrect = false;
      }
      total += rowLoss / k;
      if (rowCorrect) correct++;
    }
  }
  put(acc, 0, at(acc, 0) + total);
  if (code == CCE || code == BCE) put(acc, 1, at(acc, 1) + <f64>correct);
}

/** dpred = ∂(mean loss over rows)/∂pred; fused with softmax/sigmoid: (p − y)/n (CCE) or (p − y)/(n·k). */
export function lossGradient(code: i32, pred: usize, target: usize, dpred: usize, n: i32, k: i32, delta: f64, fused: bool): void {
  if (code == CCE) {
    const s: f64 = 1.0 / n;
    for (let r = 0; r < n; r++) {
      const o = r * k;
      const c = <i32>at(target, r);
      for (let j = 0; j < k; j++) {
        const isTrue: f64 = j == c ? 1 : 0;
        const p = at(pred, o + j);
        put(dpred, o + j, s * (fused ? p - isTrue : grad(code, p, isTrue, delta)));
      }
    }
    return;
  }
  const s: f64 = 1.0 / (<f64>n * <f64>k);
  const size = n * k;
  for (let i = 0; i < size; i++) {
    const p = at(pred, i);
    const y = at(target, i);
    put(dpred, i, s * (fused ? p - y : grad(code, p, y, delta)));
  }
}
