/** Dense layer: z = x·W + b, y = f(z); W [inputs, units] (Keras/TF.js layout). */
import type { Backend, Tensor } from '../backend/backend.ts';
import type { Random } from '../random.ts';
import type { ResolvedDense } from '../spec/resolve.ts';
import { fusesIntoDense } from './activations.ts';
import { initialize } from './initializers.ts';
import type { BoundLayer, LayerRuntime, Param } from './layer.ts';

/**
 * Forward: one fused kernel y = f(x·W + b) when f' is a function of y (sigmoid, tanh, the ReLU family:
 * fusesIntoDense); otherwise z = x·W + b, then y = f(z) with z kept.
 * Backward: dz = dy ⊙ f'(z) (skipped when the loss already gave dz);
 * dW = xᵀ·dz; db = Σ_rows dz; dx = dz·Wᵀ.
 */
export function createDense(spec: ResolvedDense, backend: Backend, rng: Random): LayerRuntime {
  const { id, inputs, units, activation } = spec;
  const kernel: Param = {
    layer: id,
    name: 'kernel',
    shape: [inputs, units],
    value: backend.tensor([inputs, units], initialize(spec.kernelInitializer, inputs * units, inputs, units, rng)),
    grad: backend.tensor([inputs, units]),
    l1: spec.l1,
    l2: spec.l2,
  };
  const bias: Param = {
    layer: id,
    name: 'bias',
    shape: [units],
    value: backend.tensor([units], initialize(spec.biasInitializer, units, inputs, units, rng)),
    grad: backend.tensor([units]),
    l1: 0,
    l2: 0,
  };
  return {
    id,
    type: 'dense',
    params: [kernel, bias],
    bind(rows: number): BoundLayer {
      // Fused: y = f(x·W + b) in one kernel and f' read from y; otherwise z is kept for f'(z).
      const fused = fusesIntoDense(activation);
      const y = backend.tensor([rows, units]);
      const z = fused ? y : backend.tensor([rows, units]);
      const dz = backend.tensor([rows, units]);
      const dx = backend.tensor([rows, inputs]);
      let x = y;
      return {
        forward(input, mode) {
          x = input;
          if (fused) backend.denseForward(input, kernel.value, bias.value, y, activation);
          else {
            backend.denseForward(input, kernel.value, bias.value, z);
            // the loss applies the softmax itself: y is left as it was
            if (mode.logits && activation === 'softmax') return z;
            backend.activationForward(activation, z, y);
          }
          return y;
        },
        backward(dy, needDx, dyIsPreActivation) {
          let g = dy;
          if (!dyIsPreActivation && activation !== 'linear') {
            backend.activationBackward(activation, z, y, dy, dz);
            g = dz;
          }
          backend.denseBackward(x, kernel.value, g, kernel.grad!, bias.grad!, needDx ? dx : null);
          return needDx ? dx : null;
        },
        // z only where it is kept; the step-through view recomputes it for fused layers
        buffers(): Record<string, Tensor> {
          return fused && activation !== 'linear' ? { input: x, y, dz } : { input: x, z, y, dz };
        },
        dispose() {
          for (const t of new Set([z, y, dz, dx])) backend.dispose(t);
        },
      };
    },
  };
}
