/**
 * Batch normalization: x̂ = (x − μ)/√(σ² + ε), y = γ·x̂ + β, with μ, σ² from the batch while training
 * and from running statistics at inference. Backward (training):
 * dγ = Σ dy⊙x̂, dβ = Σ dy, dx = γ/(n·√(σ²+ε)) · (n·dy − dβ − x̂·dγ).
 */
import type { Backend } from '../backend/backend.ts';
import type { ResolvedBatchNorm } from '../spec/resolve.ts';
import type { BoundLayer, LayerRuntime, Param } from './layer.ts';

/** Build a batch-norm layer: γ = 1, β = 0, running mean 0, running variance 1. */
export function createBatchNorm(spec: ResolvedBatchNorm, backend: Backend): LayerRuntime {
  const { id, units, momentum, epsilon } = spec;
  const ones = new Float32Array(units).fill(1);
  const p = (name: string, init: Float32Array | undefined, trained: boolean): Param => ({
    layer: id,
    name,
    shape: [units],
    value: backend.tensor([units], init),
    grad: trained ? backend.tensor([units]) : null,
    l1: 0,
    l2: 0,
  });
  const gamma = p('gamma', ones, true);
  const beta = p('beta', undefined, true);
  const movingMean = p('movingMean', undefined, false);
  const movingVariance = p('movingVariance', ones, false);
  return {
    id,
    type: 'batchNorm',
    params: [gamma, beta, movingMean, movingVariance],
    bind(rows: number): BoundLayer {
      const y = backend.tensor([rows, units]);
      const xhat = backend.tensor([rows, units]);
      const invStd = backend.tensor([units]);
      const dx = backend.tensor([rows, units]);
      let training = false;
      let x = y;
      return {
        forward(input, mode) {
          x = input;
          training = mode.training;
          backend.batchNormForward(
            input,
            gamma.value,
            beta.value,
            movingMean.value,
            movingVariance.value,
            y,
            xhat,
            invStd,
            momentum,
            epsilon,
            training,
          );
          return y;
        },
        backward(dy, needDx) {
          backend.batchNormBackward(dy, xhat, gamma.value, invStd, dx, gamma.grad!, beta.grad!, training);
          return needDx ? dx : null;
        },
        buffers: () => ({ input: x, xhat, y }),
        dispose() {
          for (const t of [y, xhat, invStd, dx]) backend.dispose(t);
        },
      };
    },
  };
}
