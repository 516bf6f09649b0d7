/** Optimizer updates and gradient utilities on host arrays (formulas on `OptimizerUpdate`). */
import type { OptimizerUpdate } from '../backend.ts';
import type { Buf } from './buffer.ts';

/** One fused update of w (size n) from gradient g, with state slots a and b. */
export function applyUpdate(step: OptimizerUpdate, w: Buf, g: Buf, a: Buf, b: Buf, n: number): void {
  switch (step.type) {
    case 'sgd': {
      const { learningRate: lr, momentum: mu, nesterov } = step;
      if (mu === 0) {
        for (let i = 0; i < n; i++) w[i] -= lr * g[i];
        return;
      }
      for (let i = 0; i < n; i++) {
        const v = mu * a[i] + g[i];
        a[i] = v;
        w[i] -= lr * (nesterov ? g[i] + mu * v : v);
      }
      return;
    }
    case 'rmsprop': {
      const { learningRate: lr, rho, epsilon, momentum: mu } = step;
      for (let i = 0; i < n; i++) {
        const s = rho * a[i] + (1 - rho) * g[i] * g[i];
        a[i] = s;
        const u = g[i] / (Math.sqrt(s) + epsilon);
        if (mu > 0) {
          b[i] = mu * b[i] + u;
          w[i] -= lr * b[i];
        } else {
          w[i] -= lr * u;
        }
      }
      return;
    }
    case 'adagrad': {
      const { learningRate: lr, epsilon } = step;
      for (let i = 0; i < n; i++) {
        const s = a[i] + g[i] * g[i];
        a[i] = s;
        w[i] -= (lr * g[i]) / (Math.sqrt(s) + epsilon);
      }
      return;
    }
    case 'adam': {
      const { learningRate: lr, beta1, beta2, epsilon, weightDecay, t } = step;
      const c1 = 1 / (1 - Math.pow(beta1, t));
      const c2 = 1 / (1 - Math.pow(beta2, t));
      const decay = 1 - lr * weightDecay;
      for (let i = 0; i < n; i++) {
        const gi = g[i];
        const m = beta1 * a[i] + (1 - beta1) * gi;
        const v = beta2 * b[i] + (1 - beta2) * gi * gi;
        a[i] = m;
        b[i] = v;
        w[i] = w[i] * decay - (lr * m * c1) / (Math.sqrt(v * c2) + epsilon);
      }
      return;
    }
  }
}

/** g ← g + l1·sign(w) + 2·l2·w. */
export function addRegularizationGradient(w: Buf, g: Buf, n: number, l1: number, l2: number): void {
  const l2x2 = 2 * l2;
  for (let i = 0; i < n; i++) {
    const wi = w[i];
    g[i] += l1 * (wi > 0 ? 1 : wi < 0 ? -1 : 0) + l2x2 * wi;
  }
}

/** Σ t². */
export function sumSquares(t: Buf, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += t[i] * t[i];
  return s;
}
